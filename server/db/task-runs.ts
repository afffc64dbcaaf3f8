import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { TaskRunTable } from './schema.ts';
import type { RunFilters } from '../api/models/filters.ts';
import type { TaskRunCreateT, TaskRunT } from '../api/models/runs.ts';
import { toJson } from '../lib/json.ts';
import { randomRunName } from '../lib/names.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { HttpError } from '../errors.ts';
import type { Db, Executor } from './connection.ts';
import { FilterCompiler, listQueryHints } from './filters.ts';
import { decodeTaskRun, normalizeTaskRunPolicy, runOrderBy, selectTaskRuns } from './runs.ts';

export async function readTaskRun(db: Executor, id: string): Promise<TaskRunT | null> {
  const row = await selectTaskRuns(db).where('task_run.id', '=', id).executeTakeFirst();
  return row ? decodeTaskRun(row, nowMicros()) : null;
}

async function findByKey(trx: Executor, flowRunId: string | null, taskKey: string, dynamicKey: string) {
  let q = trx.selectFrom('task_run').select('id').where('task_key', '=', taskKey).where('dynamic_key', '=', dynamicKey);
  q = flowRunId === null ? q.where('flow_run_id', 'is', null) : q.where('flow_run_id', '=', flowRunId);
  return q.executeTakeFirst();
}

/**
 * Idempotent on (flow_run_id, task_key, dynamic_key), also for autonomous task runs.
 * The insert comes first (one statement in the common case); a conflict finds the winner.
 */
export async function insertTaskRun(trx: Executor, input: Omit<TaskRunCreateT, 'state'>): Promise<{ id: string; row: Selectable<TaskRunTable> | null }> {
  const flowRunId = input.flow_run_id ?? null;
  const now = nowMicros();
  const row: Selectable<TaskRunTable> = {
    id: input.id ?? randomUUID(),
    created: now,
    updated: now,
    name: input.name ?? randomRunName(),
    flow_run_id: flowRunId,
    task_key: input.task_key,
    dynamic_key: input.dynamic_key,
    cache_key: input.cache_key ?? null,
    cache_expiration: input.cache_expiration ? parseDateTime(input.cache_expiration) : null,
    task_version: input.task_version ?? null,
    empirical_policy: toJson(normalizeTaskRunPolicy(input.empirical_policy as never)),
    tags: toJson(input.tags ?? []),
    task_inputs: toJson(input.task_inputs ?? {}),
    flow_run_run_count: 0,
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
  };
  const inserted = await trx.insertInto('task_run').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (inserted) return { id: row.id, row };
  const existing = await findByKey(trx, flowRunId, input.task_key, input.dynamic_key);
  if (existing) return { id: existing.id, row: null };
  throw new HttpError(409, `A task run with id ${row.id} already exists.`);
}

export function taskRunWhere(db: Db, body: RunFilters) {
  return new FilterCompiler(db.dialect).taskRunBody(body, 'task_run');
}

export async function filterTaskRuns(db: Db, body: RunFilters & { sort?: string }, limit: number, offset: number) {
  const hints = await listQueryHints(db, 'task_run', body.task_runs?.state, limit + offset);
  const rows = await selectTaskRuns(db.kysely)
    .where(new FilterCompiler(db.dialect, hints).taskRunBody(body, 'task_run'))
    .orderBy(runOrderBy(body.sort ?? 'ID_DESC', 'task_run'))
    .limit(limit)
    .offset(offset)
    .execute();
  const now = nowMicros();
  return rows.map((r) => decodeTaskRun(r, now));
}

export async function countTaskRuns(db: Db, body: RunFilters) {
  const row = await db.kysely.selectFrom('task_run').select((eb) => eb.fn.countAll<number>().as('n')).where(taskRunWhere(db, body)).executeTakeFirstOrThrow();
  return Number(row.n);
}
