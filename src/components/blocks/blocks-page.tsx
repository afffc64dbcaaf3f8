import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Blocks, LibraryBig, X } from 'lucide-react';
import { buildBlockDocumentCountQuery, buildBlockDocumentsQuery, buildBlockTypesQuery, useDeleteBlockDocuments, type BlockDocument } from '../../api/blocks.ts';
import { blockFilterBody, type BlocksSearch } from '../../lib/blocks/search.ts';
import { ChoicePicker } from '../deployments/pickers.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { RequireRole } from '../auth/require-role.tsx';
import { BulkActions } from '../ui/bulk-actions.tsx';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Checkbox } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { BlockLogo } from './block-logo.tsx';
import { CapabilitySelect } from './capability-select.tsx';
import { SearchBox } from '../ui/list-filters.tsx';

const PAGE = 25;

/** `/blocks`: the named block documents, filtered by type, capability and name; bulk delete. */
export function BlocksPage({ search, onChange }: { search: BlocksSearch; onChange: (next: BlocksSearch) => void }) {
  const filter = useMemo(() => blockFilterBody(search), [search]);
  const page = search.page ?? 1;
  const documents = useQuery(buildBlockDocumentsQuery({ ...filter, sort: 'BLOCK_TYPE_AND_NAME_ASC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildBlockDocumentCountQuery(filter));
  const rows = useMemo(() => documents.data ?? [], [documents.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteBlockDocuments();
  const chosen = rows.filter((d) => selected.has(d.id));
  const filtered = Object.keys(filter).length > 0;
  const set = (patch: BlocksSearch) => onChange({ ...search, ...patch, page: undefined });
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  return (
    <>
      <PageHeader
        title="Blocks"
        description="Stored configuration and credentials (connections, secrets, notification targets) that flows load by name."
        count={count.data}
        actions={
          <RequireRole role="admin">
            <Link to="/blocks/catalog" className={buttonClassName('primary')}>
              <LibraryBig aria-hidden="true" />
              Add a block
            </Link>
          </RequireRole>
        }
      />
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
        <SearchBox value={search.q ?? ''} onChange={(q) => set({ q: q.trim() ? q : undefined })} label="Search blocks" placeholder="Search by name" />
        <TypePicker selected={search.type ?? []} onChange={(type) => set({ type: type.length ? type : undefined })} />
        <CapabilitySelect value={search.capability} onChange={(capability) => set({ capability })} />
        {filtered && (
          <Button onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
      <Card className="mt-3">
        {chosen.length > 0 && <BulkActions count={chosen.length} onDelete={() => setConfirmDelete(true)} onClear={() => setSelected(new Set())} />}
        {documents.isError ? (
          <ErrorState error={documents.error} onRetry={() => void documents.refetch()} title="Could not load blocks" />
        ) : documents.isSuccess && rows.length === 0 ? (
          filtered ? (
            <EmptyState icon={Blocks} title="No block matches these filters" action={<Button onClick={() => onChange({})}>Clear filters</Button>}>
              Remove a filter or search for another name.
            </EmptyState>
          ) : (
            <EmptyState
              icon={Blocks}
              title="No blocks yet"
              action={
                <Link to="/blocks/catalog" className={buttonClassName('primary')}>
                  <LibraryBig aria-hidden="true" />
                  Browse the block catalog
                </Link>
              }
            >
              A block stores configuration a flow needs, such as a database connection, an API key or a webhook, under a name: flows load it with{' '}
              <code className="rounded bg-surface-hover px-1 font-mono text-xs">Block.load('type/name')</code>, and secrets in it are encrypted and never shown. Pick a block type in the catalog to create one.
            </EmptyState>
          )
        ) : (
          <>
            <Table
              label="Blocks"
              head={
                <>
                  <th className={th + ' w-8'}>
                    <Checkbox aria-label="Select all blocks on this page" checked={rows.length > 0 && chosen.length === rows.length} onChange={() => setSelected(chosen.length === rows.length ? new Set() : new Set(rows.map((d) => d.id)))} />
                  </th>
                  <th className={th + ' w-[60%]'}>Block</th>
                  <th className={th}>Type</th>
                  <th className={th}>Capabilities</th>
                  <th className={th + ' w-[40%]'}>References</th>
                  <th className={th}>Updated</th>
                </>
              }
            >
              {documents.isPending ? <SkeletonRows columns={6} /> : rows.map((d) => <Row key={d.id} doc={d} selected={selected.has(d.id)} onToggle={() => toggle(d.id)} />)}
            </Table>
            <Pagination page={page} pageSize={PAGE} total={count.data} onPage={(p) => onChange({ ...search, page: p > 1 ? p : undefined })} noun="blocks" />
          </>
        )}
      </Card>
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Delete blocks"
        confirmLabel={`Delete ${chosen.length} block${chosen.length === 1 ? '' : 's'}`}
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(
            chosen.map((d) => d.id),
            {
              onSuccess: ({ done, failed }) => {
                toast(`Deleted ${done} block${done === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}.`, failed ? 'error' : 'success');
                setSelected(new Set());
                setConfirmDelete(false);
              },
              onError: (error) => toast(`Could not delete: ${error.message}`, 'error'),
            },
          )
        }
      >
        Delete {chosen.map((d) => d.name).join(', ')}? Flows that load {chosen.length === 1 ? 'it' : 'them'} by name will fail, and blocks that reference {chosen.length === 1 ? 'it' : 'them'} lose the reference. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

function TypePicker({ selected, onChange }: { selected: string[]; onChange: (slugs: string[]) => void }) {
  return <ChoicePicker noun="block type" selected={selected} onChange={onChange} useChoices={useTypeChoices} />;
}

function useTypeChoices(filter: string, enabled: boolean) {
  const types = useQuery({ ...buildBlockTypesQuery(filter ? { block_types: { name: { like_: filter } } } : {}), enabled });
  return { data: types.data?.map((t) => ({ id: t.slug, label: t.name })), isPending: types.isPending && enabled };
}

function Row({ doc: d, selected, onToggle }: { doc: BlockDocument; selected: boolean; onToggle: () => void }) {
  const name = d.name ?? d.id;
  const references = Object.entries(d.block_document_references);
  return (
    <tr className={selected ? 'bg-accent/5' : 'hover:bg-surface-hover/60'}>
      <td className={td}>
        <Checkbox aria-label={`Select ${name}`} checked={selected} onChange={onToggle} />
      </td>
      <td className={tdFlex + ' py-1.5'}>
        <span className="flex items-center gap-2">
          <BlockLogo url={d.block_type?.logo_url} className="size-6 shrink-0" />
          <Link to="/blocks/block/$id" params={{ id: d.id }} className="truncate font-medium text-accent hover:underline">
            {name}
          </Link>
        </span>
      </td>
      <td className={td + ' whitespace-nowrap'}>
        {d.block_type ? (
          <Link to="/blocks/catalog/$slug" params={{ slug: d.block_type.slug }} className="hover:underline">
            {d.block_type.name}
          </Link>
        ) : (
          (d.block_type_name ?? '—')
        )}
      </td>
      <td className={td}>{d.block_schema?.capabilities.length ? <TagList tags={d.block_schema.capabilities} max={2} /> : <span className="text-fg-muted">—</span>}</td>
      <td className={tdFlex}>
        {references.length === 0 ? (
          <span className="text-fg-muted">—</span>
        ) : (
          <span className="flex flex-wrap gap-x-2">
            {references.map(([field, r]) => (
              <Link key={field} to="/blocks/block/$id" params={{ id: r.block_document.id }} title={`${field}: ${r.block_document.block_type.name}`} className="truncate hover:underline">
                {r.block_document.name ?? r.block_document.id}
              </Link>
            ))}
          </span>
        )}
      </td>
      <td className={td}>
        <DateTime value={d.updated} />
      </td>
    </tr>
  );
}
