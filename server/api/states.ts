import type { AppContext } from '../context.ts';
import { decodeStateRow } from '../db/runs.ts';
import { notFound } from '../errors.ts';
import { IdParams, type App } from './common.ts';
import { ref, Type } from './models/common.ts';
import { State } from './models/states.ts';

export function stateRoutes(app: App, ctx: AppContext) {
  const k = ctx.db.kysely;
  app.get(
    '/api/flow_run_states/',
    { schema: { tags: ['Flow Run States'], operationId: 'readFlowRunStates', querystring: Type.Object({ flow_run_id: Type.String({ format: 'uuid' }) }), response: { 200: Type.Array(ref(State)) } } },
    async (req) => (await k.selectFrom('flow_run_state').selectAll().where('flow_run_id', '=', req.query.flow_run_id).orderBy('timestamp').execute()).map(decodeStateRow),
  );
  app.get('/api/flow_run_states/:id', { schema: { tags: ['Flow Run States'], operationId: 'readFlowRunState', params: IdParams, response: { 200: ref(State) } } }, async (req) => {
    const row = await k.selectFrom('flow_run_state').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound('Flow run state not found');
    return decodeStateRow(row);
  });
  app.get(
    '/api/task_run_states/',
    { schema: { tags: ['Task Run States'], operationId: 'readTaskRunStates', querystring: Type.Object({ task_run_id: Type.String({ format: 'uuid' }) }), response: { 200: Type.Array(ref(State)) } } },
    async (req) => (await k.selectFrom('task_run_state').selectAll().where('task_run_id', '=', req.query.task_run_id).orderBy('timestamp').execute()).map(decodeStateRow),
  );
  app.get('/api/task_run_states/:id', { schema: { tags: ['Task Run States'], operationId: 'readTaskRunState', params: IdParams, response: { 200: ref(State) } } }, async (req) => {
    const row = await k.selectFrom('task_run_state').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound('Task run state not found');
    return decodeStateRow(row);
  });
}
