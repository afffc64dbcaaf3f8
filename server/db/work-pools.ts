import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { WorkerFilterT, WorkPoolT, WorkQueueT, WorkerT } from '../api/models/work-pools.ts';
import { HttpError, RequestValidationError } from '../errors.ts';
import { schemaProblem, validateValues, describeErrors } from '../lib/json-schema.ts';
import { fromJson, fromJsonNullable, toJson } from '../lib/json.ts';
import { formatDateTime, formatNullable, nowMicros, parseDateTime } from '../lib/time.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { blockDocumentData } from './block-documents.ts';
import type { Db, Executor } from './connection.ts';
import type { StatusChange } from '../events/status-events.ts';
import { decodeFlowRun, selectFlowRuns } from './runs.ts';
import type { WorkerTable, WorkPoolTable, WorkQueueTable } from './schema.ts';

export const DEFAULT_QUEUE = 'default';
export const DEFAULT_AGENT_POOL = 'default-agent-pool';
export const AGENT_POOL_TYPE = 'syntask-agent';
/** Queues and deployments count as polled for this long (contract §6). */
export const POLL_FRESHNESS_MICROS = 60_000_000;

export const poolNotFound = (name: string) => new HttpError(404, `Work pool "${name}" not found.`);
export const queueNotFound = (pool: string, name: string) => new HttpError(404, `Work pool queue '${pool}/${name}' not found.`);
export const isReservedName = (name: string) => name.toLowerCase().startsWith('syntask');

export function decodePool(r: Selectable<WorkPoolTable>): WorkPoolT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    name: r.name,
    description: r.description,
    type: r.type,
    base_job_template: fromJson(r.base_job_template, {}),
    is_paused: Boolean(r.is_paused),
    concurrency_limit: r.concurrency_limit,
    status: r.status as WorkPoolT['status'],
    default_queue_id: r.default_queue_id,
  };
}

export function decodeQueue(r: Selectable<WorkQueueTable> & { work_pool_name: string }): WorkQueueT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    name: r.name,
    description: r.description,
    is_paused: Boolean(r.is_paused),
    concurrency_limit: r.concurrency_limit,
    priority: r.priority,
    work_pool_id: r.work_pool_id,
    work_pool_name: r.work_pool_name,
    filter: fromJsonNullable(r.filter),
    last_polled: formatNullable(r.last_polled),
    status: r.status as WorkQueueT['status'],
  };
}

/** ONLINE iff the last heartbeat is newer than 3 × its interval (default 30 s). */
export const workerOnline = (r: { last_heartbeat_time: number; heartbeat_interval_seconds: number | null }, now: number) =>
  now - r.last_heartbeat_time < 3 * (r.heartbeat_interval_seconds ?? 30) * 1e6;

export function decodeWorker(r: Selectable<WorkerTable>, now: number): WorkerT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    name: r.name,
    work_pool_id: r.work_pool_id,
    last_heartbeat_time: formatDateTime(r.last_heartbeat_time),
    heartbeat_interval_seconds: r.heartbeat_interval_seconds,
    status: workerOnline(r, now) ? 'ONLINE' : 'OFFLINE',
  };
}

// ---- base job templates ----------------------------------------------------------------

function placeholders(value: unknown, out: Set<string>) {
  if (typeof value === 'string') for (const m of value.matchAll(/\{\{\s*([A-Za-z_][\w]*)(?:\.[\w.]+)?\s*\}\}/g)) out.add(m[1]);
  else if (Array.isArray(value)) value.forEach((v) => placeholders(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => placeholders(v, out));
  return out;
}

/** `{}` or `{job_configuration, variables}` whose every placeholder is a variable with a valid default. */
export function checkBaseJobTemplate(template: Record<string, unknown>, field = 'base_job_template'): void {
  if (Object.keys(template).length === 0) return;
  const { job_configuration: config, variables } = template as { job_configuration?: unknown; variables?: unknown };
  const fail = (msg: string) => {
    throw new RequestValidationError(['body', field], msg);
  };
  if (!config || typeof config !== 'object' || Array.isArray(config)) fail('The base job template needs a `job_configuration` object.');
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) fail('The base job template needs a `variables` JSON schema.');
  const problem = schemaProblem(variables);
  if (problem) fail(`The template's variables are not a valid JSON schema: ${problem}`);
  const properties = ((variables as { properties?: Record<string, { default?: unknown }> }).properties ?? {}) as Record<string, { default?: unknown }>;
  const missing = [...placeholders(config, new Set())].filter((name) => !(name in properties));
  if (missing.length) fail(`The variables specified in the job configuration template must be present as properties in the variables schema. Your job configuration uses the following undeclared variable(s): ${missing.join(', ')}.`);
  const defaults = Object.fromEntries(Object.entries(properties).filter(([, p]) => p && typeof p === 'object' && 'default' in p).map(([k, p]) => [k, p.default]));
  const errors = validateValues(variables, defaults, { ignoreRequired: true });
  if (errors.length) fail(`The variables schema has invalid defaults: ${describeErrors(errors)}`);
}

