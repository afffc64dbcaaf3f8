import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Braces, Pencil, Trash2, X } from 'lucide-react';
import { buildVariableCountQuery, buildVariablesQuery, useDeleteVariable, type Variable } from '../../api/variables.ts';
import { variableFilterBody, type ListSearch } from '../../lib/list-search.ts';
import { NewButton, RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { SearchBox, TagFilter } from '../ui/list-filters.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { VariableDialog } from './variable-dialog.tsx';

const PAGE = 50;

/** `/variables`: named values flows read at run time; search and tag filters run on the server. */
export function VariablesPage({ search, onChange }: { search: ListSearch; onChange: (next: ListSearch) => void }) {
  const filter = useMemo(() => variableFilterBody(search), [search]);
  const page = search.page ?? 1;
  const variables = useQuery(buildVariablesQuery({ ...filter, sort: 'NAME_ASC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildVariableCountQuery(filter));
  const [editing, setEditing] = useState<Variable | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Variable | null>(null);
  const remove = useDeleteVariable();
  const filtered = Boolean(search.q || search.tag?.length);
  const set = (patch: ListSearch) => onChange({ ...search, ...patch, page: undefined });
  const rows = variables.data ?? [];
  const newButton = (
    <NewButton role="operator" onClick={() => setEditing('new')}>
      New variable
    </NewButton>
  );

  return (
    <>
      <PageHeader
        title="Variables"
        description="Named values that flows and deployment templates read at run time."
        count={count.data}
        actions={newButton}
      />
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
        <SearchBox value={search.q ?? ''} onChange={(q) => set({ q: q || undefined })} label="Search variables" placeholder="Search by name" />
        <TagFilter tags={search.tag ?? []} onChange={(tag) => set({ tag: tag.length ? tag : undefined })} />
        {filtered && (
          <Button onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
      <Card className="mt-3">
        {variables.isError ? (
          <ErrorState error={variables.error} onRetry={() => void variables.refetch()} title="Could not load variables" />
        ) : variables.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Braces} title={filtered ? 'No variable matches these filters' : 'No variables yet'} action={filtered ? <Button onClick={() => onChange({})}>Clear filters</Button> : newButton}>
            {filtered ? 'Search for another name or remove a tag filter.' : 'Variables hold settings such as URLs or thresholds that flows read by name at run time, so they can change without a new deployment.'}
          </EmptyState>
        ) : (
          <>
            <Table
              label="Variables"
              head={
                <>
                  <th className={th + ' w-[40%]'}>Name</th>
                  <th className={th + ' w-[60%]'}>Value</th>
                  <th className={th}>Tags</th>
                  <th className={th}>Updated</th>
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </>
              }
            >
              {variables.isPending ? (
                <SkeletonRows columns={5} />
              ) : (
                rows.map((v) => (
                  <tr key={v.id} className="hover:bg-surface-hover/60">
                    <td className={tdFlex + ' truncate font-mono text-xs font-medium'} title={v.name}>
                      {v.name}
                    </td>
                    <td className={tdFlex + ' truncate font-mono text-xs'} title={v.value.length > 30 ? v.value.slice(0, 1000) : undefined}>
                      {v.value === '' ? <span className="font-sans text-fg-muted italic">empty</span> : v.value}
                    </td>
                    <td className={td}>
                      <TagList tags={v.tags} max={3} />
                    </td>
                    <td className={td}>
                      <RelativeTime value={v.updated} />
                    </td>
                    <td className={td + ' text-right whitespace-nowrap'}>
                      <RequireRole role="operator">
                        <Button aria-label={`Edit variable ${v.name}`} title="Edit" onClick={() => setEditing(v)}>
                          <Pencil aria-hidden="true" />
                          <span className="hidden xl:inline">Edit</span>
                        </Button>
                      </RequireRole>{' '}
                      <RequireRole role="operator">
                        <Button aria-label={`Delete variable ${v.name}`} title="Delete" onClick={() => setDeleting(v)}>
                          <Trash2 aria-hidden="true" />
                        </Button>
                      </RequireRole>
                    </td>
                  </tr>
                ))
              )}
            </Table>
            <Pagination page={page} pageSize={PAGE} total={count.data} onPage={(p) => onChange({ ...search, page: p > 1 ? p : undefined })} noun="variables" />
          </>
        )}
      </Card>
      <VariableDialog open={editing !== null} onClose={() => setEditing(null)} variable={editing === 'new' || editing === null ? undefined : editing} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete variable"
        confirmLabel="Delete variable"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (toast(`Deleted ${deleting.name}.`), setDeleting(null)) })}
      >
        Delete <span className="font-mono text-fg">{deleting?.name}</span>? Flows that read it will fail to find it. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
