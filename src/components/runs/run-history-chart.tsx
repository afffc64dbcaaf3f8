import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, useXAxisScale, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../../api/client.ts';
import { bucketTotals, historyRows, tickLabel, timeTicks, type BucketRow } from '../../lib/activity.ts';
import { STATE_TYPES } from '../../lib/run-filters.ts';
import { formatDateTime, zoneAbbreviation } from '../../lib/time.ts';
import { stateColor, titleCase } from '../ui/state-badge.tsx';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';

const axisText = { fontSize: 11, fill: 'var(--color-fg-muted)' };

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** The state types as stacked series, in the order of the state filter. */
export const STATE_SERIES: ChartSeries[] = STATE_TYPES.map((t) => ({ key: t, label: titleCase(t), color: stateColor(t) }));

interface TimeBucketChartProps {
  rows: readonly BucketRow[];
  series: readonly ChartSeries[];
  /** The time axis, epoch ms: the window asked for, not the data's extent. */
  domain: readonly [number, number];
  /** What is counted, plural and lower case ("flow runs"): the text alternative and the tooltip say it. */
  what: string;
  /** Y-axis unit. */
  unit: string;
  height?: number;
}

/**
 * Counts per time bucket, stacked by series, on a real time axis: ticks at round times of the
 * user's zone, each bar as wide as its bucket, an empty stretch of time left empty. Counted by
 * the server, so 100,000 runs cost one small response.
 */
export function TimeBucketChart({ rows, series, domain, what, unit, height = 140 }: TimeBucketChartProps) {
  const zone = useTimeZone();
  const clock = useClock();
  const [start, end] = domain;
  const data = useMemo(() => rows.map((r, i) => ({ i, t: r.t, start: r.start, end: r.end, ...r.counts })), [rows]);
  const totals = useMemo(() => bucketTotals(rows), [rows]);
  const present = series.filter((s) => (totals[s.key] ?? 0) > 0);
  const { ticks, stepMs } = useMemo(() => timeTicks(start, end, zone), [start, end, zone]);
  const now = Date.now();
  const label = (i: number) => {
    const row = data[i];
    if (!row) return '';
    const to = formatDateTime(row.end, zone, 'datetime', true, clock);
    // `YYYY-MM-DD HH:MM zone`: the end's date only when it differs from the start's.
    const sameDay = formatDateTime(row.start, zone, 'date') === formatDateTime(row.end, zone, 'date');
    return `${formatDateTime(row.start, zone, 'datetime', false, clock)} – ${sameDay ? to.slice(11) : to}`;
  };
  // The chart's text alternative: totals per state over the range.
  const summary = present.map((s) => `${(totals[s.key] ?? 0).toLocaleString('en')} ${s.label}`).join(', ');
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <>
      <p className="sr-only">{summary ? `${What} per interval by state; in this range: ${summary}.` : `No ${what} in this range.`}</p>
      <div>
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={1}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            {/* Bars and the tooltip go by bucket; the visible axis is time, and each bar is drawn over its own span of it. */}
            <XAxis dataKey="i" hide height={0} />
            <XAxis
              xAxisId="time"
              dataKey="t"
              type="number"
              scale="time"
              domain={[start, end]}
              allowDataOverflow
              ticks={ticks}
              interval={0}
              tickFormatter={(t: number) => tickLabel(t, stepMs, zone, clock)}
              tick={axisText}
              stroke="var(--color-border)"
            />
            <YAxis allowDecimals={false} width={44} tick={axisText} stroke="var(--color-border)" label={{ value: unit, angle: -90, position: 'insideLeft', ...axisText }} />
            <Tooltip
              cursor={{ fill: 'var(--color-surface-hover)' }}
              contentStyle={{ background: 'var(--color-surface-raised)', border: '1px solid var(--color-border)', borderRadius: 6, fontSize: 12 }}
              separator=": "
              labelFormatter={(i) => label(Number(i))}
              formatter={(value, name) => [`${Number(value).toLocaleString('en')} ${unit}`, String(name)]}
            />
            {now > start && now < end - (end - start) / 200 && <ReferenceLine xAxisId="time" x={now} stroke="var(--color-fg-muted)" strokeDasharray="3 3" label={{ value: 'now', position: 'insideTopRight', ...axisText }} />}
            {present.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="s" fill={s.color} isAnimationActive={false} shape={<BucketRect />} />
            ))}
          </BarChart>
        </ResponsiveContainer>
        <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 pl-11 text-[11px] text-fg-muted">
          {present.map((s) => (
            <span key={s.key} className="inline-flex items-center gap-1 tabular-nums">
              <span className="size-2 rounded-sm" style={{ background: s.color }} />
              {s.label} {(totals[s.key] ?? 0).toLocaleString('en')}
            </span>
          ))}
          <span className="ml-auto">times in {zoneAbbreviation(new Date(end), zone)}</span>
        </div>
      </div>
    </>
  );
}

interface BucketRectProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fill?: string;
  payload?: { start: number; end: number };
}

/** A bar segment over its bucket's span of the time axis (a last bucket cut at now is narrower). */
function BucketRect({ x = 0, y = 0, width = 0, height = 0, fill, payload }: BucketRectProps) {
  const time = useXAxisScale('time');
  const x0 = payload && time ? time(payload.start) : undefined;
  const x1 = payload && time ? time(payload.end) : undefined;
  const [left, w] = x0 !== undefined && x1 !== undefined ? [x0, x1 - x0] : [x, width];
  if (height <= 0 || w <= 0) return null;
  // A hairline between neighbouring buckets, unless that would leave nothing.
  const gap = w > 3 ? 1 : 0;
  return <rect x={left + gap / 2} y={y} width={w - gap} height={height} fill={fill} />;
}

/** `/flow_runs/history` intervals, stacked by state type. */
export default function RunHistoryChart({ intervals, domain, clampEnd, height }: { intervals: Schemas['HistoryResponse'][]; domain: readonly [number, number]; clampEnd?: number; height?: number }) {
  const rows = useMemo(() => historyRows(intervals, clampEnd), [intervals, clampEnd]);
  return <TimeBucketChart rows={rows} series={STATE_SERIES} domain={domain} what="flow runs" unit="runs" height={height} />;
}
