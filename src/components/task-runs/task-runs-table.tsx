import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { PlayCircle, Trash2 } from 'lucide-react';
import { buildTaskRunCountQuery, buildTaskRunsQuery, useBulkTaskRunAction, type TaskRun, type TaskRunCountBody } from '../../api/task-runs.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { TagList } from '../ui/misc.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog, StateDialog } from '../flow-runs/state-dialog.tsx';

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
      {selectable && chosen.length > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-border bg-accent/5 px-3 py-2">
          <span className="font-medium tabular-nums">{chosen.length} selected</span>
          <Button onClick={() => setDialog('state')}>
            <PlayCircle aria-hidden="true" />
            Change state
          </Button>
          <Button onClick={() => setDialog('delete')}>
            <Trash2 aria-hidden="true" />
            Delete
          </Button>
        </div>
      )}
      <Table
        label="Task runs"
        head={
          <>
            {selectable && (
              <th className={th + ' w-8'}>
                <Checkbox aria-label="Select all task runs on this page" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)))} />
              </th>
            )}
            <th className={th}>State</th>
            <th className={th}>Task run</th>
            <th className={th}>Flow run</th>
            <th className={th}>Start</th>
            <th className={th}>Duration</th>
            <th className={th}>Runs</th>
            <th className={th}>Tags</th>
          </>
        }
      >
        {runs.isPending ? <SkeletonRows columns={selectable ? 8 : 7} /> : rows.map((r) => <Row key={r.id} run={r} selectable={selectable} selected={selected.has(r.id)} onToggle={() => setSelected((s) => (s.has(r.id) ? new Set([...s].filter((x) => x !== r.id)) : new Set([...s, r.id])))} />)}
      </Table>
      <Pagination page={page} pageSize={pageSize} total={count.data} onPage={onPage} noun="task runs" />
      <ConfirmDialog open={dialog === 'delete'} onClose={() => setDialog(null)} title="Delete task runs" confirmLabel="Delete task runs" busy={bulk.isPending} onConfirm={() => act({ kind: 'delete' }, 'Deleted')}>
        Delete {chosen.length} selected task run{chosen.length === 1 ? '' : 's'} with their states? This cannot be undone.
      </ConfirmDialog>
      <StateDialog open={dialog === 'state'} onClose={() => setDialog(null)} count={chosen.length} busy={bulk.isPending} onSubmit={(state) => act({ kind: 'state', state }, 'Changed the state of')} />
    </div>
  );
}

function Row({ run, selectable, selected, onToggle }: { run: TaskRun; selectable: boolean; selected: boolean; onToggle: () => void }) {
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
      <td className={td + ' max-w-72'}>
        <Link to="/runs/task-run/$id" params={{ id: run.id }} className="block truncate font-medium text-accent hover:underline">
          {run.name}
        </Link>
      </td>
      <td className={td}>
        {run.flow_run_id ? (
          <Link to="/runs/flow-run/$id" params={{ id: run.flow_run_id }} className="font-mono text-xs hover:underline" title={run.flow_run_id}>
            {run.flow_run_id.slice(0, 8)}
          </Link>
        ) : (
          <span className="text-fg-muted">autonomous</span>
        )}
      </td>
      <td className={td}>
        <DateTime value={run.start_time ?? run.expected_start_time} />
      </td>
      <td className={td}>
        <RunDuration run={run} />
      </td>
      <td className={td + ' tabular-nums'}>{run.run_count}</td>
      <td className={td}>
        <TagList tags={run.tags} max={2} />
      </td>
    </tr>
  );
}
