/**
 * A run's log lines split by attempt. The attempts come from the state history
 * (`runAttempts` in `attempts.ts`, counted as the server counts `run_count`); a line belongs to
 * the attempt started last at or before it, so the split is by time alone.
 */
import { isoMicros, isoMinusMicrosecond, type TimeRange } from './log-window.ts';

export interface AttemptStart {
  /** 1, 2, … in the order they ran. */
  number: number;
  /** When its RUNNING state was written. */
  start: string;
}

/**
 * The attempt a line at `timestamp` belongs to. Lines written before the first RUNNING state
 * (setting up) belong to the first attempt; lines between a failure and the next start (the
 * retry being scheduled) to the one that failed.
 */
export function attemptAt(attempts: readonly AttemptStart[], timestamp: string): number {
  const at = isoMicros(timestamp);
  for (let i = attempts.length - 1; i > 0; i--) if (at >= isoMicros(attempts[i].start)) return attempts[i].number;
  return 1;
}

/** The log filter's time range of attempt `n` (the same split as `attemptAt`); undefined when there is no such attempt. */
export function attemptTimeRange(attempts: readonly AttemptStart[], n: number): TimeRange | undefined {
  const attempt = attempts[n - 1];
  if (!attempt) return undefined;
  const next = attempts[n];
  return { ...(n > 1 ? { after_: attempt.start } : {}), ...(next ? { before_: isoMinusMicrosecond(next.start) } : {}) };
}

/** A row of a log view: a line, or the separator in front of the first line of an attempt. */
export type LogRow<T, A extends AttemptStart = AttemptStart> = { kind: 'line'; line: T } | { kind: 'attempt'; attempt: A };

/**
 * Lines (ascending by time) with a separator where the attempt changes, and one above the first
 * line; none when the run ran once.
 */
export function withAttemptSeparators<T extends { timestamp: string }, A extends AttemptStart>(lines: readonly T[], attempts: readonly A[]): LogRow<T, A>[] {
  if (attempts.length < 2) return lines.map((line) => ({ kind: 'line', line }));
  const starts = attempts.map((a) => isoMicros(a.start));
  const rows: LogRow<T, A>[] = [];
  let current = -1;
  for (const line of lines) {
    const at = isoMicros(line.timestamp);
    let i = starts.length - 1;
    while (i > 0 && !(at >= starts[i])) i--;
    if (i !== current) rows.push({ kind: 'attempt', attempt: attempts[i] });
    current = i;
    rows.push({ kind: 'line', line });
  }
  return rows;
}
