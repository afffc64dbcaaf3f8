import { useCallback } from 'react';
import { clsx } from 'clsx';
import { formatDateTime, formatDuration, formatIsoInZone, formatRelative, type DateTimeStyle } from '../../lib/time.ts';
import { useClock, useNow, useTimeZone } from './use-time-zone.ts';

/** An absolute time in the user's zone, zone visible; the tooltip has the exact ISO instant. */
export function DateTime({ value, style = 'datetime', className }: { value: string | null | undefined; style?: DateTimeStyle; className?: string }) {
  const zone = useTimeZone();
  const clock = useClock();
  if (!value) return <span className={clsx('text-fg-muted', className)}>—</span>;
  const iso = formatIsoInZone(value, zone);
  return (
    <time dateTime={value} title={`${iso} (${zone})`} className={clsx('tabular-nums whitespace-nowrap', className)}>
      {formatDateTime(value, zone, style, true, clock)}
    </time>
  );
}

/** "3 min ago", updated live; the tooltip has the absolute time in the user's zone. */
export function RelativeTime({ value, className }: { value: string | null | undefined; className?: string }) {
  const zone = useTimeZone();
  const clock = useClock();
  const now = useNow(value && Math.abs(Date.now() - Date.parse(value)) < 120_000 ? 1000 : 15_000);
  if (!value) return <span className={clsx('text-fg-muted', className)}>—</span>;
  return (
    <time dateTime={value} title={`${formatDateTime(value, zone, 'seconds', true, clock)} · ${formatIsoInZone(value, zone)}`} className={clsx('whitespace-nowrap', className)}>
      {formatRelative(value, now)}
    </time>
  );
}

export function Duration({ seconds, className }: { seconds: number | null | undefined; className?: string }) {
  return <span className={clsx('tabular-nums whitespace-nowrap', className)}>{formatDuration(seconds)}</span>;
}

/** A run's duration: its estimated run time, ticking while it runs. */
export function RunDuration({ run }: { run: { estimated_run_time: number; total_run_time: number; state_type: string | null; start_time?: string | null; state?: { timestamp: string } | null } }) {
  const running = run.state_type === 'RUNNING';
  const now = useNow(running ? 1000 : 60_000);
  // A run that never started has no duration yet (not "0s").
  if (!running && !run.start_time && run.total_run_time === 0) return <span className="text-fg-muted">—</span>;
  const seconds = running && run.state ? run.total_run_time + Math.max(0, (now - Date.parse(run.state.timestamp)) / 1000) : run.estimated_run_time;
  return <Duration seconds={seconds} />;
}

/** `formatDateTime` in the user's zone and hour cycle, for text that is not a `<DateTime>` (tooltips, axis ticks, log lines). */
export function useFormatDateTime(): (value: string | number | Date, style?: DateTimeStyle, withZone?: boolean) => string {
  const zone = useTimeZone();
  const clock = useClock();
  return useCallback((value, style = 'datetime', withZone = true) => formatDateTime(value, zone, style, withZone, clock), [zone, clock]);
}
