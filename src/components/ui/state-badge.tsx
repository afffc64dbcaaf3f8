import { clsx } from 'clsx';
import { Ban, CircleCheck, CircleDashed, CircleDot, CirclePause, CircleX, Clock, Loader, OctagonAlert, type LucideIcon } from 'lucide-react';

export type StateTypeName = 'SCHEDULED' | 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'CRASHED' | 'PAUSED' | 'CANCELLING';

/** The semantic colour token of a state (Late shows darker than Scheduled). */
export function stateToken(type: string | null | undefined, name?: string | null): string {
  if (name === 'Late') return 'late';
  return type ? type.toLowerCase() : 'pending';
}

/** CSS colour of a state, for charts, graph nodes and bars. */
export const stateColor = (type: string | null | undefined, name?: string | null) => `var(--color-state-${stateToken(type, name)})`;

const ICONS: Record<string, LucideIcon> = {
  scheduled: Clock,
  late: Clock,
  pending: CircleDashed,
  running: Loader,
  completed: CircleCheck,
  failed: CircleX,
  crashed: OctagonAlert,
  cancelled: Ban,
  cancelling: Ban,
  paused: CirclePause,
};

/** A state type as a word: `FAILED` → `Failed`. */
export const titleCase = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();
export const stateWord = (type: string | null) => (type ? titleCase(type) : 'No state');

/** State as text with an icon and its colour; the text always carries the meaning. */
export function StateBadge({ type, name, className, size = 'md' }: { type: string | null | undefined; name?: string | null; className?: string; size?: 'sm' | 'md' }) {
  const token = stateToken(type, name);
  const Icon = ICONS[token] ?? CircleDot;
  const label = name ?? stateWord(type ?? null);
  return (
    <span
      className={clsx('inline-flex items-center gap-1 rounded-full border font-medium whitespace-nowrap', size === 'sm' ? 'h-5 px-1.5 text-xs' : 'h-6 px-2 text-xs', className)}
      // Text mixed towards the foreground: the raw state colours are for fills and fall short of 4.5:1 as small text.
      style={{ color: `color-mix(in srgb, var(--color-state-${token}) 70%, var(--color-fg))`, borderColor: `color-mix(in srgb, var(--color-state-${token}) 35%, transparent)`, background: `color-mix(in srgb, var(--color-state-${token}) 10%, transparent)` }}
    >
      <Icon aria-hidden="true" className={clsx('size-3.5 shrink-0', token === 'running' && 'animate-spin [animation-duration:2.5s]')} />
      <span>{label}</span>
    </span>
  );
}
