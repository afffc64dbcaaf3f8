import { describe, expect, it } from 'vitest';
import { failuresBody, runsOfGroup } from './failures.ts';
import { parseRunsSearch } from './run-filters.ts';

const NOW = Date.parse('2026-12-07T04:00:00Z');
const FLOW = '5a1f9b0e-7c3d-4e2a-8b6f-1d2c3e4f5a6b';

describe('failures page search', () => {
  it('the range becomes start/end; flows, tags and the ad-hoc filter carry over; the tab picks the kind', () => {
    const body = failuresBody(parseRunsSearch({ range: '24h', flow: [FLOW], tag: ['etl'], deployment: ['none'], tab: 'task-runs' }), NOW);
    expect(body.start).toBe('2026-12-06T04:00:00.000Z');
    expect(Date.parse(body.end)).toBeGreaterThan(NOW);
    expect(body.kind).toBe('task_runs');
    expect(body.flows).toEqual({ id: { any_: [FLOW] } });
    expect(body.flow_runs).toEqual({ tags: { all_: ['etl'] }, deployment_id: { operator: 'or_', is_null_: true } });
    // The window is on when runs failed, not when they were expected to start.
    expect(JSON.stringify(body)).not.toContain('expected_start_time');
  });

  it('a custom range is kept as it is', () => {
    const body = failuresBody(parseRunsSearch({ range: 'custom', from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }), NOW);
    expect([body.start, body.end]).toEqual(['2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
  });

  it("a group's runs link keeps the filters and asks for failed and crashed runs of its flows", () => {
    const search = parseRunsSearch({ range: '7d', pool: ['demo'] });
    expect(runsOfGroup(search, [FLOW])).toEqual({ tab: 'flow-runs', range: '7d', state: ['FAILED', 'CRASHED'], flow: [FLOW], deployment: [], pool: ['demo'], tag: [] });
  });
});
