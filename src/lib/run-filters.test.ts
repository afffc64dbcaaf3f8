import { describe, expect, it } from 'vitest';
import { compactRunsSearch, DEFAULT_RUNS_SEARCH, flowRunFilterBody, historyBuckets, parseRunsSearch, taskRunFilterBody } from './run-filters.ts';

const NOW = Date.parse('2026-05-01T12:00:30Z');
const FLOW = '0a7c5e9e-3f1b-4c55-9d2e-6b1f3c2a9e01';

describe('runs filters ↔ URL', () => {
  it('fills defaults for an empty URL and leaves them out again', () => {
    const search = parseRunsSearch({});
    expect(search).toEqual(DEFAULT_RUNS_SEARCH);
    expect(compactRunsSearch(search)).toEqual({});
  });

  it('round-trips every filter through the URL', () => {
    const search = parseRunsSearch({ tab: 'flow-runs', range: '24h', state: ['FAILED', 'Late'], flow: [FLOW], tag: ['nightly'], q: 'etl', subflows: 'hide', sort: 'NAME_ASC', page: 3 });
    const compact = compactRunsSearch(search);
    expect(compact).toEqual({ range: '24h', state: ['FAILED', 'Late'], flow: [FLOW], tag: ['nightly'], q: 'etl', subflows: 'hide', sort: 'NAME_ASC', page: 3 });
    // What the router serializes and parses back must give the same search.
    expect(parseRunsSearch(JSON.parse(JSON.stringify(compact)))).toEqual(search);
  });

  it('drops malformed values instead of failing', () => {
    const search = parseRunsSearch({ tab: 'nope', range: '5y', state: ['FAILED', '<script>', 42], flow: ['not-a-uuid', FLOW], page: -2, sort: 'DROP TABLE', tag: 'single' });
    expect(search).toMatchObject({ tab: 'flow-runs', range: '7d', state: ['FAILED'], flow: [FLOW], page: 1, sort: 'START_TIME_DESC', tag: ['single'] });
  });

  it('takes only its own range names, not what every object inherits', () => {
    for (const range of ['toString', 'constructor', '__proto__']) expect(parseRunsSearch({ range }).range).toBe('7d');
  });

  it('keeps a custom range only with a bound, and sorts of the task-runs tab', () => {
    expect(parseRunsSearch({ range: 'custom' }).range).toBe('7d');
    expect(parseRunsSearch({ range: 'custom', from: '2026-04-01T00:00:00Z' })).toMatchObject({ range: 'custom', from: '2026-04-01T00:00:00.000Z' });
    expect(parseRunsSearch({ tab: 'task-runs', sort: 'START_TIME_DESC' }).sort).toBe('EXPECTED_START_TIME_DESC');
    expect(compactRunsSearch(parseRunsSearch({ tab: 'task-runs' }))).toEqual({ tab: 'task-runs' });
  });
});

describe('runs filters → API bodies', () => {
  it('builds the flow-run filter: window, states (types or names), flows, tags, name, subflows', () => {
    const search = parseRunsSearch({ range: '24h', state: ['FAILED', 'CRASHED', 'Late'], flow: [FLOW], tag: ['a', 'b'], q: 'nightly', subflows: 'hide' });
    expect(flowRunFilterBody(search, NOW)).toEqual({
      flow_runs: {
        expected_start_time: { after_: '2026-04-30T12:00:00.000Z' },
        state: { operator: 'or_', type: { any_: ['FAILED', 'CRASHED'] }, name: { any_: ['Late'] } },
        tags: { all_: ['a', 'b'] },
        name: { like_: 'nightly' },
        parent_task_run_id: { is_null_: true },
      },
      flows: { id: { any_: [FLOW] } },
    });
  });

  it('builds a stable body within a minute and an absolute custom window', () => {
    const search = parseRunsSearch({ range: '1h' });
    expect(flowRunFilterBody(search, NOW)).toEqual(flowRunFilterBody(search, NOW + 20_000));
    const custom = parseRunsSearch({ range: 'custom', from: '2026-04-01T00:00:00Z', to: '2026-04-02T00:00:00Z' });
    expect(taskRunFilterBody(custom, NOW)).toEqual({ task_runs: { expected_start_time: { after_: '2026-04-01T00:00:00.000Z', before_: '2026-04-02T00:00:00.000Z' } } });
  });

  it('buckets the history by round widths, never more than the chart can show', () => {
    const day = historyBuckets(NOW - 86_400_000, NOW);
    expect(day.intervalSeconds).toBe(1800);
    const month = historyBuckets(NOW - 30 * 86_400_000, NOW);
    expect(month.intervalSeconds).toBe(43_200);
    expect((Date.parse(month.end) - Date.parse(month.start)) / 1000 / month.intervalSeconds).toBeLessThanOrEqual(61);
  });
});

describe('runs filters: deployments', () => {
  const DEPLOYMENT = '5a1f9b0e-7c3d-4e2a-8b6f-1d2c3e4f5a6b';
  it('keeps deployment ids in the URL and filters both run kinds by them', () => {
    const search = parseRunsSearch({ deployment: [DEPLOYMENT, 'not-a-uuid'] });
    expect(search.deployment).toEqual([DEPLOYMENT]);
    expect(compactRunsSearch(search)).toEqual({ deployment: [DEPLOYMENT] });
    expect(flowRunFilterBody(search, NOW).flow_runs?.deployment_id).toEqual({ operator: 'or_', any_: [DEPLOYMENT] });
    expect(taskRunFilterBody(search, NOW).flow_runs).toEqual({ deployment_id: { operator: 'or_', any_: [DEPLOYMENT] } });
    expect(flowRunFilterBody(parseRunsSearch({}), NOW).flow_runs?.deployment_id).toBeUndefined();
  });

  it('"none" keeps the runs made without a deployment (ad-hoc), alone or beside deployments', () => {
    const adHoc = parseRunsSearch({ deployment: 'none' });
    expect(compactRunsSearch(adHoc)).toEqual({ deployment: ['none'] });
    expect(flowRunFilterBody(adHoc, NOW).flow_runs?.deployment_id).toEqual({ operator: 'or_', is_null_: true });
    expect(taskRunFilterBody(adHoc, NOW).flow_runs).toEqual({ deployment_id: { operator: 'or_', is_null_: true } });
    const either = parseRunsSearch({ deployment: [DEPLOYMENT, 'none'] });
    expect(flowRunFilterBody(either, NOW).flow_runs?.deployment_id).toEqual({ operator: 'or_', any_: [DEPLOYMENT], is_null_: true });
  });
});

describe('runs filters: work pools', () => {
  it('keeps pool names in the URL and filters both run kinds by them', () => {
    const search = parseRunsSearch({ pool: ['gpu', 'gpu', '', 42] });
    expect(search.pool).toEqual(['gpu']);
    expect(compactRunsSearch(search)).toEqual({ pool: ['gpu'] });
    expect(flowRunFilterBody(search, NOW).work_pools).toEqual({ name: { any_: ['gpu'] } });
    expect(taskRunFilterBody(search, NOW).work_pools).toEqual({ name: { any_: ['gpu'] } });
    expect(flowRunFilterBody(parseRunsSearch({}), NOW).work_pools).toBeUndefined();
  });
});
