import type { AppContext } from '../context.ts';
import { all, FilterCompiler } from '../db/filters.ts';
import { decodeQueue, DEFAULT_AGENT_POOL, DEFAULT_QUEUE, ensureAgentPool, insertQueue, pollPool, selectQueues } from '../db/work-pools.ts';
import { deleteQueue, legacyQueueNotFound, legacyQueueOr404, queueHealth, queueIdNotFound, readQueueById, updateQueue } from '../db/work-queues.ts';
import { HttpError } from '../errors.ts';
import { parseDateTime } from '../lib/time.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Opt, Pagination, ref, Type } from './models/common.ts';
import { WorkQueueFilter } from './models/filters.ts';
import { FlowRun } from './models/runs.ts';
import { WorkQueue } from './models/work-pools.ts';
import { LegacyGetRunsBody, LegacyWorkQueueCreate, LegacyWorkQueueUpdate, WorkQueueStatusDetail } from './models/work-queues.ts';

/**
 * Legacy agent work queues (contract §3.7): the pool queues of §3.6 addressed by id. New
 * queues go to `default-agent-pool`; reads, updates and polls reach a queue of any pool.
 */
export function workQueueRoutes(app: App, ctx: AppContext) {
  const tags = ['Work Queues'];
  const k = ctx.db.kysely;

  app.post('/api/work_queues/', { schema: { tags, operationId: 'createLegacyWorkQueue', body: ref(LegacyWorkQueueCreate), response: { 201: ref(WorkQueue) } } }, async (req, reply) => {
    const queue = await ctx.db.transaction(async (trx) => {
      const { pool, created } = await ensureAgentPool(trx);
      // As in Syntask 2: asking for "default" in a pool made just now answers its default queue.
      if (created && req.body.name === DEFAULT_QUEUE) return readQueueById(trx, pool.default_queue_id!);
      if (await trx.selectFrom('work_queue').select('id').where('work_pool_id', '=', pool.id).where('name', '=', req.body.name).executeTakeFirst()) {
        throw new HttpError(409, 'A work queue with this name already exists.');
      }
      return readQueueById(trx, await insertQueue(trx, pool.id, req.body));
    });
    return reply.code(201).send(decodeQueue(queue!));
  });

  app.get('/api/work_queues/:id', { schema: { tags, operationId: 'readLegacyWorkQueue', params: IdParams, response: { 200: ref(WorkQueue) } } }, async (req) => decodeQueue(await legacyQueueOr404(k, req.params.id)));

  app.get(
    '/api/work_queues/name/:name',
    { schema: { tags, operationId: 'readLegacyWorkQueueByName', params: Type.Object({ name: Type.String() }), response: { 200: ref(WorkQueue) } } },
    async (req) => {
      const row = await selectQueues(k).where('work_pool.name', '=', DEFAULT_AGENT_POOL).where('work_queue.name', '=', req.params.name).executeTakeFirst();
      if (!row) throw legacyQueueNotFound();
      return decodeQueue(row);
    },
  );

  app.patch('/api/work_queues/:id', { schema: { tags, operationId: 'updateLegacyWorkQueue', params: IdParams, body: ref(LegacyWorkQueueUpdate) } }, async (req, reply) => {
    ctx.eventLog.recordStatusChanges(await ctx.db.transaction(async (trx) => updateQueue(trx, await legacyQueueOr404(trx, req.params.id), req.body)));
    return reply.code(204).send();
  });

  app.delete('/api/work_queues/:id', { schema: { tags, operationId: 'deleteLegacyWorkQueue', params: IdParams } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => deleteQueue(trx, await legacyQueueOr404(trx, req.params.id)));
    return reply.code(204).send();
  });

  app.post(
    '/api/work_queues/filter',
    { schema: { tags, operationId: 'filterLegacyWorkQueues', body: Type.Object({ work_queues: Opt(ref(WorkQueueFilter)), ...Pagination }), response: { 200: Type.Array(ref(WorkQueue)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      const where = all([new FilterCompiler(ctx.db.dialect).workQueue(req.body.work_queues, 'work_queue')]);
      const rows = await selectQueues(k).where(where).orderBy('work_queue.name').orderBy('work_pool.name').limit(limit).offset(offset).execute();
      return rows.map(decodeQueue);
    },
  );

  app.post(
    '/api/work_queues/:id/get_runs',
    { schema: { tags, operationId: 'getLegacyWorkQueueRuns', params: IdParams, body: LegacyGetRunsBody, response: { 200: Type.Array(ref(FlowRun)) } } },
    async (req) => {
      const { limit } = pagination(ctx, { limit: req.body.limit ?? ctx.settings.defaultLimit });
      const queue = await readQueueById(k, req.params.id);
      if (!queue) throw queueIdNotFound(req.params.id);
      // `agent_id` is accepted for Syntask 2 agents; this server keeps no agent records.
      const { runs, statusChanges } = await pollPool(ctx.db, queue.work_pool_name, {
        queueNames: [queue.name],
        before: req.body.scheduled_before ? parseDateTime(req.body.scheduled_before) : null,
        after: null,
        limit,
        leaseMicros: ctx.settings.pollLeaseSeconds * 1e6,
        peek: String(req.headers['x-syntask-ui']).toLowerCase() === 'true',
      });
      ctx.eventLog.recordStatusChanges(statusChanges);
      return runs.map((r) => r.flow_run);
    },
  );

  app.get('/api/work_queues/:id/status', { schema: { tags, operationId: 'readLegacyWorkQueueStatus', params: IdParams, response: { 200: ref(WorkQueueStatusDetail) } } }, async (req) =>
    queueHealth(k, req.params.id),
  );
}
