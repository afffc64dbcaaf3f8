import { clsx } from 'clsx';

export type StatusTone = 'success' | 'warning' | 'danger' | 'neutral';

const TONES: Record<StatusTone, string> = {
  success: 'bg-success',
  warning: 'bg-warning',
  danger: 'bg-danger',
  neutral: 'bg-fg-muted/60',
};

/** A coloured dot; always paired with text, since colour alone must not carry meaning. */
export function StatusDot({ tone }: { tone: StatusTone }) {
  return <span aria-hidden="true" className={clsx('inline-block size-2 shrink-0 rounded-full', TONES[tone])} />;
}
