/**
 * Run activity on a real time axis: windows that end now, time buckets, and axis ticks in the
 * user's zone. Pure: the charts (components/runs/run-history-chart.tsx) only draw what this says.
 */
import { formatDateTime, zoneOffsetMinutes, type Clock } from './time.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Round bucket widths in seconds, smallest first. */
const BUCKET_WIDTHS = [60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 2_592_000];

/** The smallest round width that splits `spanSeconds` into at most `maxBuckets` buckets. */
export function bucketWidthSeconds(spanSeconds: number, maxBuckets = 60): number {
  const span = Math.max(60, spanSeconds);
  return BUCKET_WIDTHS.find((w) => span / w <= maxBuckets) ?? Math.ceil(span / maxBuckets);
}

/** A chart's window in epoch milliseconds and the width of its buckets. */
export interface TimeWindow {
  start: number;
  end: number;
  intervalSeconds: number;
}

/**
 * The past `spanSeconds` up to `now`, split in round buckets counted back from `now`: the last
 * bucket ends at `now`, so no bucket, tick or count reaches into the future.
 */
export function pastWindow(spanSeconds: number, now: number, maxBuckets = 60): TimeWindow {
  const width = bucketWidthSeconds(spanSeconds, maxBuckets);
  const buckets = Math.ceil(spanSeconds / width);
  return { start: now - buckets * width * 1000, end: now, intervalSeconds: width };
}

/** The body keys of `/flow_runs/history` for a window. */
export function historyWindowBody(w: TimeWindow) {
  return { history_start: new Date(w.start).toISOString(), history_end: new Date(w.end).toISOString(), history_interval_seconds: w.intervalSeconds };
}

/** One bucket of a chart: its span and a count per series key (state type, or completed/failed). */
export interface BucketRow {
  /** Middle of the bucket: where the bar sits on the axis. */
  t: number;
  start: number;
  end: number;
  counts: Record<string, number>;
}

/** `/flow_runs/history` intervals as chart buckets, counts summed per state type (names folded in). */
export function historyRows(intervals: readonly { interval_start: string; interval_end: string; states: readonly { state_type: string; count_runs: number }[] }[], clampEnd = Infinity): BucketRow[] {
  return intervals.map((i) => {
    const start = Date.parse(i.interval_start);
    const end = Math.min(Date.parse(i.interval_end), clampEnd);
    const counts: Record<string, number> = {};
    for (const s of i.states) counts[s.state_type] = (counts[s.state_type] ?? 0) + s.count_runs;
    return { t: (start + end) / 2, start, end, counts };
  });
}

/** The minute boundaries `/ui/task_runs/dashboard/counts` buckets by (contract: [after_ floored, before_ ceiled to the minute], 20 buckets). */
export function dashboardCountsSpan(after: number, before: number): { start: number; end: number } {
  const start = Math.floor(after / MINUTE) * MINUTE;
  return { start, end: Math.max(start + MINUTE, Math.ceil(before / MINUTE) * MINUTE) };
}

/**
 * `/ui/task_runs/dashboard/counts` buckets placed on the time axis. The server ceils the end to
 * the minute; the last bucket is drawn up to `before` (now) only, as nothing started after it.
 */
export function dashboardCountRows(after: number, before: number, buckets: readonly { completed: number; failed: number }[]): BucketRow[] {
  const { start, end } = dashboardCountsSpan(after, before);
  const width = (end - start) / Math.max(1, buckets.length);
  return buckets.map((b, i) => {
    const s = start + i * width;
    const e = Math.min(start + (i + 1) * width, before);
    return { t: (s + e) / 2, start: s, end: e, counts: { COMPLETED: b.completed, FAILED: b.failed } };
  });
}

/** Totals per series key over all buckets. */
export function bucketTotals(rows: readonly BucketRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, n] of Object.entries(r.counts)) out[k] = (out[k] ?? 0) + n;
  return out;
}

const TICK_STEPS = [MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
/** 1970-01-01 was a Thursday: weekly ticks fall on Mondays, four days later. */
const WEEK_PHASE = 4 * DAY;

/**
 * Axis ticks at round wall-clock times of `zone` (every 3 h, each midnight, each Monday…),
 * at most `maxTicks`, all inside [start, end] and none in the last `endMargin` of it (its
 * label would be cut at the chart's right edge).
 */
export function timeTicks(start: number, end: number, zone: string, maxTicks = 8, endMargin = 0.03): { ticks: number[]; stepMs: number } {
  const span = Math.max(MINUTE, end - start);
  const step = TICK_STEPS.find((s) => span / s <= maxTicks) ?? TICK_STEPS.at(-1)!;
  const phase = step >= 7 * DAY ? WEEK_PHASE : 0;
  const offset = (t: number) => zoneOffsetMinutes(new Date(t), zone) * MINUTE;
  const ticks: number[] = [];
  // Wall-clock time as if it were UTC: round there, then back to the instant (the offset may change across a DST switch).
  let local = Math.ceil((start + offset(start) - phase) / step) * step + phase;
  for (let guard = 0; guard < 200; guard++, local += step) {
    const guess = local - offset(start);
    const t = local - offset(guess);
    if (t > end - (end - start) * endMargin) break;
    if (t >= start && t !== ticks.at(-1)) ticks.push(t);
  }
  return { ticks, stepMs: step };
}

/** A tick's label: the time of day (`14:00`), or the date at midnight and for day-or-longer steps. */
export function tickLabel(t: number, stepMs: number, zone: string, clock: Clock): string {
  const date = formatDateTime(t, zone, 'date');
  if (stepMs >= DAY) return date;
  // `YYYY-MM-DD HH:MM`: the part after the date.
  const time = formatDateTime(t, zone, 'datetime', false, '24h').slice(11);
  return time === '00:00' ? date : formatDateTime(t, zone, 'datetime', false, clock).slice(11);
}

/** How far ahead the dashboard's "Upcoming" count looks. */
export const UPCOMING_DAYS = 3;

/**
 * The dashboard's filters for the past `rangeSeconds` up to `now`: flow runs expected in the
 * window, task runs started in it, and, apart, scheduled runs expected in the next days.
 */
export function dashboardFilters(rangeSeconds: number, now: number, tags: readonly string[]) {
  const window = pastWindow(rangeSeconds, now);
  const iso = (ms: number) => new Date(ms).toISOString();
  const tagFilter = tags.length ? { tags: { all_: [...tags] } } : {};
  return {
    window,
    flowRuns: { ...tagFilter, expected_start_time: { after_: iso(window.start), before_: iso(window.end) } },
    upcoming: { ...tagFilter, expected_start_time: { after_: iso(window.end), before_: iso(window.end + UPCOMING_DAYS * DAY) }, state: { type: { any_: ['SCHEDULED' as const] } } },
    taskRuns: { start_time: { after_: iso(window.start), before_: iso(window.end) } },
    tagFilter,
  };
}
