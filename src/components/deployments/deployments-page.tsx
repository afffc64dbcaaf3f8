import { GetStarted } from '../ui/get-started.tsx';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Link } from '@tanstack/react-router';
import { Pause, Play, Rocket, Search, X } from 'lucide-react';
import { buildDeploymentCountQuery, buildDeploymentsQuery, useDeleteDeployments, useSetDeploymentsPaused, type Deployment } from '../../api/deployments.ts';
import { buildFlowRunsQuery } from '../../api/flow-runs.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { deploymentFilterBody, type DeploymentsSearch } from '../../lib/deployment-search.ts';
import { describeSchedule } from '../../lib/schedules.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { BulkActions } from '../ui/bulk-actions.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Checkbox, Input, Select } from '../ui/form.tsx';
import { TagFilter } from '../ui/list-filters.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { useTableColumns, type TableColumn, type TableColumns } from '../ui/table-columns.tsx';
import { DateTime, RelativeTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { FlowFilterPicker, WorkPoolFilterPicker } from './pickers.tsx';
import { PausedSwitch } from './paused-switch.tsx';
import { useTypingPause } from '../ui/use-typing-pause.ts';

const PAGE = 25;

/** In display order; `priority` says which keep their place when the table is narrow (the name takes what is left, truncated). */
const COLUMNS: readonly TableColumn[] = [
  { id: 'select', label: 'Select', width: 32, required: true },
  { id: 'name', label: 'Deployment', width: 150, required: true },
  { id: 'schedule', label: 'Schedule', width: 115, priority: 1 },
  { id: 'paused', label: 'Paused', width: 100, priority: 4 },
  { id: 'work-pool', label: 'Work pool', width: 110, priority: 5 },
  { id: 'last-run', label: 'Last run', width: 190, priority: 2 },
  { id: 'next-run', label: 'Next run', width: 190, priority: 3 },
  { id: 'tags', label: 'Tags', width: 200, priority: 6 },
];

export function DeploymentsPage({ search, onChange }: { search: DeploymentsSearch; onChange: (next: DeploymentsSearch) => void }) {
  const filter = useMemo(() => deploymentFilterBody(search), [search]);
  const page = search.page ?? 1;
  const deployments = useQuery(buildDeploymentsQuery({ ...filter, sort: 'NAME_ASC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildDeploymentCountQuery(filter));
  const rows = useMemo(() => deployments.data ?? [], [deployments.data]);
  const flows = useQuery(buildFlowsByIdQuery(rows.map((d) => d.flow_id)));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirmDelete, setConfirmDelete] = useState(false);
  const setPaused = useSetDeploymentsPaused();
  const remove = useDeleteDeployments();
  const cols = useTableColumns('deployments', COLUMNS);
  const chosen = rows.filter((d) => selected.has(d.id));
  const filtered = Object.keys(filter).length > 0;
  const set = (patch: DeploymentsSearch) => onChange({ ...search, ...patch, page: undefined });
  const bulk = (verb: string) => ({
    onSuccess: ({ done, failed }: { done: number; failed: number }) => {
      toast(`${verb} ${done} deployment${done === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}.`, failed ? 'error' : 'success');
      setSelected(new Set());
      setConfirmDelete(false);
    },
  });

  return (
    <>
      <PageHeader
        title="Deployments"
        description="Flows packaged to run on a schedule or on demand, through a work pool."
        count={count.data}
      />
      <Filters search={search} onChange={set} />
      <Card className="mt-3">
        {chosen.length > 0 && (
          <BulkActions count={chosen.length} onDelete={() => setConfirmDelete(true)} onClear={() => setSelected(new Set())}>
            <RequireRole role="admin">
              <Button disabled={setPaused.isPending} onClick={() => setPaused.mutate({ ids: chosen.map((d) => d.id), paused: true }, bulk('Paused'))}>
                <Pause aria-hidden="true" />
                Pause
              </Button>
            </RequireRole>
            <RequireRole role="admin">
              <Button disabled={setPaused.isPending} onClick={() => setPaused.mutate({ ids: chosen.map((d) => d.id), paused: false }, bulk('Resumed'))}>
                <Play aria-hidden="true" />
                Resume
              </Button>
            </RequireRole>
          </BulkActions>
        )}
        {deployments.isError ? (
          <ErrorState error={deployments.error} onRetry={() => void deployments.refetch()} title="Could not load deployments" />
        ) : deployments.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Rocket} title={filtered ? 'No deployment matches these filters' : 'No deployments yet'} action={filtered ? <Button onClick={() => onChange({})}>Clear filters</Button> : undefined}>
            {filtered ? 'Remove a filter or search for another name.' : (
              <>
                Deploy a flow with <code className="rounded bg-surface-hover px-1 font-mono text-xs">syntask deploy</code> (see the README); its deployments appear here with their schedules, and you can start runs from them.
                <GetStarted />
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <Table
              label="Deployments"
              columns={cols}
              head={
                <>
                  <th className={th + ' w-8'}>
                    <Checkbox aria-label="Select all deployments on this page" checked={rows.length > 0 && chosen.length === rows.length} onChange={() => setSelected(chosen.length === rows.length ? new Set() : new Set(rows.map((d) => d.id)))} />
                  </th>
                  <th className={th + ' w-[60%]'}>Deployment</th>
                  {cols.shows('schedule') && <th className={th + ' w-[40%]'}>Schedule</th>}
                  {cols.shows('paused') && <th className={th}>Paused</th>}
                  {cols.shows('work-pool') && <th className={th}>Work pool</th>}
                  {cols.shows('last-run') && <th className={th}>Last run</th>}
                  {cols.shows('next-run') && <th className={th}>Next run</th>}
                  {cols.shows('tags') && <th className={th}>Tags</th>}
                </>
              }
            >
              {deployments.isPending ? (
                <SkeletonRows columns={cols.count} />
              ) : (
                rows.map((d) => (
                  <Row key={d.id} deployment={d} cols={cols} flowName={flows.data?.[d.flow_id]?.name} selected={selected.has(d.id)} onToggle={() => setSelected((s) => (s.has(d.id) ? new Set([...s].filter((x) => x !== d.id)) : new Set([...s, d.id])))} />
                ))
              )}
            </Table>
            <Pagination page={page} pageSize={PAGE} total={count.data} onPage={(p) => onChange({ ...search, page: p > 1 ? p : undefined })} noun="deployments" />
          </>
        )}
      </Card>
      <ConfirmDialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete deployments" confirmLabel="Delete deployments" busy={remove.isPending} onConfirm={() => remove.mutate(chosen.map((d) => d.id), bulk('Deleted'))}>
        Delete {chosen.length} deployment{chosen.length === 1 ? '' : 's'}? Their scheduled runs are deleted too; past runs stay. This cannot be undone.
      </ConfirmDialog>
    </>
  );
}

function Filters({ search, onChange }: { search: DeploymentsSearch; onChange: (patch: DeploymentsSearch) => void }) {
  const [q, setQ] = useTypingPause(search.q ?? '', (next) => onChange({ q: next || undefined }));
  const any = Boolean(search.q || search.flow?.length || search.tag?.length || search.pool?.length || search.status);
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
      <label className="relative">
        <span className="sr-only">Search deployments</span>
        <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
        <Input data-page-search value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name" className="w-56 pl-7" />
      </label>
      <FlowFilterPicker selected={search.flow ?? []} onChange={(flow) => onChange({ flow: flow.length ? flow : undefined })} />
      <WorkPoolFilterPicker selected={search.pool ?? []} onChange={(pool) => onChange({ pool: pool.length ? pool : undefined })} />
      <Select aria-label="Status" value={search.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as DeploymentsSearch['status'] })}>
        <option value="">Active and paused</option>
        <option value="active">Active only</option>
        <option value="paused">Paused only</option>
      </Select>
      <TagFilter tags={search.tag ?? []} onChange={(tag) => onChange({ tag: tag.length ? tag : undefined })} />
      {any && (
        <Button onClick={() => onChange({ q: undefined, flow: undefined, tag: undefined, pool: undefined, status: undefined })}>
          <X aria-hidden="true" />
          Clear filters
        </Button>
      )}
    </div>
  );
}