/** Defaults of a template's variables, by name. */
export function templateDefaults(template: Record<string, unknown>): Record<string, unknown> {
  const properties = ((template.variables as { properties?: Record<string, { default?: unknown }> } | undefined)?.properties ?? {}) as Record<string, { default?: unknown }>;
  return Object.fromEntries(Object.entries(properties).filter(([, p]) => p && typeof p === 'object' && 'default' in p).map(([k, p]) => [k, p.default]));
}

/**
 * Template defaults with `{"$ref": {"block_document_id": …}}` values replaced by that
 * document's data (contract §3.5); a missing document is 404 "Block not found.".
 */
export async function resolvedTemplateDefaults(db: Executor, box: SecretBox, template: Record<string, unknown>): Promise<Record<string, unknown>> {
  const defaults = templateDefaults(template);
  for (const [key, value] of Object.entries(defaults)) {
    const ref = (value as { $ref?: { block_document_id?: unknown } } | null)?.$ref;
    if (!ref || typeof ref.block_document_id !== 'string') continue;
    const data = await blockDocumentData(db, box, ref.block_document_id);
    if (data === null) throw new HttpError(404, 'Block not found.');
    defaults[key] = data;
  }
  return defaults;
}

/** Job variables checked against the pool's template variables (required keys are not enforced). */
export function jobVariableErrors(template: Record<string, unknown>, values: Record<string, unknown>, enforceRequired = false): string | null {
  const variables = template.variables;
  if (!variables || typeof variables !== 'object') return null;
  const errors = validateValues(variables, values, { ignoreRequired: !enforceRequired });
  return errors.length ? describeErrors(errors) : null;
}

/** The base job template of the pool a queue belongs to (`{}` without one). */
export async function templateOfQueue(db: Executor, queueId: string | null): Promise<Record<string, unknown>> {
  if (!queueId) return {};
  const row = await db.selectFrom('work_queue').innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id').select('work_pool.base_job_template').where('work_queue.id', '=', queueId).executeTakeFirst();
  return row ? fromJson(row.base_job_template, {}) : {};
}

// ---- pools ------------------------------------------------------------------------------

