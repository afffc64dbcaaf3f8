import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Gauge, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { buildConcurrencyLimitsQuery, useDeleteConcurrencyLimit, useResetConcurrencyLimit, type ConcurrencyLimit } from '../../api/concurrency-limits.ts';
import { buildTaskRunsQuery, type TaskRun } from '../../api/task-runs.ts';
import { NewButton, RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { LimitDialog } from './limit-dialog.tsx';
import { SlotUsage } from './slot-usage.tsx';

/** The server lists at most 200 task runs per request; more slots than that show as ids. */
const NAMED_SLOTS = 200;

/** `/concurrency-limits`: tag limits on task runs, the slots in use and the task runs holding them. */
export function ConcurrencyLimitsPage() {
  const limits = useQuery(buildConcurrencyLimitsQuery());
  const rows = useMemo(() => limits.data ?? [], [limits.data]);
  const slotIds = useMemo(() => [...new Set(rows.flatMap((l) => l.active_slots))].sort().slice(0, NAMED_SLOTS), [rows]);
  const holders = useQuery({ ...buildTaskRunsQuery({ task_runs: { id: { any_: slotIds } }, limit: NAMED_SLOTS }), enabled: slotIds.length > 0 });
  const byId = useMemo(() => new Map((holders.data ?? []).map((t) => [t.id, t])), [holders.data]);
  const [editing, setEditing] = useState<ConcurrencyLimit | 'new' | null>(null);
  const [resetting, setResetting] = useState<ConcurrencyLimit | null>(null);
  const [deleting, setDeleting] = useState<ConcurrencyLimit | null>(null);
  const reset = useResetConcurrencyLimit();
  const remove = useDeleteConcurrencyLimit();
  const tags = useMemo(() => new Set(rows.map((l) => l.tag)), [rows]);
  const newButton = (
    <NewButton role="admin" onClick={() => setEditing('new')}>
      New limit
    </NewButton>
  );

  return (
    <>
      <PageHeader
        title="Task concurrency limits"
        description="How many task runs with a tag may run at once. A task run waits for a free slot of each of its tags' limits."
        count={limits.data?.length}
        actions={newButton}
      />
      <Card>
        {limits.isError ? (
          <ErrorState error={limits.error} onRetry={() => void limits.refetch()} title="Could not load concurrency limits" />
        ) : limits.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Gauge} title="No concurrency limits yet" action={newButton}>
            Limit a tag to protect a shared resource: for example, at most 5 task runs tagged <code className="rounded bg-surface-hover px-1 font-mono text-xs">warehouse</code> at once. Task runs over the limit wait until a slot frees up.
          </EmptyState>
        ) : (
          <Table
            label="Concurrency limits"
            head={
              <>
                <th className={th}>Tag</th>
                <th className={th + ' text-right'}>Limit</th>
                <th className={th}>Slots in use</th>
                <th className={th}>Held by</th>
                <th className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </>
            }
          >
            {limits.isPending ? (
              <SkeletonRows columns={5} rows={4} />
            ) : (
              rows.map((l) => (
                <tr key={l.id} className="align-top hover:bg-surface-hover/60">
                  <td className={td + ' max-w-64 truncate font-medium'} title={l.tag}>
                    {l.tag}
                  </td>
                  <td className={td + ' text-right tabular-nums'}>{l.concurrency_limit.toLocaleString('en')}</td>
                  <td className={td}>
                    <SlotUsage used={l.active_slots.length} limit={l.concurrency_limit} label={`Slots in use of ${l.tag}`} />
                  </td>
                  <td className={td + ' py-1.5'}>
                    <SlotHolders ids={l.active_slots} byId={byId} loading={holders.isPending && slotIds.length > 0} />
                  </td>
                  <td className={td + ' text-right whitespace-nowrap'}>
                    {/* Labels show on wide screens; the icons (and their names) are always there. */}
                    <RequireRole role="admin">
                      <Button aria-label={`Edit limit of ${l.tag}`} title="Edit" onClick={() => setEditing(l)}>
                        <Pencil aria-hidden="true" />
                        <span className="hidden xl:inline">Edit</span>
                      </Button>
                    </RequireRole>{' '}
                    <RequireRole role="admin">
                      <Button aria-label={`Reset slots of ${l.tag}`} title="Reset slots" disabled={l.active_slots.length === 0} onClick={() => setResetting(l)}>
                        <RotateCcw aria-hidden="true" />
                        <span className="hidden xl:inline">Reset</span>
                      </Button>
                    </RequireRole>{' '}
                    <RequireRole role="admin">
                      <Button aria-label={`Delete limit of ${l.tag}`} title="Delete" onClick={() => setDeleting(l)}>
                        <Trash2 aria-hidden="true" />
                      </Button>
                    </RequireRole>
                  </td>
                </tr>
              ))
            )}
          </Table>
        )}
      </Card>
      <LimitDialog open={editing !== null} onClose={() => setEditing(null)} limit={editing === 'new' || editing === null ? undefined : editing} existingTags={tags} />
      <ConfirmDialog
        open={resetting !== null}
        onClose={() => setResetting(null)}
        title="Reset slots"
        confirmLabel="Reset slots"
        busy={reset.isPending}
        onConfirm={() => resetting && reset.mutate(resetting.tag, { onSuccess: () => (toast(`Freed the slots of ${resetting.tag}.`), setResetting(null)) })}
      >
        Free all {resetting?.active_slots.length} slots of <span className="text-fg">{resetting?.tag}</span>? Task runs holding them keep running, and waiting task runs may start at once, so more than the limit may run for a while.
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete limit"
        confirmLabel="Delete limit"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (toast(`Deleted the limit of ${deleting.tag}.`), setDeleting(null)) })}
      >
        Delete the limit of <span className="text-fg">{deleting?.tag}</span>? Task runs with the tag will no longer wait for a slot.
      </ConfirmDialog>
    </>
  );
}

function SlotHolders({ ids, byId, loading }: { ids: string[]; byId: Map<string, TaskRun>; loading: boolean }) {
  if (ids.length === 0) return <span className="text-fg-muted">—</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {ids.map((id) => {
        const run = byId.get(id);
        return (
          <li key={id} className="inline-flex items-center gap-1.5 whitespace-nowrap">
            {run && <StateBadge type={run.state_type} name={run.state_name} size="sm" />}
            <Link to="/runs/task-run/$id" params={{ id }} className="text-accent hover:underline">
              {run?.name ?? (loading ? '…' : `task run ${id.slice(0, 8)}`)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
