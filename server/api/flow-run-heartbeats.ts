import type { AppContext } from '../context.ts';
import { recordHeartbeat } from '../db/heartbeats.ts';
import { notFound } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { IdParams, type App } from './common.ts';
import { Opt, Type } from './models/common.ts';

/**
 * Extension: `POST /api/flow_runs/{id}/heartbeat` `{worker_name?}` → 204. A flow process
 * (and the worker that started it) sends one every SYNTASK_RUNNER_HEARTBEAT_FREQUENCY
 * seconds while the run is Running; the crashed-runs service marks a run whose heartbeats
 * stopped Crashed. Independent of events and live streams: it only writes the run row.
 */
const HeartbeatBody = Type.Object({ worker_name: Opt(Type.String({ maxLength: 5000 })) });

export function flowRunHeartbeatRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/flow_runs/:id/heartbeat',
    { schema: { tags: ['Flow Runs'], operationId: 'flowRunHeartbeat', params: IdParams, body: HeartbeatBody, response: { 204: Type.Null() } } },
    async (req, reply) => {
      if (!(await recordHeartbeat(ctx.db.kysely, req.params.id, req.body?.worker_name ?? null, nowMicros()))) throw notFound('Flow run not found');
      return reply.code(204).send(null);
    },
  );
}