function Row({ deployment: d, cols, flowName, selected, onToggle }: { deployment: Deployment; cols: TableColumns; flowName?: string; selected: boolean; onToggle: () => void }) {
  // Two small requests per visible deployment (page of 25): its latest started run and its next scheduled one.
  const byDeployment = { deployments: { id: { any_: [d.id] } } };
  const last = useQuery({ ...buildFlowRunsQuery({ ...byDeployment, flow_runs: { start_time: { is_null_: false } }, sort: 'START_TIME_DESC', limit: 1 }), enabled: cols.shows('last-run') });
  const next = useQuery({ ...buildFlowRunsQuery({ ...byDeployment, flow_runs: { state: { type: { any_: ['SCHEDULED'] } } }, sort: 'NEXT_SCHEDULED_START_TIME_ASC', limit: 1 }), enabled: cols.shows('next-run') });
  const lastRun = last.data?.[0];
  const nextRun = next.data?.[0];
  const [first, ...more] = d.schedules;
  return (
    <tr className={selected ? 'bg-accent/5' : 'hover:bg-surface-hover/60'}>
      <td className={td}>
        <Checkbox aria-label={`Select ${d.name}`} checked={selected} onChange={onToggle} />
      </td>
      <td className={tdFlex + ' py-1.5'}>
        <Link to="/deployments/deployment/$id" params={{ id: d.id }} className="block truncate font-medium text-accent hover:underline">
          {d.name}
        </Link>
        <span className="block truncate text-xs text-fg-muted">{flowName ?? '…'}</span>
      </td>
      {cols.shows('schedule') && (
        <td className={tdFlex}>
          {first ? (
            <span className={clsx('block truncate', !first.active && 'text-fg-muted')} title={more.length ? d.schedules.map((s) => describeSchedule(s.schedule)).join('\n') : undefined}>
              {describeSchedule(first.schedule)}
              {!first.active && ' (inactive)'}
              {more.length > 0 && <span className="text-fg-muted"> +{more.length} more</span>}
            </span>
          ) : (
            <span className="text-fg-muted">No schedule</span>
          )}
        </td>
      )}
      {cols.shows('paused') && (
        <td className={td}>
          <PausedSwitch deployment={d} />
        </td>
      )}
      {cols.shows('work-pool') && (
        <td className={td}>
          {d.work_pool_name ? (
            <Link to="/work-pools/work-pool/$name" params={{ name: d.work_pool_name }} className="hover:underline">
              {d.work_pool_name}
            </Link>
          ) : (
            <span className="text-fg-muted">—</span>
          )}
        </td>
      )}
      {cols.shows('last-run') && (
        <td className={td}>
          {last.isPending ? (
            <Skeleton className="w-24" />
          ) : lastRun ? (
            <span className="inline-flex items-center gap-2">
              <StateBadge type={lastRun.state_type} name={lastRun.state_name} size="sm" />
              <Link to="/runs/flow-run/$id" params={{ id: lastRun.id }} className="hover:underline">
                <RelativeTime value={lastRun.start_time} />
              </Link>
            </span>
          ) : (
            <span className="text-fg-muted">never ran</span>
          )}
        </td>
      )}
      {cols.shows('next-run') && <td className={td}>{next.isPending ? <Skeleton className="w-24" /> : nextRun ? <DateTime value={nextRun.next_scheduled_start_time ?? nextRun.expected_start_time} /> : <span className="text-fg-muted">none scheduled</span>}</td>}
      {cols.shows('tags') && (
        <td className={td}>
          <TagList tags={d.tags} max={2} />
        </td>
      )}
    </tr>
  );
}
