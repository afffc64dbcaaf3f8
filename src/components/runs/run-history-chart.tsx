import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Schemas } from '../../api/client.ts';
import { STATE_TYPES } from '../../lib/run-filters.ts';
import { formatDateTime } from '../../lib/time.ts';
import { stateColor } from '../ui/state-badge.tsx';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';

const titleCase = (t: string) => t.charAt(0) + t.slice(1).toLowerCase();

/** Runs per interval, stacked by state: counted by the server, so 100,000 runs cost one small response. */
export default function RunHistoryChart({ intervals, intervalSeconds }: { intervals: Schemas['HistoryResponse'][]; intervalSeconds: number }) {
  const zone = useTimeZone();
  const clock = useClock();
  const data = useMemo(
    () =>
      intervals.map((i) => {
        const row: Record<string, number | string> = { t: Date.parse(i.interval_start) };
        for (const s of i.states) row[s.state_type] = ((row[s.state_type] as number | undefined) ?? 0) + s.count_runs;
        return row;
      }),
    [intervals],
  );
  const present = STATE_TYPES.filter((t) => data.some((d) => (d[t] as number | undefined) ?? 0));
  const style = intervalSeconds >= 86_400 ? 'date' : 'datetime';
  // The chart's text alternative: totals per state over the range.
  const summary = present.map((t) => `${data.reduce((n, d) => n + ((d[t] as number | undefined) ?? 0), 0).toLocaleString('en')} ${titleCase(t)}`).join(', ');
  return (
    <>
      <p className="sr-only">{summary ? `Flow runs per interval by state; in this range: ${summary}.` : 'No flow runs in this range.'}</p>
      <ResponsiveContainer width="100%" height={140}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis dataKey="t" tickFormatter={(t: number) => formatDateTime(t, zone, style, false, clock)} tick={{ fontSize: 11, fill: 'var(--color-fg-muted)' }} stroke="var(--color-border)" minTickGap={40} />
          <YAxis allowDecimals={false} width={44} tick={{ fontSize: 11, fill: 'var(--color-fg-muted)' }} stroke="var(--color-border)" label={{ value: 'runs', angle: -90, position: 'insideLeft', fontSize: 11, fill: 'var(--color-fg-muted)' }} />
          <Tooltip
            cursor={{ fill: 'var(--color-surface-hover)' }}
            contentStyle={{ background: 'var(--color-surface-raised)', border: '1px solid var(--color-border)', borderRadius: 6, fontSize: 12 }}
            labelFormatter={(t) => `${formatDateTime(Number(t), zone, 'datetime', true, clock)} · ${Math.round(intervalSeconds / 60)} min interval`}
            formatter={(value, name) => [`${Number(value).toLocaleString('en')} runs`, titleCase(String(name))]}
          />
          {present.map((t) => (
            <Bar key={t} dataKey={t} stackId="s" fill={stateColor(t)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}