export async function readPool(db: Executor, name: string) {
  return db.selectFrom('work_pool').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function poolOr404(db: Executor, name: string) {
  return (await readPool(db, name)) ?? Promise.reject(poolNotFound(name));
}

/** Creates a pool with its default queue. */
export async function insertPool(trx: Executor, input: { name: string; description?: string | null; type?: string | null; base_job_template?: Record<string, unknown> | null; is_paused?: boolean | null; concurrency_limit?: number | null }) {
  const now = nowMicros();
  const id = randomUUID();
  const queueId = randomUUID();
  const type = input.type ?? AGENT_POOL_TYPE;
  const paused = input.is_paused ?? false;
  await trx
    .insertInto('work_pool')
    .values({
      id,
      created: now,
      updated: now,
      name: input.name,
      description: input.description ?? null,
      type,
      base_job_template: toJson(input.base_job_template ?? {}),
      is_paused: paused ? 1 : 0,
      concurrency_limit: input.concurrency_limit ?? null,
      status: type === AGENT_POOL_TYPE ? null : paused ? 'PAUSED' : 'NOT_READY',
      default_queue_id: queueId,
    })
    .execute();
  await trx
    .insertInto('work_queue')
    .values({ id: queueId, created: now, updated: now, name: DEFAULT_QUEUE, description: "The work pool's default queue.", is_paused: 0, concurrency_limit: null, priority: 1, work_pool_id: id, filter: null, last_polled: null, status: 'NOT_READY' })
    .execute();
  return trx.selectFrom('work_pool').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function anyWorkerOnline(db: Executor, poolId: string, now: number) {
  const workers = await db.selectFrom('worker').select(['last_heartbeat_time', 'heartbeat_interval_seconds']).where('work_pool_id', '=', poolId).execute();
  return workers.some((w) => workerOnline(w, now));
}

// ---- queues -----------------------------------------------------------------------------

export function selectQueues(db: Executor) {
  return db.selectFrom('work_queue').innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id').selectAll('work_queue').select('work_pool.name as work_pool_name');
}

export async function queueOr404(db: Executor, pool: string, name: string) {
  const row = await selectQueues(db).where('work_pool.name', '=', pool).where('work_queue.name', '=', name).executeTakeFirst();
  return row ?? Promise.reject(queueNotFound(pool, name));
}

/** Priorities stay unique: taking a priority pushes the queues at or above it up by one. */
export async function makeRoomForPriority(trx: Executor, poolId: string, priority: number, exceptQueueId?: string) {
  const taken = await trx.selectFrom('work_queue').select('id').where('work_pool_id', '=', poolId).where('priority', '=', priority).where('id', '!=', exceptQueueId ?? '').executeTakeFirst();
  if (!taken) return;
  await trx
    .updateTable('work_queue')
    .set({ priority: sql`priority + 1`, updated: nowMicros() })
    .where('work_pool_id', '=', poolId)
    .where('priority', '>=', priority)
    .where('id', '!=', exceptQueueId ?? '')
    .execute();
}

export async function lowestFreePriority(trx: Executor, poolId: string) {
  const used = new Set((await trx.selectFrom('work_queue').select('priority').where('work_pool_id', '=', poolId).execute()).map((r) => r.priority));
  let p = 1;
  while (used.has(p)) p += 1;
  return p;
}

export async function insertQueue(
  trx: Executor,
  poolId: string,
  input: { name: string; description?: string | null; is_paused?: boolean | null; concurrency_limit?: number | null; priority?: number | null; filter?: Record<string, unknown> | null },
) {
  const now = nowMicros();
  let priority = input.priority ?? null;
  if (priority === null) priority = await lowestFreePriority(trx, poolId);
  else await makeRoomForPriority(trx, poolId, priority);
  const id = randomUUID();
  await trx
    .insertInto('work_queue')
    .values({
      id,
      created: now,
      updated: now,
      name: input.name,
      description: input.description ?? '',
      is_paused: input.is_paused ? 1 : 0,
      concurrency_limit: input.concurrency_limit ?? null,
      priority,
      work_pool_id: poolId,
      filter: input.filter ? toJson(input.filter) : null,
      last_polled: null,
      status: input.is_paused ? 'PAUSED' : 'NOT_READY',
    })
    .execute();
  return id;
}

/**
 * The queue a deployment or run uses (contract §3.5): pool + queue → that queue (created
 * if missing); pool → its default queue; queue → that queue in `default-agent-pool`
 * (both created if missing).
 */
export async function resolveQueue(trx: Executor, poolName: string | null | undefined, queueName: string | null | undefined) {
  if (!poolName && !queueName) return null;
  const pool = poolName ? await poolOr404(trx, poolName) : (await ensureAgentPool(trx)).pool;
  if (!queueName) {
    const queue = await trx.selectFrom('work_queue').select(['id', 'name']).where('id', '=', pool.default_queue_id ?? '').executeTakeFirstOrThrow();
    return { work_queue_id: queue.id, work_queue_name: queue.name, pool };
  }
  const existing = await trx.selectFrom('work_queue').select(['id', 'name']).where('work_pool_id', '=', pool.id).where('name', '=', queueName).executeTakeFirst();
  if (existing) return { work_queue_id: existing.id, work_queue_name: existing.name, pool };
  const id = await insertQueue(trx, pool.id, { name: queueName });
  return { work_queue_id: id, work_queue_name: queueName, pool };
}

/** `default-agent-pool`, where queues named without a pool live; made on first use. */
export async function ensureAgentPool(trx: Executor) {
  const existing = await readPool(trx, DEFAULT_AGENT_POOL);
  if (existing) return { pool: existing, created: false };
  return { pool: await insertPool(trx, { name: DEFAULT_AGENT_POOL, type: AGENT_POOL_TYPE }), created: true };
}

/** Queues and deployments of a poll become READY (contract §6, readiness); answers which changed (for their events). */
export async function recordQueuePoll(trx: Executor, queueIds: string[], now: number): Promise<StatusChange[]> {
  if (queueIds.length === 0) return [];
  await trx.updateTable('work_queue').set({ last_polled: now }).where('id', 'in', queueIds).execute();
  const queues = await trx.updateTable('work_queue').set({ status: 'READY' }).where('id', 'in', queueIds).where('status', '=', 'NOT_READY').returning('id').execute();
  const deployments = await trx.updateTable('deployment').set({ status: 'READY' }).where('work_queue_id', 'in', queueIds).where('status', '=', 'NOT_READY').returning('id').execute();
  await trx.updateTable('deployment').set({ last_polled: now, status: 'READY' }).where('work_queue_id', 'in', queueIds).execute();
  return [...queues.map((q) => ({ kind: 'work-queue' as const, id: q.id, status: 'READY' as const })), ...deployments.map((d) => ({ kind: 'deployment' as const, id: d.id, status: 'READY' as const }))];
}

// ---- workers ----------------------------------------------------------------------------

export async function heartbeat(trx: Executor, poolId: string, name: string, interval: number | null) {
  const now = nowMicros();
  await trx
    .insertInto('worker')
    .values({ id: randomUUID(), created: now, updated: now, name, work_pool_id: poolId, last_heartbeat_time: now, heartbeat_interval_seconds: interval, status: 'ONLINE' })
    .onConflict((oc) => oc.columns(['work_pool_id', 'name']).doUpdateSet({ last_heartbeat_time: now, heartbeat_interval_seconds: interval, status: 'ONLINE', updated: now }))
    .execute();
  const ready = await trx.updateTable('work_pool').set({ status: 'READY', updated: now }).where('id', '=', poolId).where('status', '=', 'NOT_READY').returning('id').execute();
  return ready.map((p): StatusChange => ({ kind: 'work-pool', id: p.id, status: 'READY' }));
}

export async function filterWorkers(db: Db, poolId: string, filter: WorkerFilterT | null | undefined, limit: number, offset: number) {
  const conds = [];
  const c = filter ?? {};
  if (c.last_heartbeat_time?.before_) conds.push(sql<boolean>`last_heartbeat_time <= ${parseDateTime(c.last_heartbeat_time.before_)!}`);
  if (c.last_heartbeat_time?.after_) conds.push(sql<boolean>`last_heartbeat_time >= ${parseDateTime(c.last_heartbeat_time.after_)!}`);
  if (c.status?.any_) conds.push(c.status.any_.length ? sql<boolean>`status in (${sql.join(c.status.any_)})` : sql<boolean>`1=0`);
  if (c.status?.not_any_?.length) conds.push(sql<boolean>`status not in (${sql.join(c.status.not_any_)})`);
  const where = conds.length ? sql<boolean>`(${sql.join(conds, c.operator === 'or_' ? sql` or ` : sql` and `)})` : sql<boolean>`1=1`;
  const rows = await db.kysely.selectFrom('worker').selectAll().where('work_pool_id', '=', poolId).where(where).orderBy('last_heartbeat_time', 'desc').limit(limit).offset(offset).execute();
  const now = nowMicros();
  return rows.map((r) => decodeWorker(r, now));
}

// ---- polling ----------------------------------------------------------------------------

const ACTIVE = ['PENDING', 'RUNNING'];

/** `retry_type` of the run's policy is not "in_process" (in-process retries stay with their process). */
function notRetryingInProcess(db: Db) {
  return db.dialect === 'postgres'
    ? sql<boolean>`coalesce(flow_run.empirical_policy->>'retry_type', '') <> 'in_process'`
    : sql<boolean>`coalesce(json_extract(flow_run.empirical_policy, '$.retry_type'), '') <> 'in_process'`;
}

export interface PollOptions {
  queueNames: string[] | null;
  before: number | null;
  after: number | null;
  limit: number;
  leaseMicros: number;
  /** A look without a poll (legacy `x-syntask-ui: true`): no readiness bookkeeping, no leases. */
  peek?: boolean;
}

/**
 * Contract §7.3: scheduled runs of the pool's (or the named) unpaused queues, by queue
 * priority then scheduled time, within queue and pool concurrency. Handed-out runs are
 * leased so a concurrent poll does not get them again.
 */
export async function pollPool(db: Db, poolName: string, options: PollOptions) {
  return db.transaction(async (trx) => {
    const pool = await poolOr404(trx, poolName);
    let queues = await trx.selectFrom('work_queue').selectAll().where('work_pool_id', '=', pool.id).orderBy('priority').execute();
    if (options.queueNames?.length) {
      for (const name of options.queueNames) if (!queues.some((q) => q.name === name)) throw queueNotFound(poolName, name);
      queues = queues.filter((q) => options.queueNames!.includes(q.name));
    }
    const now = nowMicros();
    const statusChanges = options.peek ? [] : await recordQueuePoll(trx, queues.map((q) => q.id), now);
    if (pool.is_paused) return { pool, runs: [], statusChanges };
    queues = queues.filter((q) => !q.is_paused);
    const allPoolQueues = (await trx.selectFrom('work_queue').select('id').where('work_pool_id', '=', pool.id).execute()).map((q) => q.id);
    const activeIn = async (queueIds: string[]) =>
      queueIds.length === 0
        ? 0
        : Number((await trx.selectFrom('flow_run').select((eb) => eb.fn.countAll<number>().as('n')).where('work_queue_id', 'in', queueIds).where('state_type', 'in', ACTIVE).executeTakeFirstOrThrow()).n);
    let poolFree = pool.concurrency_limit === null ? Infinity : Math.max(0, pool.concurrency_limit - (await activeIn(allPoolQueues)));
    let remaining = options.limit;
    const out: { work_pool_id: string; work_queue_id: string; runId: string }[] = [];
    for (const queue of queues) {
      if (remaining <= 0 || poolFree <= 0) break;
      const queueFree = queue.concurrency_limit === null ? Infinity : Math.max(0, queue.concurrency_limit - (await activeIn([queue.id])));
      const take = Math.min(remaining, queueFree, poolFree);
      if (take <= 0) continue;
      let q = trx
        .selectFrom('flow_run')
        .select('flow_run.id')
        .where('flow_run.work_queue_id', '=', queue.id)
        .where('flow_run.state_type', '=', 'SCHEDULED')
        .where((eb) => eb.or([eb('flow_run.poll_lease', 'is', null), eb('flow_run.poll_lease', '<', now)]))
        .where(notRetryingInProcess(db))
        .orderBy('flow_run.next_scheduled_start_time')
        .limit(take);
      if (options.before !== null) q = q.where('flow_run.next_scheduled_start_time', '<=', options.before);
      if (options.after !== null) q = q.where('flow_run.next_scheduled_start_time', '>=', options.after);
      const ids = (await q.execute()).map((r) => r.id);
      if (ids.length && !options.peek) await trx.updateTable('flow_run').set({ poll_lease: now + options.leaseMicros }).where('id', 'in', ids).execute();
      for (const id of ids) out.push({ work_pool_id: pool.id, work_queue_id: queue.id, runId: id });
      remaining -= ids.length;
      poolFree -= ids.length;
    }
    const rows = out.length ? await selectFlowRuns(trx).where('flow_run.id', 'in', out.map((o) => o.runId)).execute() : [];
    const byId = new Map(rows.map((r) => [r.id, decodeFlowRun(r, now)]));
    return { pool, runs: out.map((o) => ({ work_pool_id: o.work_pool_id, work_queue_id: o.work_queue_id, flow_run: byId.get(o.runId)! })), statusChanges };
  });
}
