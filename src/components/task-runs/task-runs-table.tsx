import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildTaskRunCountQuery, buildTaskRunsQuery, useBulkTaskRunAction, type TaskRun, type TaskRunCountBody } from '../../api/task-runs.ts';
import { BulkActions } from '../ui/bulk-actions.tsx';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { useTableColumns, type TableColumn, type TableColumns } from '../ui/table-columns.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog, StateDialog } from '../flow-runs/state-dialog.tsx';

/** In display order; `priority` says which keep their place when the table is narrow (the name takes what is left, truncated). */
const COLUMNS: readonly TableColumn[] = [
  { id: 'select', label: 'Select', width: 32, required: true },
  { id: 'state', label: 'State', width: 120, required: true },
  { id: 'name', label: 'Task run', width: 140, required: true },
  { id: 'flow-run', label: 'Flow run', width: 90, priority: 4 },
  { id: 'start', label: 'Start', width: 190, priority: 1 },
  { id: 'duration', label: 'Duration', width: 90, priority: 2 },
  { id: 'runs', label: 'Runs', width: 60, priority: 3 },
  { id: 'tags', label: 'Tags', width: 200, priority: 5 },
];
const WITHOUT_SELECT = COLUMNS.filter((c) => c.id !== 'select');

export interface TaskRunsTableProps {
  filter: TaskRunCountBody;
  sort: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  filtered?: boolean;
  onClear?: () => void;
  /** Emptiness message when nothing was filtered. */
  emptyText?: string;
  selectable?: boolean;
}

export function TaskRunsTable({ filter, sort, page, pageSize, onPage, filtered, onClear, emptyText, selectable = true }: TaskRunsTableProps) {
  const runs = useQuery(buildTaskRunsQuery({ ...filter, sort: sort as never, limit: pageSize, offset: (page - 1) * pageSize }));
  const count = useQuery(buildTaskRunCountQuery(filter));
  const rows = useMemo(() => runs.data ?? [], [runs.data]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'state' | 'delete' | null>(null);
  const bulk = useBulkTaskRunAction();
  const cols = useTableColumns('task-runs', selectable ? COLUMNS : WITHOUT_SELECT);
  const chosen = rows.filter((r) => selected.has(r.id));
  const allSelected = rows.length > 0 && chosen.length === rows.length;
  const act = (action: Parameters<typeof bulk.mutate>[0]['action'], verb: string) =>
    bulk.mutate(
      { ids: chosen.map((r) => r.id), action },
      {
        onSuccess: ({ done, failed }) => {
          toast(`${verb} ${done} task run${done === 1 ? '' : 's'}${failed ? `; ${failed} failed` : ''}.`, failed ? 'error' : 'success');
          setSelected(new Set());
          setDialog(null);
        },
      },
    );

  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} title="Could not load task runs" />;
  if (runs.isSuccess && rows.length === 0) {
    return (
      <EmptyState title={filtered ? 'No task runs match these filters' : 'No task runs'} action={filtered && onClear ? <Button onClick={onClear}>Clear filters</Button> : undefined}>
        {filtered ? 'Widen the time range or remove a filter.' : (emptyText ?? 'Task runs appear here when flows call their tasks.')}
      </EmptyState>
    );
  }
  return (
    <div>
      {selectable && chosen.length > 0 && <BulkActions count={chosen.length} onChangeState={() => setDialog('state')} onDelete={() => setDialog('delete')} />}
      <Table
        label="Task runs"
        columns={cols}
        head={
          <>
            {selectable && (
              <th className={th + ' w-8'}>
                <Checkbox aria-label="Select all task runs on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
              </th>
            )}
            <th className={th}>State</th>
            <th className={th + ' w-full'}>Task run</th>
            {cols.shows('flow-run') && <th className={th}>Flow run</th>}
            {cols.shows('start') && <th className={th}>Start</th>}
            {cols.shows('duration') && <th className={th}>Duration</th>}
            {cols.shows('runs') && <th className={th}>Runs</th>}
            {cols.shows('tags') && <th className={th}>Tags</th>}
          </>
        }
      >
        {runs.isPending ? <SkeletonRows columns={cols.count} /> : rows.map((r) => <Row key={r.id} run={r} cols={cols} selectable={selectable} selected={selected.has(r.id)} onToggle={() => setSelected((s) => (s.has(r.id) ? new Set([...s].filter((x) => x !== r.id)) : new Set([...s, r.id])))} />)}
      </Table>
      <Pagination page={page} pageSize={pageSize} total={count.data} onPage={onPage} noun="task runs" />
      <ConfirmDialog open={dialog === 'delete'} onClose={() => setDialog(null)} title="Delete task runs" confirmLabel="Delete task runs" busy={bulk.isPending} onConfirm={() => act({ kind: 'delete' }, 'Deleted')}>
        Delete {chosen.length} selected task run{chosen.length === 1 ? '' : 's'} with their states? This cannot be undone.
      </ConfirmDialog>
      <StateDialog open={dialog === 'state'} onClose={() => setDialog(null)} count={chosen.length} busy={bulk.isPending} onSubmit={(state) => act({ kind: 'state', state }, 'Changed the state of')} />
    </div>
  );
}

function Row({ run, cols, selectable, selected, onToggle }: { run: TaskRun; cols: TableColumns; selectable: boolean; selected: boolean; onToggle: () => void }) {
  return (
    <tr className={selected ? 'bg-accent/5' : 'hover:bg-surface-hover/60'}>
      {selectable && (
        <td className={td}>
          <Checkbox aria-label={`Select ${run.name}`} checked={selected} onChange={onToggle} />
        </td>
      )}
      <td className={td}>
        <StateBadge type={run.state_type} name={run.state_name} size="sm" />
      </td>
      <td className={tdFlex}>
        <Link to="/runs/task-run/$id" params={{ id: run.id }} className="block truncate font-medium text-accent hover:underline">
          {run.name}
        </Link>
      </td>
      {cols.shows('flow-run') && (
        <td className={td}>
          {run.flow_run_id ? (
            <Link to="/runs/flow-run/$id" params={{ id: run.flow_run_id }} className="font-mono text-xs hover:underline" title={run.flow_run_id}>
              {run.flow_run_id.slice(0, 8)}
            </Link>
          ) : (
            <span className="text-fg-muted">autonomous</span>
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
      {cols.shows('runs') && <td className={td + ' tabular-nums'}>{run.run_count}</td>}
      {cols.shows('tags') && (
        <td className={td}>
          <TagList tags={run.tags} max={2} />
        </td>
      )}
    </tr>
  );
}
