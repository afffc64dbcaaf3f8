/**
 * The runs page's filters: URL search params (validated, with defaults) ↔ API filter bodies.
 * Pure, so the same search always builds the same request (and query key).
 */
import { bucketWidthSeconds } from './activity.ts';

export const STATE_TYPES = ['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED', 'PAUSED', 'CANCELLING'] as const;
export type StateTypeName = (typeof STATE_TYPES)[number];

/** Named states of the contract (§2) that the state filter offers besides the types. */
export const CUSTOM_STATE_NAMES = ['Late', 'AwaitingRetry', 'Resuming', 'Retrying', 'Rerunning', 'Cached', 'Suspended', 'NotReady'] as const;

export const RELATIVE_RANGES = { '1h': 3600, '24h': 86_400, '7d': 7 * 86_400, '30d': 30 * 86_400 } as const;
export type RelativeRange = keyof typeof RELATIVE_RANGES;
export const RANGE_LABELS: Record<RelativeRange | 'custom', string> = { '1h': 'Past hour', '24h': 'Past 24 hours', '7d': 'Past 7 days', '30d': 'Past 30 days', custom: 'Custom range' };
export type RangeChoice = RelativeRange | 'custom';

export const FLOW_RUN_SORTS = ['START_TIME_DESC', 'START_TIME_ASC', 'EXPECTED_START_TIME_DESC', 'NAME_ASC', 'NAME_DESC', 'END_TIME_DESC'] as const;
export type FlowRunSortChoice = (typeof FLOW_RUN_SORTS)[number];
export const TASK_RUN_SORTS = ['EXPECTED_START_TIME_DESC', 'EXPECTED_START_TIME_ASC', 'NAME_ASC', 'NAME_DESC', 'END_TIME_DESC'] as const;
export type TaskRunSortChoice = (typeof TASK_RUN_SORTS)[number];

export interface RunsSearch {
  tab: 'flow-runs' | 'task-runs';
  range: RangeChoice;
  /** ISO instants of a custom range. */
  from?: string;
  to?: string;
  /** State types (`FAILED`) and custom state names (`Late`). */
  state: string[];
  /** Flow ids. */
  flow: string[];
  /** Deployment ids, and `none` for runs made without one (ad-hoc). */
  deployment: string[];
  /** Work pool names. */
  pool: string[];
  tag: string[];
  /** Substring of the run name. */
  q: string;
  /** Hide subflow runs (flow-runs tab). */
  subflows: 'hide' | 'show';
  sort: string;
  page: number;
}

/** The deployment filter's value for runs without a deployment. */
export const NO_DEPLOYMENT = 'none';

/** `flow_runs.deployment_id` for the chosen deployments: ids, runs without one, or either. */
function deploymentIdCriterion(chosen: string[]): Record<string, unknown> | undefined {
  if (chosen.length === 0) return undefined;
  const ids = chosen.filter((d) => d !== NO_DEPLOYMENT);
  const none = ids.length < chosen.length;
  return { operator: 'or_', ...(ids.length ? { any_: ids } : {}), ...(none ? { is_null_: true } : {}) };
}

export const DEFAULT_RUNS_SEARCH: RunsSearch = { tab: 'flow-runs', range: '7d', state: [], flow: [], deployment: [], pool: [], tag: [], q: '', subflows: 'show', sort: 'START_TIME_DESC', page: 1 };

const MAX_LIST = 50;
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const strings = (v: unknown, valid: (s: string) => boolean = () => true): string[] => {
  const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 200 && valid(s)))].slice(0, MAX_LIST);
};
const isStateValue = (s: string) => (STATE_TYPES as readonly string[]).includes(s) || /^[A-Za-z][A-Za-z ]{0,40}$/.test(s);
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Reads the runs page's search params, dropping anything malformed in favour of the defaults. */
export function parseRunsSearch(raw: Record<string, unknown>): RunsSearch {
  const tab = raw.tab === 'task-runs' ? 'task-runs' : 'flow-runs';
  const rangeRaw = raw.range;
  let range: RangeChoice = rangeRaw === 'custom' || (typeof rangeRaw === 'string' && Object.hasOwn(RELATIVE_RANGES, rangeRaw)) ? (rangeRaw as RangeChoice) : DEFAULT_RUNS_SEARCH.range;
  const from = isIso(raw.from) ? new Date(raw.from).toISOString() : undefined;
  const to = isIso(raw.to) ? new Date(raw.to).toISOString() : undefined;
  if (range === 'custom' && !from && !to) range = DEFAULT_RUNS_SEARCH.range;
  const sorts: readonly string[] = tab === 'task-runs' ? TASK_RUN_SORTS : FLOW_RUN_SORTS;
  const sort = typeof raw.sort === 'string' && sorts.includes(raw.sort) ? raw.sort : sorts[0];
  const page = typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page >= 1 && raw.page <= 100_000 ? raw.page : 1;
  return {
    tab,
    range,
    ...(range === 'custom' ? { from, to } : {}),
    state: strings(raw.state, isStateValue),
    flow: strings(raw.flow, isUuid),
    deployment: strings(raw.deployment, (s) => isUuid(s) || s === NO_DEPLOYMENT),
    pool: strings(raw.pool),
    tag: strings(raw.tag),
    q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '',
    subflows: raw.subflows === 'hide' ? 'hide' : 'show',
    sort,
    page,
  };
}

