import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Globe, Pencil, RotateCcw, Trash2 } from 'lucide-react';
import { needsRole, useCan } from '../../api/auth.ts';
import { buildGlobalLimitsQuery, useDeleteGlobalLimit, useQuickUpdateGlobalLimit, type GlobalLimit } from '../../api/global-concurrency-limits.ts';
import { NewButton, RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { formatCount } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { GlobalLimitDialog } from './global-limit-dialog.tsx';
import { SlotUsage } from './slot-usage.tsx';

const code = 'rounded bg-surface-hover px-1 font-mono text-xs';

/** The Global tab of `/concurrency-limits`: limits shared by name across flows, tasks and machines. */
export function GlobalLimitsPage() {
  const limits = useQuery(buildGlobalLimitsQuery());
  const rows = limits.data ?? [];
  const [editing, setEditing] = useState<GlobalLimit | 'new' | null>(null);
  const [resetting, setResetting] = useState<GlobalLimit | null>(null);
  const [deleting, setDeleting] = useState<GlobalLimit | null>(null);
  const quick = useQuickUpdateGlobalLimit();
  const remove = useDeleteGlobalLimit();
  const newButton = (
    <NewButton role="admin" onClick={() => setEditing('new')}>
      New global limit
    </NewButton>
  );

  return (
    <>
      <PageHeader
        title="Global concurrency limits"
        description={
          <>
            Shared by name across flows, tasks and workers: code takes slots with <code className={code}>concurrency()</code> or <code className={code}>rateLimit()</code>. With a slot decay, a limit frees its slots on its own and works as a rate limit.
          </>
        }
        count={limits.data?.length}
        actions={newButton}
      />
      <Card>
        {limits.isError ? (
          <ErrorState error={limits.error} onRetry={() => void limits.refetch()} title="Could not load global limits" />
        ) : limits.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Globe} title="No global limits yet" action={newButton}>
            Create one to cap a shared resource, for example at most 2 loads into <code className={code}>warehouse-db</code> at once, then wrap the work in{' '}
            <code className={code + ' whitespace-nowrap'}>concurrency(&apos;warehouse-db&apos;, …)</code>. A name that code uses before anyone creates it shows up here as an inactive limit.
          </EmptyState>
        ) : (
          <Table
            label="Global concurrency limits"
            head={
              <>
                <th className={th}>Name</th>
                <th className={th}>Slots in use</th>
                <th className={th + ' text-right'}>Denied</th>
                <th className={th}>Kind</th>
                <th className={th}>Active</th>
                <th className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </>
            }
          >
            {limits.isPending ? (
              <SkeletonRows columns={6} rows={4} />
            ) : (
              rows.map((l) => (
                <tr key={l.id} className={clsx('hover:bg-surface-hover/60', !l.active && 'text-fg-muted')}>
                  <td className={td + ' max-w-40 truncate font-medium xl:max-w-64'} title={l.name}>
                    {l.name}
                  </td>
                  <td className={td}>
                    <SlotUsage used={l.active_slots} limit={l.limit} label={`Slots in use of ${l.name}`} />
                  </td>
                  <td className={td + ' text-right tabular-nums'} title="Slots refused because the limit was full">
                    {formatCount(l.denied_slots)}
                  </td>
                  <td className={td + ' whitespace-nowrap'}>{l.slot_decay_per_second > 0 ? <>Rate limit · {formatRate(l.slot_decay_per_second)}</> : 'Concurrency'}</td>
                  <td className={td}>
                    <ActiveSwitch limit={l} pending={quick.isPending && quick.variables.id === l.id && quick.variables.body.active !== undefined} onChange={(active) => quick.mutate({ id: l.id, body: { active } }, { onSuccess: () => toast(`${active ? 'Activated' : 'Deactivated'} ${l.name}.`) })} />
                  </td>
                  <td className={td + ' text-right whitespace-nowrap'}>
                    <RequireRole role="admin">
                      <Button aria-label={`Edit ${l.name}`} title="Edit" onClick={() => setEditing(l)}>
                        <Pencil aria-hidden="true" />
                        <span className="hidden xl:inline">Edit</span>
                      </Button>
                    </RequireRole>{' '}
                    <RequireRole role="admin">
                      <Button aria-label={`Reset slots of ${l.name}`} title="Reset slots" disabled={l.active_slots === 0} onClick={() => setResetting(l)}>
                        <RotateCcw aria-hidden="true" />
                        <span className="hidden xl:inline">Reset</span>
                      </Button>
                    </RequireRole>{' '}
                    <RequireRole role="admin">
                      <Button aria-label={`Delete ${l.name}`} title="Delete" onClick={() => setDeleting(l)}>
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
      <GlobalLimitDialog open={editing !== null} onClose={() => setEditing(null)} limit={editing === 'new' || editing === null ? undefined : editing} />
      <ConfirmDialog
        open={resetting !== null}
        onClose={() => setResetting(null)}
        title="Reset slots"
        confirmLabel="Reset slots"
        busy={quick.isPending}
        onConfirm={() => resetting && quick.mutate({ id: resetting.id, body: { active_slots: 0 } }, { onSuccess: () => (toast(`Freed the slots of ${resetting.name}.`), setResetting(null)) })}
      >
        Free all {resetting?.active_slots} slots of <span className="text-fg">{resetting?.name}</span>? Work holding them keeps running and gives them back when it ends, so more than the limit may run for a while.
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title="Delete global limit"
        confirmLabel="Delete limit"
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => (toast(`Deleted ${deleting.name}.`), setDeleting(null)) })}
      >
        Delete <span className="text-fg">{deleting?.name}</span>? Code that uses the name no longer waits: its next use creates it again as an inactive limit.
      </ConfirmDialog>
    </>
  );
}

/** `1/s`, `0.5/s`, `2.25/s`. */
const formatRate = (perSecond: number) => `${Number(perSecond.toFixed(3)).toLocaleString('en')}/s`;

function ActiveSwitch({ limit, pending, onChange }: { limit: GlobalLimit; pending: boolean; onChange: (active: boolean) => void }) {
  const can = useCan('admin');
  const active = pending ? !limit.active : limit.active;
  return (
    <label className={clsx('inline-flex items-center gap-2', !can && 'cursor-not-allowed')} title={can ? undefined : needsRole('admin')}>
      <button
        type="button"
        role="switch"
        aria-checked={active}
        aria-label={`Active: ${limit.name}`}
        disabled={pending || !can}
        onClick={() => onChange(!limit.active)}
        className={clsx('relative inline-flex h-4 w-7 shrink-0 items-center rounded-full border transition-colors disabled:opacity-60', active ? 'border-success bg-success' : 'border-border-strong bg-surface-hover')}
      >
        <span className={clsx('inline-block size-3 rounded-full bg-surface-raised shadow transition-transform', active ? 'translate-x-3.5' : 'translate-x-0.5')} />
      </button>
      {/* The switch says it to screen readers; narrow screens keep the room for the actions. */}
      <span className="hidden text-xs text-fg-muted xl:inline">{active ? 'Active' : 'Inactive'}</span>
    </label>
  );
}
