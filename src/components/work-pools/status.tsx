import { clsx } from 'clsx';
import { CircleCheck, CircleMinus, CirclePause, CircleSlash, type LucideIcon } from 'lucide-react';
import type { Worker, WorkPool, WorkQueue } from '../../api/work-pools.ts';

type Status = WorkPool['status'] | WorkQueue['status'] | Worker['status'];

const LOOK: Record<string, { label: string; icon: LucideIcon; className: string; hint: string }> = {
  READY: { label: 'Ready', icon: CircleCheck, className: 'text-success', hint: 'A worker is polling' },
  ONLINE: { label: 'Online', icon: CircleCheck, className: 'text-success', hint: 'Heartbeats are arriving' },
  NOT_READY: { label: 'Not ready', icon: CircleSlash, className: 'text-danger', hint: 'No worker has polled recently' },
  OFFLINE: { label: 'Offline', icon: CircleSlash, className: 'text-fg-muted', hint: 'No heartbeat for three intervals' },
  PAUSED: { label: 'Paused', icon: CirclePause, className: 'text-[var(--color-state-paused)]', hint: 'Hands out no runs until resumed' },
};

/** A pool's, queue's or worker's status as an icon and a word: colour is never the only signal. */
export function StatusLabel({ status, className }: { status: Status; className?: string }) {
  const look = status ? LOOK[status] : undefined;
  const Icon = look?.icon ?? CircleMinus;
  return (
    <span className={clsx('inline-flex items-center gap-1 whitespace-nowrap', look?.className ?? 'text-fg-muted', className)} title={look?.hint ?? 'This pool type has no status (agents report none)'}>
      <Icon aria-hidden="true" className="size-3.5 shrink-0" />
      <span className="text-fg">{look?.label ?? 'No status'}</span>
    </span>
  );
}
