import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RunFilters } from '../api/models/filters.ts';
import type { FlowRunCreateT, FlowRunT } from '../api/models/runs.ts';
import { TERMINAL_STATES } from '../api/models/states.ts';
import { toJson } from '../lib/json.ts';
import { randomRunName } from '../lib/names.ts';
import { nowMicros } from '../lib/time.ts';
import type { Db, Executor } from './connection.ts';
import { FilterCompiler, listQueryHints } from './filters.ts';
import { decodeFlowRun, normalizeFlowRunPolicy, runOrderBy, selectFlowRuns } from './runs.ts';

export async function readFlowRun(db: Executor, id: string): Promise<FlowRunT | null> {
  const row = await selectFlowRuns(db).where('flow_run.id', '=', id).executeTakeFirst();
  return row ? decodeFlowRun(row, nowMicros()) : null;
}

/** Inserts the run row; the caller sets its initial state. Idempotent on (flow_id, idempotency_key). */
export async function insertFlowRun(
  trx: Executor,
  input: Omit<FlowRunCreateT, 'state'> & { work_queue_id?: string | null; work_queue_name?: string | null; deployment_version?: string | null; auto_scheduled?: boolean; job_variables?: Record<string, unknown> | null; created_by?: unknown },
): Promise<{ id: string; created: boolean }> {
  if (input.idempotency_key) {
    const existing = await trx.selectFrom('flow_run').select('id').where('flow_id', '=', input.flow_id).where('idempotency_key', '=', input.idempotency_key).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
  }
  const now = nowMicros();
  const id = randomUUID();
  const inserted = await trx
    .insertInto('flow_run')
    .values({
      id,
      created: now,
      updated: now,
      name: input.name ?? randomRunName(),
      flow_id: input.flow_id,
      state_id: null,
      state_type: null,
      failure_signature: null,
      state_name: null,
      state_timestamp: null,
      run_count: 0,
      expected_start_time: null,
      next_scheduled_start_time: null,
      start_time: null,
      end_time: null,
      total_run_time: 0,
      deployment_id: input.deployment_id ?? null,
      deployment_version: input.deployment_version ?? null,
      work_queue_id: input.work_queue_id ?? null,
      work_queue_name: input.work_queue_name ?? null,
      flow_version: input.flow_version ?? null,
      parameters: toJson(input.parameters ?? {}),
      idempotency_key: input.idempotency_key ?? null,
      context: toJson(input.context ?? {}),
      empirical_policy: toJson(normalizeFlowRunPolicy(input.empirical_policy as never)),
      tags: toJson(input.tags ?? []),
      parent_task_run_id: input.parent_task_run_id ?? null,
      auto_scheduled: input.auto_scheduled ? 1 : 0,
      infrastructure_document_id: input.infrastructure_document_id ?? null,
      infrastructure_pid: null,
      created_by: input.created_by ? toJson(input.created_by) : null,
      job_variables: input.job_variables ? toJson(input.job_variables) : null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id, created: true };
  // Lost an idempotency race (PostgreSQL): the winner's run is the answer.
  const winner = await trx.selectFrom('flow_run').select('id').where('flow_id', '=', input.flow_id).where('idempotency_key', '=', input.idempotency_key ?? '').executeTakeFirstOrThrow();
  return { id: winner.id, created: false };
}

export function flowRunWhere(db: Db, body: RunFilters) {
  return new FilterCompiler(db.dialect).flowRunBody(body, 'flow_run');
}

export async function filterFlowRuns(db: Db, body: RunFilters & { sort?: string }, limit: number, offset: number) {
  const hints = await listQueryHints(db, 'flow_run', body.flow_runs?.state, limit + offset);
  const rows = await selectFlowRuns(db.kysely)
    .where(new FilterCompiler(db.dialect, hints).flowRunBody(body, 'flow_run'))
    .orderBy(runOrderBy(body.sort ?? 'ID_DESC', 'flow_run'))
    .limit(limit)
    .offset(offset)
    .execute();
  const now = nowMicros();
  return rows.map((r) => decodeFlowRun(r, now));
}

export async function countFlowRuns(db: Db, body: RunFilters) {
  const row = await db.kysely.selectFrom('flow_run').select((eb) => eb.fn.countAll<number>().as('n')).where(flowRunWhere(db, body)).executeTakeFirstOrThrow();
  return Number(row.n);
}

const terminalList = sql.join([...TERMINAL_STATES].map((t) => sql.val(t)));

/** SQL for `estimated_start_time_delta` in seconds (contract §3.2), given now in µs. */
export function lateSecondsSql(table: string, now: number) {
  const c = (col: string) => sql.ref(`${table}.${col}`);
  return sql<number>`(case
    when ${c('start_time')} is not null and ${c('start_time')} > ${c('expected_start_time')} then (${c('start_time')} - ${c('expected_start_time')}) / 1000000.0
    when ${c('start_time')} is null and ${c('expected_start_time')} < ${now} and (${c('state_type')} is null or ${c('state_type')} not in (${terminalList})) then (${now} - ${c('expected_start_time')}) / 1000000.0
    else 0 end)`;
}

/** SQL for `estimated_run_time` in seconds. */
export function runSecondsSql(table: string, now: number) {
  const c = (col: string) => sql.ref(`${table}.${col}`);
  return sql<number>`(${c('total_run_time')} + case when ${c('state_type')} = 'RUNNING' and ${c('state_timestamp')} is not null then (${now} - ${c('state_timestamp')}) / 1000000.0 else 0 end)`;
}

export async function flowRunLateness(db: Db, body: RunFilters): Promise<number | null> {
  const now = nowMicros();
  const row = await db.kysely
    .selectFrom('flow_run')
    .select(sql<number | null>`avg(${lateSecondsSql('flow_run', now)})`.as('lateness'))
    .where(flowRunWhere(db, body))
    .executeTakeFirstOrThrow();
  return row.lateness === null ? null : Number(row.lateness);
}