/** The search params worth putting in the URL: defaults are left out so links stay short. */
export function compactRunsSearch(search: RunsSearch): Partial<RunsSearch> {
  const out: Partial<RunsSearch> = {};
  const defaults = { ...DEFAULT_RUNS_SEARCH, sort: search.tab === 'task-runs' ? TASK_RUN_SORTS[0] : FLOW_RUN_SORTS[0] };
  for (const key of Object.keys(search) as (keyof RunsSearch)[]) {
    const value = search[key];
    const fallback = defaults[key];
    if (value === undefined) continue;
    if (Array.isArray(value) ? value.length === 0 : value === fallback) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

const MINUTE = 60_000;

/** The time window of a search; relative ranges end open (upcoming scheduled runs stay visible), rounded to the minute so keys stay stable. */
export function searchWindow(search: Pick<RunsSearch, 'range' | 'from' | 'to'>, now: number): { after?: string; before?: string } {
  if (search.range === 'custom') return { after: search.from, before: search.to };
  const start = Math.floor((now - RELATIVE_RANGES[search.range] * 1000) / MINUTE) * MINUTE;
  return { after: new Date(start).toISOString() };
}

interface StateCriterion {
  operator?: 'and_' | 'or_';
  type?: { any_: StateTypeName[] };
  name?: { any_: string[] };
}

export function stateCriterion(values: string[]): StateCriterion | undefined {
  if (values.length === 0) return undefined;
  const types = values.filter((v): v is StateTypeName => (STATE_TYPES as readonly string[]).includes(v));
  const names = values.filter((v) => !(STATE_TYPES as readonly string[]).includes(v));
  return { operator: 'or_', ...(types.length ? { type: { any_: types } } : {}), ...(names.length ? { name: { any_: names } } : {}) };
}

/** `POST /flow_runs/filter|count` and `/ui/flow_runs/history` keys for a search (sort/paging excluded). */
export function flowRunFilterBody(search: RunsSearch, now: number) {
  const { after, before } = searchWindow(search, now);
  const flowRuns: Record<string, unknown> = {};
  if (after || before) flowRuns.expected_start_time = { ...(after ? { after_: after } : {}), ...(before ? { before_: before } : {}) };
  const state = stateCriterion(search.state);
  if (state) flowRuns.state = state;
  if (search.tag.length) flowRuns.tags = { all_: search.tag };
  if (search.q) flowRuns.name = { like_: search.q };
  if (search.subflows === 'hide') flowRuns.parent_task_run_id = { is_null_: true };
  const deploymentId = deploymentIdCriterion(search.deployment);
  if (deploymentId) flowRuns.deployment_id = deploymentId;
  const body: { flow_runs?: Record<string, unknown>; flows?: Record<string, unknown>; deployments?: Record<string, unknown>; work_pools?: Record<string, unknown> } = {};
  if (Object.keys(flowRuns).length) body.flow_runs = flowRuns;
  if (search.flow.length) body.flows = { id: { any_: search.flow } };
  if (search.pool.length) body.work_pools = { name: { any_: search.pool } };
  return body;
}

/** `POST /task_runs/filter|count` keys for a search. */
export function taskRunFilterBody(search: RunsSearch, now: number) {
  const { after, before } = searchWindow(search, now);
  const taskRuns: Record<string, unknown> = {};
  if (after || before) taskRuns.expected_start_time = { ...(after ? { after_: after } : {}), ...(before ? { before_: before } : {}) };
  const state = stateCriterion(search.state);
  if (state) taskRuns.state = state;
  if (search.tag.length) taskRuns.tags = { all_: search.tag };
  if (search.q) taskRuns.name = { like_: search.q };
  const body: { task_runs?: Record<string, unknown>; flow_runs?: Record<string, unknown>; flows?: Record<string, unknown>; work_pools?: Record<string, unknown> } = {};
  if (Object.keys(taskRuns).length) body.task_runs = taskRuns;
  const deploymentId = deploymentIdCriterion(search.deployment);
  if (deploymentId) body.flow_runs = { deployment_id: deploymentId };
  if (search.flow.length) body.flows = { id: { any_: search.flow } };
  if (search.pool.length) body.work_pools = { name: { any_: search.pool } };
  return body;
}

export const PAGE_SIZE = 50;

/** History chart buckets: the span split into at most `maxBuckets` intervals of a round width. */
export function historyBuckets(startMs: number, endMs: number, maxBuckets = 60): { start: string; end: string; intervalSeconds: number } {
  const width = bucketWidthSeconds((endMs - startMs) / 1000, maxBuckets);
  const start = Math.floor(startMs / 1000 / width) * width;
  const end = Math.ceil(endMs / 1000 / width) * width;
  return { start: new Date(start * 1000).toISOString(), end: new Date(Math.max(end, start + width) * 1000).toISOString(), intervalSeconds: width };
}
