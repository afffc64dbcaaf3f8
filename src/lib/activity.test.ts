import { describe, expect, it } from 'vitest';
import { bucketTotals, dashboardCountRows, dashboardFilters, historyRows, pastWindow, tickLabel, timeTicks } from './activity.ts';

const NOW = Date.parse('2026-12-07T20:10:42.500Z');
const HOUR = 3_600_000;

describe('windows that end now', () => {
  it('splits the past 24 hours into round buckets whose last one ends at now', () => {
    const w = pastWindow(86_400, NOW);
    expect(w).toEqual({ start: NOW - 24 * HOUR, end: NOW, intervalSeconds: 1800 });
    expect(pastWindow(3600, NOW)).toMatchObject({ start: NOW - HOUR, end: NOW, intervalSeconds: 60 });
    const month = pastWindow(30 * 86_400, NOW);
    expect(month.end).toBe(NOW);
    expect((month.end - month.start) / 1000 / month.intervalSeconds).toBeLessThanOrEqual(60);
  });

  it('never asks the dashboard for a run after now; upcoming runs are counted apart', () => {
    for (const range of [3600, 86_400, 604_800, 2_592_000]) {
      const f = dashboardFilters(range, NOW, ['nightly']);
      expect(Date.parse(f.flowRuns.expected_start_time.before_)).toBe(NOW);
      expect(Date.parse(f.taskRuns.start_time.before_)).toBe(NOW);
      expect(f.window.end).toBe(NOW);
      expect(Date.parse(f.flowRuns.expected_start_time.after_)).toBe(NOW - range * 1000);
    }
    const f = dashboardFilters(86_400, NOW, ['nightly']);
    expect(f.flowRuns.tags).toEqual({ all_: ['nightly'] });
    expect(f.upcoming).toEqual({
      tags: { all_: ['nightly'] },
      expected_start_time: { after_: new Date(NOW).toISOString(), before_: new Date(NOW + 3 * 24 * HOUR).toISOString() },
      state: { type: { any_: ['SCHEDULED'] } },
    });
    expect(dashboardFilters(3600, NOW, []).flowRuns).not.toHaveProperty('tags');
  });
});

describe('buckets on the time axis', () => {
  it('places history intervals at their middle and folds state names into types', () => {
    const rows = historyRows([
      { interval_start: '2026-12-07T19:00:00Z', interval_end: '2026-12-07T19:30:00Z', states: [{ state_type: 'COMPLETED', count_runs: 2 }, { state_type: 'COMPLETED', count_runs: 1 }, { state_type: 'FAILED', count_runs: 1 }] },
      { interval_start: '2026-12-07T19:30:00Z', interval_end: '2026-12-07T20:00:00Z', states: [] },
    ]);
    expect(rows[0]).toEqual({ t: Date.parse('2026-12-07T19:15:00Z'), start: Date.parse('2026-12-07T19:00:00Z'), end: Date.parse('2026-12-07T19:30:00Z'), counts: { COMPLETED: 3, FAILED: 1 } });
    expect(rows[1].counts).toEqual({});
    expect(bucketTotals(rows)).toEqual({ COMPLETED: 3, FAILED: 1 });
  });

  it('spreads the 20 dashboard task-run buckets over the window, the last one stopping at now', () => {
    const after = NOW - 24 * HOUR;
    const rows = dashboardCountRows(after, NOW, Array.from({ length: 20 }, (_, i) => ({ completed: i, failed: i === 19 ? 1 : 0 })));
    expect(rows).toHaveLength(20);
    // The server floors the start and ceils the end to the minute.
    expect(rows[0].start).toBe(Date.parse('2026-12-06T20:10:00Z'));
    expect(rows[1].start - rows[0].start).toBe((Date.parse('2026-12-07T20:11:00Z') - Date.parse('2026-12-06T20:10:00Z')) / 20);
    expect(rows.at(-1)!.end).toBe(NOW);
    expect(Math.max(...rows.map((r) => r.t))).toBeLessThan(NOW);
    expect(rows.at(-1)!.counts).toEqual({ COMPLETED: 19, FAILED: 1 });
  });
});

describe('axis ticks in the user zone', () => {
  it('ticks at round hours inside the window, never after its end', () => {
    const { ticks, stepMs } = timeTicks(NOW - 24 * HOUR, NOW, 'UTC');
    expect(stepMs).toBe(3 * HOUR);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks.every((t) => t >= NOW - 24 * HOUR && t <= NOW && t % (3 * HOUR) === 0)).toBe(true);
    expect(tickLabel(ticks[0], stepMs, 'UTC', '24h')).toBe('21:00');
    // A tick right at the end would be cut off at the chart's edge.
    expect(timeTicks(NOW - 7 * 24 * HOUR, Date.parse('2026-12-07T02:00:00Z'), 'UTC').ticks.at(-1)).toBe(Date.parse('2026-12-06T00:00:00Z'));
    expect(tickLabel(Date.parse('2026-12-07T00:00:00Z'), stepMs, 'UTC', '24h')).toBe('2026-12-07');
    expect(tickLabel(Date.parse('2026-12-07T15:00:00Z'), stepMs, 'UTC', '12h')).toBe('3:00 PM');
  });

  it('rounds in the chosen zone: midnights of Kolkata (+05:30), across a DST switch in Berlin', () => {
    const kolkata = timeTicks(NOW - 7 * 24 * HOUR, NOW, 'Asia/Kolkata');
    expect(kolkata.stepMs).toBe(24 * HOUR);
    expect(kolkata.ticks.every((t) => (t + 5.5 * HOUR) % (24 * HOUR) === 0)).toBe(true);
    // Europe/Berlin leaves summer time on 2026-10-25: midnights are 22:00Z before, 23:00Z after.
    const end = Date.parse('2026-10-28T12:00:00Z');
    const berlin = timeTicks(end - 7 * 24 * HOUR, end, 'Europe/Berlin');
    expect(berlin.ticks.map((t) => tickLabel(t, berlin.stepMs, 'Europe/Berlin', '24h'))).toEqual(['2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27', '2026-10-28']);
    expect(berlin.ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(['22:00', '22:00', '22:00', '22:00', '23:00', '23:00', '23:00']);
  });
});
