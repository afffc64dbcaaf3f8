import type { FailuresBody } from '../api/failures.ts';
import { flowRunFilterBody, RELATIVE_RANGES, searchWindow, type RunsSearch } from './run-filters.ts';

/**
 * The Failures page keeps the runs page's search (range, flows, deployments, work pools,
 * tags; the tab picks flow or task runs), so a group links to the same filters there.
 */
export const FAILURE_BUCKETS = 24;

export function failuresBody(search: RunsSearch, now: number): FailuresBody {
  const { after, before } = searchWindow(search, now);
  const start = after ?? new Date(now - RELATIVE_RANGES['7d'] * 1000).toISOString();
  const end = before ?? new Date(Math.ceil(now / 60_000) * 60_000 + 60_000).toISOString();
  // Everything but the time window and states: failures are found by when they failed.
  const { flow_runs, ...rest } = flowRunFilterBody({ ...search, state: [], q: '', range: 'custom', from: undefined, to: undefined }, now);
  return { ...rest, ...(flow_runs ? { flow_runs } : {}), kind: search.tab === 'task-runs' ? 'task_runs' : 'flow_runs', start, end, buckets: FAILURE_BUCKETS, limit: 50 } as FailuresBody;
}

/** The runs page filtered to a group's failed runs (its flows, the same range and filters). */
export function runsOfGroup(search: RunsSearch, flowIds: string[]): Partial<RunsSearch> {
  return {
    tab: search.tab,
    range: search.range,
    ...(search.range === 'custom' ? { from: search.from, to: search.to } : {}),
    state: ['FAILED', 'CRASHED'],
    flow: flowIds,
    deployment: search.deployment,
    pool: search.pool,
    tag: search.tag,
  };
}
