import { GetStarted } from '../ui/get-started.tsx';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Search, Trash2 } from 'lucide-react';
import { buildFlowCountQuery, buildFlowsQuery, useDeleteFlow, type Flow } from '../../api/flows.ts';
import { buildDeploymentCountsByFlowQuery } from '../../api/deployments.ts';
import { buildFlowRunsQuery } from '../../api/flow-runs.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Input } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge, stateColor } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { useTableColumns, type TableColumn, type TableColumns } from '../ui/table-columns.tsx';
import { DateTime, RelativeTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { useTypingPause } from '../ui/use-typing-pause.ts';

const PAGE = 20;

/** In display order; `priority` says which keep their place when the table is narrow (the name takes what is left, truncated). */
const COLUMNS: readonly TableColumn[] = [
  { id: 'name', label: 'Flow', width: 160, required: true },
  { id: 'last-run', label: 'Last run', width: 190, priority: 1 },
  { id: 'next-run', label: 'Next run', width: 190, priority: 3 },
  { id: 'deployments', label: 'Deployments', width: 110, priority: 4 },
  { id: 'activity', label: 'Activity', width: 140, priority: 2 },
  { id: 'tags', label: 'Tags', width: 200, priority: 5 },
  { id: 'actions', label: 'Actions', width: 56, required: true },
];

export function FlowsPage({ q, page, onChange }: { q: string; page: number; onChange: (next: { q?: string; page?: number }) => void }) {
  const [text, setText] = useTypingPause(q, (next) => onChange({ q: next || undefined, page: undefined }));
  const filter = q ? { flows: { name: { like_: q } } } : {};
  const flows = useQuery(buildFlowsQuery({ ...filter, sort: 'NAME_ASC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildFlowCountQuery(filter));
  // Deployment counts for the whole page in one request (paged only past 200 deployments).
  const deploymentCounts = useQuery(buildDeploymentCountsByFlowQuery((flows.data ?? []).map((f) => f.id)));
  const [deleting, setDeleting] = useState<Flow | null>(null);
  const remove = useDeleteFlow();
  const cols = useTableColumns('flows', COLUMNS);

  return (
    <>
      <PageHeader title="Flows" description="Every flow that has run on this server, with its latest and next runs." count={count.data} />
      <div className="mb-3">
        <label className="relative inline-block">
          <span className="sr-only">Search flows</span>
          <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
          <Input data-page-search value={text} onChange={(e) => setText(e.target.value)} placeholder="Search flows by name" className="w-64 pl-7" />
        </label>
      </div>
      <Card>
        {flows.isError ? (
          <ErrorState error={flows.error} onRetry={() => void flows.refetch()} title="Could not load flows" />
        ) : flows.data?.length === 0 ? (
          <EmptyState title={q ? 'No flow matches' : 'No flows yet'}>
            {q ? (
              'Try another part of the name.'
            ) : (
              <>
                A flow appears here the first time it runs: call a function wrapped with <code className="rounded bg-surface-hover px-1 font-mono text-xs">flow()</code> from the SDK, or run a deployment.
                <GetStarted />
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <Table
              label="Flows"
              columns={cols}
              head={
                <>
                  <th className={th + ' w-full'}>Flow</th>
                  {cols.shows('last-run') && <th className={th}>Last run</th>}
                  {cols.shows('next-run') && <th className={th}>Next run</th>}
                  {cols.shows('deployments') && <th className={th}>Deployments</th>}
                  {cols.shows('activity') && <th className={th}>Activity</th>}
                  {cols.shows('tags') && <th className={th}>Tags</th>}
                  <th className={th}>
                    <span className="sr-only">Actions</span>
                  </th>
                </>
              }
            >
              {flows.isPending ? <SkeletonRows columns={cols.count} /> : flows.data.map((f) => <FlowRow key={f.id} flow={f} cols={cols} deployments={deploymentCounts.data?.[f.id]} onDelete={() => setDeleting(f)} />)}
            </Table>
            <Pagination page={page} pageSize={PAGE} total={count.data} onPage={(p) => onChange({ q: q || undefined, page: p > 1 ? p : undefined })} noun="flows" />
          </>
        )}
      </Card>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete flow"
        confirmLabel="Delete flow"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (toast(`Deleted ${deleting.name}.`), setDeleting(null)) })}
      >
        Delete {deleting?.name} with all its runs and deployments? This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

function FlowRow({ flow, cols, deployments, onDelete }: { flow: Flow; cols: TableColumns; deployments: number | undefined; onDelete: () => void }) {
  // Two small requests per visible flow: its latest runs (last run + activity) and its next scheduled run.
  const recent = useQuery(buildFlowRunsQuery({ flows: { id: { any_: [flow.id] } }, flow_runs: { start_time: { is_null_: false } }, sort: 'START_TIME_DESC', limit: 16 }));
  const next = useQuery({ ...buildFlowRunsQuery({ flows: { id: { any_: [flow.id] } }, flow_runs: { state: { type: { any_: ['SCHEDULED'] } } }, sort: 'NEXT_SCHEDULED_START_TIME_ASC', limit: 1 }), enabled: cols.shows('next-run') });
  const last = recent.data?.[0];
  return (
    <tr className="hover:bg-surface-hover/60">
      <td className={tdFlex}>
        <Link to="/flows/flow/$id" params={{ id: flow.id }} className="block truncate font-medium text-accent hover:underline">
          {flow.name}
        </Link>
      </td>
      {cols.shows('last-run') && (
        <td className={td}>
          {recent.isPending ? (
            <Skeleton className="w-28" />
          ) : last ? (
            <span className="inline-flex items-center gap-2">
              <StateBadge type={last.state_type} name={last.state_name} size="sm" />
              <Link to="/runs/flow-run/$id" params={{ id: last.id }} className="hover:underline">
                <RelativeTime value={last.start_time} />
              </Link>
            </span>
          ) : (
            <span className="text-fg-muted">never ran</span>
          )}
        </td>
      )}
      {cols.shows('next-run') && <td className={td}>{next.isPending ? <Skeleton className="w-24" /> : next.data?.[0] ? <DateTime value={next.data[0].next_scheduled_start_time ?? next.data[0].expected_start_time} /> : <span className="text-fg-muted">none scheduled</span>}</td>}
      {cols.shows('deployments') && (
        <td className={td + ' tabular-nums'}>
          {deployments === undefined ? (
            <Skeleton className="w-6" />
          ) : deployments === 0 ? (
            <span className="text-fg-muted">none</span>
          ) : (
            <Link to="/flows/flow/$id" params={{ id: flow.id }} search={{ tab: 'deployments' }} className="hover:underline">
              {deployments}
            </Link>
          )}
        </td>
      )}
      {cols.shows('activity') && (
        <td className={td}>
          <span className="flex h-5 items-end gap-px" aria-label={`Last ${recent.data?.length ?? 0} runs`}>
            {[...(recent.data ?? [])].reverse().map((r) => (
              <span key={r.id} title={`${r.name}: ${r.state_name ?? ''}`} className="w-1.5 rounded-sm" style={{ height: `${Math.max(25, Math.min(100, 25 + Math.log10(1 + r.estimated_run_time) * 25))}%`, background: stateColor(r.state_type, r.state_name) }} />
            ))}
          </span>
        </td>
      )}
      {cols.shows('tags') && (
        <td className={td}>
          <TagList tags={flow.tags} max={2} />
        </td>
      )}
      <td className={td + ' text-right'}>
        <RequireRole role="admin">
          <Button aria-label={`Delete ${flow.name}`} onClick={onDelete}>
            <Trash2 aria-hidden="true" />
          </Button>
        </RequireRole>
      </td>
    </tr>
  );
}
