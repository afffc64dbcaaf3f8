import type { Status, StatusChange } from '../events/status-events.ts';
import type { AppContext } from '../context.ts';
import { FilterCompiler, all } from '../db/filters.ts';
import {
  anyWorkerOnline,
  checkBaseJobTemplate,
  decodePool,
  decodeQueue,
  filterWorkers,
  heartbeat,
  insertPool,
  insertQueue,
  isReservedName,
  pollPool,
  poolNotFound,
  poolOr404,
  queueOr404,
  selectQueues,
} from '../db/work-pools.ts';
import { deleteQueue, updateQueue } from '../db/work-queues.ts';
import { HttpError, notFound } from '../errors.ts';
import { toJson } from '../lib/json.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { pagination, type App } from './common.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { WorkPoolFilter, WorkQueueFilter } from './models/filters.ts';
import { FlowRunWithoutPool } from './models/runs.ts';
import { PoolPollBody, Worker, WorkerFilter, WorkerHeartbeat, WorkPool, WorkPoolCreate, WorkPoolUpdate, WorkQueue, WorkQueueCreate, WorkQueueUpdate } from './models/work-pools.ts';

const PoolParams = Type.Object({ name: Type.String() });
const QueueParams = Type.Object({ pool: Type.String(), name: Type.String() });
const PoolOnly = Type.Object({ pool: Type.String() });
const PollResult = Type.Array(Type.Object({ work_pool_id: Type.String({ format: 'uuid' }), work_queue_id: Type.String({ format: 'uuid' }), flow_run: ref(FlowRunWithoutPool) }));

