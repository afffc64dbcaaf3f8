import { clsx } from 'clsx';

/** Placeholder bar shown while data loads; hidden from assistive tech, which gets `aria-busy` instead. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={clsx('inline-block h-3.5 animate-pulse rounded bg-surface-hover align-middle', className)} />;
}
