import { sql, type Selectable } from 'kysely';
import type { FlowRunPolicyT, FlowRunT, TaskRunPolicyT, TaskRunT } from '../api/models/runs.ts';
import type { StateDetailsT, StateT, StateTypeName } from '../api/models/states.ts';
import { TERMINAL_STATES } from '../api/models/states.ts';
import { fromJson, fromJsonNullable } from '../lib/json.ts';
import { formatDateTime, formatNullable } from '../lib/time.ts';
import type { Executor } from './connection.ts';
import type { FlowRunTable, RunStateColumns, StateTable, TaskRunTable } from './schema.ts';

/** Current-state columns joined onto a run row (`s_*`). */
export interface JoinedState {
  s_message: string | null;
  s_data: string | null;
  s_state_details: string | null;
}

export type FlowRunRow = Selectable<FlowRunTable> & JoinedState & { work_pool_id: string | null; work_pool_name: string | null };
export type TaskRunRow = Selectable<TaskRunTable> & JoinedState;

export function selectFlowRuns(db: Executor) {
  return db
    .selectFrom('flow_run')
    .leftJoin('flow_run_state as s', 's.id', 'flow_run.state_id')
    .selectAll('flow_run')
    .select(['s.message as s_message', 's.data as s_data', 's.state_details as s_state_details'])
    .select([
      sql<string | null>`(select wq.work_pool_id from work_queue wq where wq.id = flow_run.work_queue_id)`.as('work_pool_id'),
      sql<string | null>`(select wp.name from work_queue wq join work_pool wp on wp.id = wq.work_pool_id where wq.id = flow_run.work_queue_id)`.as('work_pool_name'),
    ]);
}

export function selectTaskRuns(db: Executor) {
  return db
    .selectFrom('task_run')
    .leftJoin('task_run_state as s', 's.id', 'task_run.state_id')
    .selectAll('task_run')
    .select(['s.message as s_message', 's.data as s_data', 's.state_details as s_state_details']);
}

/** A run row after orchestration, with its written state joined, ready to decode. */
export function withWrittenState<R extends RunStateColumns>(row: R, run: RunStateColumns & { flow_policy?: unknown; task_policy?: unknown; flow_run_run_count?: number }, state: { message: string | null; data: unknown; details: unknown }): R & JoinedState {
  return {
    ...row,
    state_id: run.state_id,
    state_type: run.state_type,
    state_name: run.state_name,
    state_timestamp: run.state_timestamp,
    run_count: run.run_count,
    expected_start_time: run.expected_start_time,
    next_scheduled_start_time: run.next_scheduled_start_time,
    start_time: run.start_time,
    end_time: run.end_time,
    total_run_time: run.total_run_time,
    ...(run.flow_policy ? { empirical_policy: JSON.stringify(run.flow_policy) } : {}),
    ...(run.task_policy ? { empirical_policy: JSON.stringify(run.task_policy), flow_run_run_count: run.flow_run_run_count } : {}),
    s_message: state.message,
    s_data: state.data === null || state.data === undefined ? null : JSON.stringify(state.data),
    s_state_details: JSON.stringify(state.details),
  };
}

export function decodeStateRow(row: Selectable<StateTable>): StateT {
  return {
    id: row.id,
    type: row.type as StateTypeName,
    name: row.name,
    timestamp: formatDateTime(row.timestamp),
    message: row.message,
    data: fromJsonNullable(row.data),
    state_details: JSON.parse(row.state_details) as StateDetailsT,
  };
}

function joinedState(row: RunStateColumns & JoinedState): StateT | null {
  if (!row.state_id || !row.state_type || row.s_state_details === null) return null;
  return {
    id: row.state_id,
    type: row.state_type as StateTypeName,
    name: row.state_name ?? '',
    timestamp: formatDateTime(row.state_timestamp!),
    message: row.s_message,
    data: fromJsonNullable(row.s_data),
    state_details: JSON.parse(row.s_state_details) as StateDetailsT,
  };
}

/** `total_run_time` plus, while RUNNING, the time since the current state began (seconds). */
export function estimatedRunTime(row: Pick<RunStateColumns, 'state_type' | 'state_timestamp' | 'total_run_time'>, now: number): number {
  const running = row.state_type === 'RUNNING' && row.state_timestamp !== null;
  return row.total_run_time + (running ? Math.max(0, now - row.state_timestamp!) / 1e6 : 0);
}

/** Timing fields derived at read time (contract §3.2). */
export function runTiming(row: RunStateColumns, now: number) {
  let delta = 0;
  if (row.start_time !== null && row.expected_start_time !== null) {
    delta = row.start_time > row.expected_start_time ? (row.start_time - row.expected_start_time) / 1e6 : 0;
  } else if (row.start_time === null && row.expected_start_time !== null && row.expected_start_time < now && !TERMINAL_STATES.has(row.state_type ?? '')) {
    delta = (now - row.expected_start_time) / 1e6;
  }
  return { estimated_run_time: estimatedRunTime(row, now), estimated_start_time_delta: delta };
}