export function workPoolRoutes(app: App, ctx: AppContext) {
  const tags = ['Work Pools'];
  const k = ctx.db.kysely;

  app.post('/api/work_pools/', { schema: { tags, operationId: 'createWorkPool', body: ref(WorkPoolCreate), response: { 201: ref(WorkPool) } } }, async (req, reply) => {
    const body = req.body;
    if (body.name.trim() === '') throw new HttpError(400, 'Work pool name cannot be empty.');
    if (isReservedName(body.name)) throw new HttpError(403, 'Work pools starting with "syntask" are reserved for Syntask use.');
    checkBaseJobTemplate(body.base_job_template ?? {});
    const pool = await ctx.db.transaction(async (trx) => {
      if (await trx.selectFrom('work_pool').select('id').where('name', '=', body.name).executeTakeFirst()) throw new HttpError(409, 'A work pool with this name already exists.');
      return insertPool(trx, body);
    });
    if (pool.status) ctx.eventLog.recordStatusChanges([{ kind: 'work-pool', id: pool.id, status: pool.status as Status }]);
    return reply.code(201).send(decodePool(pool));
  });

  app.get('/api/work_pools/:name', { schema: { tags, operationId: 'readWorkPool', params: PoolParams, response: { 200: ref(WorkPool) } } }, async (req) => decodePool(await poolOr404(k, req.params.name)));

  app.patch('/api/work_pools/:name', { schema: { tags, operationId: 'updateWorkPool', params: PoolParams, body: ref(WorkPoolUpdate) } }, async (req, reply) => {
    const body = req.body;
    const changes = await ctx.db.transaction(async (trx): Promise<StatusChange[]> => {
      const pool = await poolOr404(trx, req.params.name);
      if (isReservedName(pool.name) && (body.description !== undefined || body.base_job_template !== undefined)) {
        throw new HttpError(403, 'Only the pause state and concurrency limit of a reserved work pool can be changed.');
      }
      if (body.base_job_template) checkBaseJobTemplate(body.base_job_template);
      const now = nowMicros();
      const set: Record<string, unknown> = { updated: now };
      if (body.description !== undefined) set.description = body.description;
      if (body.base_job_template !== undefined && body.base_job_template !== null) set.base_job_template = toJson(body.base_job_template);
      if (body.concurrency_limit !== undefined) set.concurrency_limit = body.concurrency_limit;
      if (body.is_paused !== undefined && body.is_paused !== null) {
        set.is_paused = body.is_paused ? 1 : 0;
        if (pool.status !== null) set.status = body.is_paused ? 'PAUSED' : (await anyWorkerOnline(trx, pool.id, now)) ? 'READY' : 'NOT_READY';
      }
      await trx.updateTable('work_pool').set(set).where('id', '=', pool.id).execute();
      return set.status !== undefined && set.status !== pool.status ? [{ kind: 'work-pool', id: pool.id, status: set.status as Status }] : [];
    });
    ctx.eventLog.recordStatusChanges(changes);
    return reply.code(204).send();
  });

  app.delete('/api/work_pools/:name', { schema: { tags, operationId: 'deleteWorkPool', params: PoolParams } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => {
      const pool = await poolOr404(trx, req.params.name);
      if (isReservedName(pool.name)) throw new HttpError(403, 'Work pools starting with "syntask" are reserved for Syntask use.');
      const queueIds = trx.selectFrom('work_queue').select('id').where('work_pool_id', '=', pool.id);
      await trx.updateTable('flow_run').set({ work_queue_id: null }).where('work_queue_id', 'in', queueIds).execute();
      await trx.updateTable('deployment').set({ work_queue_id: null }).where('work_queue_id', 'in', queueIds).execute();
      await trx.deleteFrom('work_pool').where('id', '=', pool.id).execute();
    });
    return reply.code(204).send();
  });

  const poolWhere = (filter: Parameters<FilterCompiler['workPool']>[0]) => all([new FilterCompiler(ctx.db.dialect).workPool(filter, 'work_pool')]);

  app.post(
    '/api/work_pools/filter',
    { schema: { tags, operationId: 'filterWorkPools', body: Type.Object({ work_pools: Opt(ref(WorkPoolFilter)), ...Pagination }), response: { 200: Type.Array(ref(WorkPool)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      return (await k.selectFrom('work_pool').selectAll().where(poolWhere(req.body.work_pools)).orderBy('name').limit(limit).offset(offset).execute()).map(decodePool);
    },
  );

  app.post('/api/work_pools/count', { schema: { tags, operationId: 'countWorkPools', body: Type.Object({ work_pools: Opt(ref(WorkPoolFilter)) }), response: { 200: Type.Integer() } } }, async (req) => {
    const row = await k.selectFrom('work_pool').select((eb) => eb.fn.countAll<number>().as('n')).where(poolWhere(req.body.work_pools)).executeTakeFirstOrThrow();
    return Number(row.n);
  });

  app.post(
    '/api/work_pools/:name/get_scheduled_flow_runs',
    { schema: { tags, operationId: 'getScheduledFlowRunsForPool', params: PoolParams, body: PoolPollBody, response: { 200: PollResult } } },
    async (req) => {
      const body = req.body;
      const { limit } = pagination(ctx, { limit: body.limit ?? ctx.settings.defaultLimit });
      const { runs, statusChanges } = await pollPool(ctx.db, req.params.name, {
        queueNames: body.work_queue_names ?? null,
        before: body.scheduled_before ? parseDateTime(body.scheduled_before) : null,
        after: body.scheduled_after ? parseDateTime(body.scheduled_after) : null,
        limit,
        leaseMicros: ctx.settings.pollLeaseSeconds * 1e6,
      });
      ctx.eventLog.recordStatusChanges(statusChanges);
      return runs;
    },
  );

  // ---- queues ----

  app.post('/api/work_pools/:pool/queues', { schema: { tags, operationId: 'createWorkQueue', params: PoolOnly, body: ref(WorkQueueCreate), response: { 201: ref(WorkQueue) } } }, async (req, reply) => {
    const queue = await ctx.db.transaction(async (trx) => {
      const pool = await poolOr404(trx, req.params.pool);
      if (await trx.selectFrom('work_queue').select('id').where('work_pool_id', '=', pool.id).where('name', '=', req.body.name).executeTakeFirst()) {
        throw new HttpError(409, `A work queue named "${req.body.name}" already exists in this work pool.`);
      }
      const id = await insertQueue(trx, pool.id, req.body);
      return selectQueues(trx).where('work_queue.id', '=', id).executeTakeFirstOrThrow();
    });
    return reply.code(201).send(decodeQueue(queue));
  });

  app.get('/api/work_pools/:pool/queues/:name', { schema: { tags, operationId: 'readWorkQueue', params: QueueParams, response: { 200: ref(WorkQueue) } } }, async (req) =>
    decodeQueue(await queueOr404(k, req.params.pool, req.params.name)),
  );

  app.patch('/api/work_pools/:pool/queues/:name', { schema: { tags, operationId: 'updateWorkQueue', params: QueueParams, body: ref(WorkQueueUpdate) } }, async (req, reply) => {
    const body = req.body;
    ctx.eventLog.recordStatusChanges(await ctx.db.transaction(async (trx) => updateQueue(trx, await queueOr404(trx, req.params.pool, req.params.name), body)));
    return reply.code(204).send();
  });

  app.delete('/api/work_pools/:pool/queues/:name', { schema: { tags, operationId: 'deleteWorkQueue', params: QueueParams } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => deleteQueue(trx, await queueOr404(trx, req.params.pool, req.params.name)));
    return reply.code(204).send();
  });

  app.post(
    '/api/work_pools/:pool/queues/filter',
    { schema: { tags, operationId: 'filterWorkQueues', params: PoolOnly, body: Type.Object({ work_queues: Opt(ref(WorkQueueFilter)), ...Pagination }), response: { 200: Type.Array(ref(WorkQueue)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      const pool = await poolOr404(k, req.params.pool);
      const where = all([new FilterCompiler(ctx.db.dialect).workQueue(req.body.work_queues, 'work_queue')]);
      return (await selectQueues(k).where('work_queue.work_pool_id', '=', pool.id).where(where).orderBy('work_queue.priority').limit(limit).offset(offset).execute()).map(decodeQueue);
    },
  );

  // ---- workers ----

  app.post('/api/work_pools/:pool/workers/heartbeat', { schema: { tags, operationId: 'workerHeartbeat', params: PoolOnly, body: ref(WorkerHeartbeat) } }, async (req, reply) => {
    const changes = await ctx.db.transaction(async (trx) => {
      const pool = await trx.selectFrom('work_pool').select('id').where('name', '=', req.params.pool).executeTakeFirst();
      if (!pool) throw poolNotFound(req.params.pool);
      return heartbeat(trx, pool.id, req.body.name, req.body.heartbeat_interval_seconds ?? null);
    });
    ctx.eventLog.recordStatusChanges(changes);
    return reply.code(204).send();
  });

  app.post(
    '/api/work_pools/:pool/workers/filter',
    { schema: { tags, operationId: 'filterWorkers', params: PoolOnly, body: Type.Object({ workers: Opt(ref(WorkerFilter)), ...Pagination }), response: { 200: Type.Array(ref(Worker)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      const pool = await poolOr404(k, req.params.pool);
      return filterWorkers(ctx.db, pool.id, req.body.workers, limit, offset);
    },
  );

  app.delete('/api/work_pools/:pool/workers/:name', { schema: { tags, operationId: 'deleteWorker', params: QueueParams } }, async (req, reply) => {
    const pool = await poolOr404(k, req.params.pool);
    const res = await k.deleteFrom('worker').where('work_pool_id', '=', pool.id).where('name', '=', req.params.name).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound('Worker not found.');
    return reply.code(204).send();
  });
}
