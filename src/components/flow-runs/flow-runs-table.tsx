import { GetStarted } from '../ui/get-started.tsx';
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Ban, PlayCircle, Trash2 } from 'lucide-react';
import { buildDeploymentsByIdQuery } from '../../api/deployments.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { buildFlowRunCountQuery, buildFlowRunsQuery, buildTaskRunCountsQuery, cancelProposal, useBulkFlowRunAction, type FlowRun, type FlowRunCountBody } from '../../api/flow-runs.ts';
import { isActiveState } from '../../lib/states.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog, StateDialog } from './state-dialog.tsx';
import { TaskRunCounts } from './task-run-counts.tsx';

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
  const counts = useQuery({ ...buildTaskRunCountsQuery(ids, flags?.has('flow_run_task_run_counts') ?? false), enabled: ids.length > 0 && flags !== undefined });
  const flows = useQuery({ ...buildFlowsByIdQuery(rows.map((r) => r.flow_id)), enabled: !hideFlow && rows.length > 0 });
  // One request names every deployment on the page.
  const deploymentIds = useMemo(() => rows.flatMap((r) => (r.deployment_id ? [r.deployment_id] : [])), [rows]);
  const deployments = useQuery({ ...buildDeploymentsByIdQuery(deploymentIds), enabled: !hideDeployment && deploymentIds.length > 0 });
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
  const columns = 9 - (hideFlow ? 1 : 0) - (hideDeployment ? 1 : 0);

  return (
    <div>
      {visibleSelected.length > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-border bg-accent/5 px-3 py-2">
          <span className="font-medium tabular-nums">{visibleSelected.length} selected</span>
          <Button onClick={() => setDialog('cancel')} disabled={!visibleSelected.some((r) => isActiveState(r.state_type))}>
            <Ban aria-hidden="true" />
            Cancel
          </Button>
          <Button onClick={() => setDialog('state')}>
            <PlayCircle aria-hidden="true" />
            Change state
          </Button>
          <Button onClick={() => setDialog('delete')}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
          <Button className="ml-auto" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      )}
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} title="Could not load flow runs" />
      ) : runs.isSuccess && rows.length === 0 ? (
        empty
      ) : (
        <Table
          label={label}
          head={
            <>
              <th className={th + ' w-8'}>
                <Checkbox aria-label="Select all runs on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(ids))} disabled={rows.length === 0} />
              </th>
              <th className={th}>State</th>
              <th className={th}>Run</th>
              {!hideFlow && <th className={th}>Flow</th>}
              {!hideDeployment && <th className={th}>Deployment</th>}
              <th className={th}>Start</th>
              <th className={th}>Duration</th>
              <th className={th}>Task runs</th>
              <th className={th}>Tags</th>
            </>
          }
        >
          {runs.isPending ? (
            <SkeletonRows columns={columns} />
          ) : (
            rows.map((r) => (
                <Row
                  key={r.id}
                  run={r}
                  flowName={flows.data?.[r.flow_id]?.name}
                  deploymentName={r.deployment_id ? (deployments.data?.[r.deployment_id]?.name ?? (deployments.isSuccess && !deployments.isPlaceholderData ? null : undefined)) : undefined}
                  hideFlow={hideFlow}
                  hideDeployment={hideDeployment}
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
  hideFlow?: boolean;
  hideDeployment?: boolean;
  selected: boolean;
  onToggle: () => void;
  counts: Parameters<typeof TaskRunCounts>[0]['counts'];
}

function Row({ run, flowName, deploymentName, hideFlow, hideDeployment, selected, onToggle, counts }: RowProps) {
  return (
    <tr className={selected ? 'bg-accent/5' : 'hover:bg-surface-hover/60'}>
      <td className={td}>
        <Checkbox aria-label={`Select ${run.name}`} checked={selected} onChange={onToggle} />
      </td>
      <td className={td}>
        <StateBadge type={run.state_type} name={run.state_name} size="sm" />
      </td>
      <td className={td + ' max-w-72'}>
        <Link to="/runs/flow-run/$id" params={{ id: run.id }} className="block truncate font-medium text-accent hover:underline">
          {run.name}
        </Link>
      </td>
      {!hideFlow && (
        <td className={td + ' max-w-56'}>
          {flowName ? (
            <Link to="/flows/flow/$id" params={{ id: run.flow_id }} className="block truncate hover:underline">
              {flowName}
            </Link>
          ) : (
            <span className="text-fg-muted">…</span>
          )}
        </td>
      )}
      {!hideDeployment && (
        <td className={td + ' max-w-48'}>
          {!run.deployment_id ? (
            <span className="text-fg-muted">—</span>
          ) : deploymentName === undefined ? (
            <span className="text-fg-muted">…</span>
          ) : deploymentName === null ? (
            <span className="font-mono text-xs text-fg-muted" title={`Deployment ${run.deployment_id} (deleted)`}>
              {run.deployment_id.slice(0, 8)} (deleted)
            </span>
          ) : (
            <Link to="/deployments/deployment/$id" params={{ id: run.deployment_id }} className="block truncate hover:underline">
              {deploymentName}
            </Link>
          )}
        </td>
      )}
      <td className={td}>
        <DateTime value={run.start_time ?? run.expected_start_time} />
      </td>
      <td className={td}>
        <RunDuration run={run} />
      </td>
      <td className={td}>
        <TaskRunCounts counts={counts} />
      </td>
      <td className={td}>
        <TagList tags={run.tags} max={2} />
      </td>
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
