import { GetStarted } from '../ui/get-started.tsx';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Ban, GitCompare } from 'lucide-react';
import { buildDeploymentsByIdQuery } from '../../api/deployments.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { buildFlowRunCountQuery, buildFlowRunsQuery, buildTaskRunCountsQuery, cancelProposal, useBulkFlowRunAction, type FlowRun, type FlowRunCountBody } from '../../api/flow-runs.ts';
import { isActiveState } from '../../lib/states.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { BulkActions } from '../ui/bulk-actions.tsx';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { useTableColumns, type TableColumn, type TableColumns } from '../ui/table-columns.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog, StateDialog } from './state-dialog.tsx';
import { TaskRunCounts } from './task-run-counts.tsx';

/** In display order; `priority` says which keep their place when the table is narrow (the name columns take what is left, truncated). */
const COLUMNS: readonly TableColumn[] = [
  { id: 'select', label: 'Select', width: 32, required: true },
  { id: 'state', label: 'State', width: 120, required: true },
  { id: 'name', label: 'Run', width: 140, required: true },
  { id: 'flow', label: 'Flow', width: 115, priority: 1 },
  { id: 'deployment', label: 'Deployment', width: 115, priority: 5 },
  { id: 'start', label: 'Start', width: 190, priority: 2 },
  { id: 'duration', label: 'Duration', width: 90, priority: 3 },
  { id: 'task-runs', label: 'Task runs', width: 130, priority: 4 },
  { id: 'tags', label: 'Tags', width: 200, priority: 6 },
];
const WITHOUT_FLOW = COLUMNS.filter((c) => c.id !== 'flow');
const WITHOUT_DEPLOYMENT = COLUMNS.filter((c) => c.id !== 'deployment');
const WITHOUT_BOTH = WITHOUT_FLOW.filter((c) => c.id !== 'deployment');

export interface FlowRunsTableProps {
  /** Filter keys (no sort / paging). */
  filter: FlowRunCountBody;
  sort: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  label?: string;
  /** Shown when nothing matches. */
  empty: React.ReactNode;
  hideFlow?: boolean;
  /** On a deployment's own page its name would repeat on every row. */
  hideDeployment?: boolean;
}

/** A page of flow runs with task-run counts (one request for the page), bulk cancel / change state / delete. */
export function FlowRunsTable({ filter, sort, page, pageSize, onPage, label = 'Flow runs', empty, hideFlow, hideDeployment }: FlowRunsTableProps) {
  const body = { ...filter, sort: sort as never, limit: pageSize, offset: (page - 1) * pageSize };
  const runs = useQuery(buildFlowRunsQuery(body));
  const count = useQuery(buildFlowRunCountQuery(filter));
  const flags = useFeatureFlags();
  const rows = useMemo(() => runs.data ?? [], [runs.data]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const cols = useTableColumns('flow-runs', hideFlow ? (hideDeployment ? WITHOUT_BOTH : WITHOUT_FLOW) : hideDeployment ? WITHOUT_DEPLOYMENT : COLUMNS);
  const counts = useQuery({ ...buildTaskRunCountsQuery(ids, flags?.has('flow_run_task_run_counts') ?? false), enabled: ids.length > 0 && flags !== undefined });
  const flows = useQuery({ ...buildFlowsByIdQuery(rows.map((r) => r.flow_id)), enabled: cols.shows('flow') && rows.length > 0 });
  // One request names every deployment on the page.
  const deploymentIds = useMemo(() => rows.flatMap((r) => (r.deployment_id ? [r.deployment_id] : [])), [rows]);
  const deployments = useQuery({ ...buildDeploymentsByIdQuery(deploymentIds), enabled: cols.shows('deployment') && deploymentIds.length > 0 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'state' | 'delete' | 'cancel' | null>(null);
  const bulk = useBulkFlowRunAction();

  const visibleSelected = rows.filter((r) => selected.has(r.id));
  const allSelected = rows.length > 0 && visibleSelected.length === rows.length;
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const run = (action: Parameters<typeof bulk.mutate>[0]['action'], verb: string) =>
    bulk.mutate(
      { ids: visibleSelected.map((r) => r.id), action },
      {
        onSuccess: ({ done, failed }) => {
          toast(`${verb} ${done} run${done === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}.`, failed ? 'error' : 'success');
          setSelected(new Set());
          setDialog(null);
        },
      },
    );

  return (
    <div>
      {visibleSelected.length > 0 && (
        <BulkActions count={visibleSelected.length} onChangeState={() => setDialog('state')} onDelete={() => setDialog('delete')} onClear={() => setSelected(new Set())}>
          <RequireRole role="operator">
            <Button onClick={() => setDialog('cancel')} disabled={!visibleSelected.some((r) => isActiveState(r.state_type))}>
              <Ban aria-hidden="true" />
              Cancel
            </Button>
          </RequireRole>
          {visibleSelected.length === 2 && (
            <Link to="/runs/compare" search={{ left: visibleSelected[0].id, right: visibleSelected[1].id }} className={buttonClassName()}>
              <GitCompare aria-hidden="true" />
              Compare
            </Link>
          )}
        </BulkActions>
      )}
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} title="Could not load flow runs" />
      ) : runs.isSuccess && rows.length === 0 ? (
        empty
      ) : (
        <Table
          label={label}
          columns={cols}
          head={
            <>
              <th className={th + ' w-8'}>
                <Checkbox aria-label="Select all runs on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(ids))} disabled={rows.length === 0} />
              </th>
              <th className={th}>State</th>
              <th className={th + ' w-[45%]'}>Run</th>
              {cols.shows('flow') && <th className={th + ' w-[30%]'}>Flow</th>}
              {cols.shows('deployment') && <th className={th + ' w-[25%]'}>Deployment</th>}
              {cols.shows('start') && <th className={th}>Start</th>}
              {cols.shows('duration') && <th className={th}>Duration</th>}
              {cols.shows('task-runs') && <th className={th}>Task runs</th>}
              {cols.shows('tags') && <th className={th}>Tags</th>}
            </>
          }
        >
          {runs.isPending ? (
            <SkeletonRows columns={cols.count} />
          ) : (
            rows.map((r) => (
                <Row
                  key={r.id}
                  run={r}
                  flowName={flows.data?.[r.flow_id]?.name}
                  deploymentName={r.deployment_id ? (deployments.data?.[r.deployment_id]?.name ?? (deployments.isSuccess && !deployments.isPlaceholderData ? null : undefined)) : undefined}
                  cols={cols}
                  selected={selected.has(r.id)}
                  onToggle={() => toggle(r.id)}
                  counts={counts.data?.[r.id]}
                />
              ))
          )}
        </Table>
      )}
      {!(runs.isSuccess && rows.length === 0) && <Pagination page={page} pageSize={pageSize} total={count.data} onPage={onPage} noun="flow runs" />}
      <ConfirmDialog open={dialog === 'cancel'} onClose={() => setDialog(null)} title="Cancel runs" confirmLabel="Cancel runs" busy={bulk.isPending} onConfirm={() => run({ kind: 'state', state: cancelProposal }, 'Cancelled')}>
        Cancel {visibleSelected.length} selected run{visibleSelected.length === 1 ? '' : 's'}? Scheduled runs are cancelled at once; running ones are asked to stop.
      </ConfirmDialog>
      <ConfirmDialog open={dialog === 'delete'} onClose={() => setDialog(null)} title="Delete runs" confirmLabel="Delete runs" busy={bulk.isPending} onConfirm={() => run({ kind: 'delete' }, 'Deleted')}>
        Delete {visibleSelected.length} selected run{visibleSelected.length === 1 ? '' : 's'} with their task runs, states and history? This cannot be undone.
      </ConfirmDialog>
      <StateDialog open={dialog === 'state'} onClose={() => setDialog(null)} count={visibleSelected.length} busy={bulk.isPending} onSubmit={(state) => run({ kind: 'state', state }, 'Changed the state of')} />
    </div>
  );
}