function runStateFields(row: RunStateColumns & JoinedState, now: number) {
  return {
    state_id: row.state_id,
    state: joinedState(row),
    state_type: row.state_type as StateTypeName | null,
    state_name: row.state_name,
    run_count: row.run_count,
    expected_start_time: formatNullable(row.expected_start_time),
    next_scheduled_start_time: formatNullable(row.next_scheduled_start_time),
    start_time: formatNullable(row.start_time),
    end_time: formatNullable(row.end_time),
    total_run_time: row.total_run_time,
    ...runTiming(row, now),
  };
}

export function decodeFlowRun(row: FlowRunRow, now: number): FlowRunT {
  return {
    id: row.id,
    created: formatDateTime(row.created),
    updated: formatDateTime(row.updated),
    name: row.name,
    flow_id: row.flow_id,
    ...runStateFields(row, now),
    deployment_id: row.deployment_id,
    deployment_version: row.deployment_version,
    work_queue_id: row.work_queue_id,
    work_queue_name: row.work_queue_name,
    work_pool_id: row.work_pool_id ?? null,
    work_pool_name: row.work_pool_name ?? null,
    flow_version: row.flow_version,
    parameters: fromJson(row.parameters, {}),
    idempotency_key: row.idempotency_key,
    context: fromJson(row.context, {}),
    empirical_policy: { ...defaultFlowRunPolicy(), ...fromJson<Partial<FlowRunPolicyT>>(row.empirical_policy, {}) },
    tags: fromJson(row.tags, []),
    parent_task_run_id: row.parent_task_run_id,
    auto_scheduled: Boolean(row.auto_scheduled),
    infrastructure_document_id: row.infrastructure_document_id,
    infrastructure_pid: row.infrastructure_pid,
    created_by: fromJsonNullable(row.created_by),
    job_variables: fromJsonNullable(row.job_variables),
  };
}

export function decodeTaskRun(row: TaskRunRow, now: number): TaskRunT {
  return {
    id: row.id,
    created: formatDateTime(row.created),
    updated: formatDateTime(row.updated),
    name: row.name,
    flow_run_id: row.flow_run_id,
    task_key: row.task_key,
    dynamic_key: row.dynamic_key,
    cache_key: row.cache_key,
    cache_expiration: formatNullable(row.cache_expiration),
    task_version: row.task_version,
    empirical_policy: { ...defaultTaskRunPolicy(), ...fromJson<Partial<TaskRunPolicyT>>(row.empirical_policy, {}) },
    tags: fromJson(row.tags, []),
    task_inputs: fromJson(row.task_inputs, {}),
    flow_run_run_count: row.flow_run_run_count,
    ...runStateFields(row, now),
  };
}

export const defaultFlowRunPolicy = (): FlowRunPolicyT => ({
  max_retries: 0,
  retry_delay_seconds: 0,
  retries: null,
  retry_delay: null,
  pause_keys: [],
  resuming: false,
  retry_type: null,
});

export const defaultTaskRunPolicy = (): TaskRunPolicyT => ({
  max_retries: 0,
  retry_delay_seconds: 0,
  retries: null,
  retry_delay: null,
  retry_jitter_factor: null,
});

/** Deprecated `max_retries`/`retry_delay_seconds` fill `retries`/`retry_delay` when unset. */
export function normalizeFlowRunPolicy(input: Partial<FlowRunPolicyT> | null | undefined): FlowRunPolicyT {
  const p = { ...defaultFlowRunPolicy(), ...stripNulls(input ?? {}) } as FlowRunPolicyT;
  if (!p.retries && p.max_retries !== 0) p.retries = p.max_retries;
  if (!p.retry_delay && p.retry_delay_seconds !== 0) p.retry_delay = Math.round(p.retry_delay_seconds);
  return p;
}

export function normalizeTaskRunPolicy(input: Partial<TaskRunPolicyT> | null | undefined): TaskRunPolicyT {
  const p = { ...defaultTaskRunPolicy(), ...stripNulls(input ?? {}) } as TaskRunPolicyT;
  if (!p.retries && p.max_retries !== 0) p.retries = p.max_retries;
  if ((p.retry_delay === null || p.retry_delay === 0) && p.retry_delay_seconds !== 0) p.retry_delay = Math.round(p.retry_delay_seconds);
  return p;
}

function stripNulls<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** ORDER BY clauses of the run sort enums. */
export function runOrderBy(sort: string, table: 'flow_run' | 'task_run') {
  const c = (col: string) => sql.ref(`${table}.${col}`);
  switch (sort) {
    case 'START_TIME_ASC':
      return sql`coalesce(${c('start_time')}, ${c('expected_start_time')}) asc`;
    case 'START_TIME_DESC':
      return sql`coalesce(${c('start_time')}, ${c('expected_start_time')}) desc`;
    case 'EXPECTED_START_TIME_ASC':
      return sql`${c('expected_start_time')} asc`;
    case 'EXPECTED_START_TIME_DESC':
      return sql`${c('expected_start_time')} desc`;
    case 'NAME_ASC':
      return sql`${c('name')} asc`;
    case 'NAME_DESC':
      return sql`${c('name')} desc`;
    case 'NEXT_SCHEDULED_START_TIME_ASC':
      return sql`${c('next_scheduled_start_time')} asc nulls last`;
    case 'END_TIME_DESC':
      return sql`${c('end_time')} desc nulls last`;
    default:
      return sql`${c('id')} desc`;
  }
}