interface RowProps {
  run: FlowRun;
  flowName?: string;
  /** `undefined` while loading, `null` for a deleted deployment. */
  deploymentName?: string | null;
  cols: TableColumns;
  selected: boolean;
  onToggle: () => void;
  counts: Parameters<typeof TaskRunCounts>[0]['counts'];
}

function Row({ run, flowName, deploymentName, cols, selected, onToggle, counts }: RowProps) {
  return (
    <tr className={selected ? 'bg-accent/5' : 'hover:bg-surface-hover/60'}>
      <td className={td}>
        <Checkbox aria-label={`Select ${run.name}`} checked={selected} onChange={onToggle} />
      </td>
      <td className={td}>
        <StateBadge type={run.state_type} name={run.state_name} size="sm" />
      </td>
      <td className={tdFlex}>
        <Link to="/runs/flow-run/$id" params={{ id: run.id }} className="block truncate font-medium text-accent hover:underline">
          {run.name}
        </Link>
      </td>
      {cols.shows('flow') && (
        <td className={tdFlex}>
          {flowName ? (
            <Link to="/flows/flow/$id" params={{ id: run.flow_id }} className="block truncate hover:underline">
              {flowName}
            </Link>
          ) : (
            <span className="text-fg-muted">…</span>
          )}
        </td>
      )}
      {cols.shows('deployment') && (
        <td className={tdFlex}>
          {!run.deployment_id ? (
            <span className="text-fg-muted">—</span>
          ) : deploymentName === undefined ? (
            <span className="text-fg-muted">…</span>
          ) : deploymentName === null ? (
            <span className="block truncate font-mono text-xs text-fg-muted" title={`Deployment ${run.deployment_id} (deleted)`}>
              {run.deployment_id.slice(0, 8)} (deleted)
            </span>
          ) : (
            <Link to="/deployments/deployment/$id" params={{ id: run.deployment_id }} className="block truncate hover:underline">
              {deploymentName}
            </Link>
          )}
        </td>
      )}
      {cols.shows('start') && (
        <td className={td}>
          <DateTime value={run.start_time ?? run.expected_start_time} />
        </td>
      )}
      {cols.shows('duration') && (
        <td className={td}>
          <RunDuration run={run} />
        </td>
      )}
      {cols.shows('task-runs') && (
        <td className={td}>
          <TaskRunCounts counts={counts} />
        </td>
      )}
      {cols.shows('tags') && (
        <td className={td}>
          <TagList tags={run.tags} max={2} />
        </td>
      )}
    </tr>
  );
}

export function NoFlowRuns({ filtered, onClear }: { filtered: boolean; onClear?: () => void }) {
  return (
    <EmptyState
      title={filtered ? 'No flow runs match these filters' : 'No flow runs yet'}
      action={filtered && onClear ? <Button onClick={onClear}>Clear filters</Button> : undefined}
    >
      {filtered ? (
        'Widen the time range or remove a filter.'
      ) : (
        <>
          Run a flow with the Syntask SDK, or start one from a deployment; its runs appear here as they are scheduled.
          <GetStarted />
        </>
      )}
    </EmptyState>
  );
}
