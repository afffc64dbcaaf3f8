import type { AppContext } from '../context.ts';
import { deleteFlowRunInput, filterFlowRunInputs, insertFlowRunInput, readFlowRunInput } from '../db/flow-run-input.ts';
import { HttpError, notFound } from '../errors.ts';
import { pagination, type App } from './common.ts';
import { DateTime, model, Nullable, ref, SlugName, Type, Uuid } from './models/common.ts';

/** Flow run input (contract §3.2): what a paused flow asks for (`<keyset>-schema`) and is given (`-response`). */

export const FlowRunInput = model(
  'FlowRunInput',
  Type.Object({ id: Uuid, created: DateTime, updated: DateTime, flow_run_id: Uuid, key: Type.String(), value: Type.String(), sender: Nullable(Type.String()) }),
);

const RunParams = Type.Object({ id: Uuid });
const KeyParams = Type.Object({ id: Uuid, key: Type.String({ maxLength: 5000 }) });
const CreateBody = Type.Object({ key: SlugName, value: Type.String(), sender: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))) });
const FilterBody = Type.Object({
  prefix: Type.String({ maxLength: 5000 }),
  limit: Type.Optional(Type.Integer()),
  exclude_keys: Type.Optional(Type.Array(Type.String({ maxLength: 5000 }), { maxItems: 1000 })),
});
const NOT_FOUND = 'Flow run input not found';

export function flowRunInputRoutes(app: App, ctx: AppContext) {
  const tags = ['Flow Runs'];
  const k = ctx.db.kysely;

  app.post('/api/flow_runs/:id/input', { schema: { tags, operationId: 'createFlowRunInput', params: RunParams, body: CreateBody, response: { 201: Type.Null() } } }, async (req, reply) => {
    const created = await ctx.db.transaction(async (trx) => {
      if (!(await trx.selectFrom('flow_run').select('id').where('id', '=', req.params.id).executeTakeFirst())) throw notFound('Flow run not found');
      return insertFlowRunInput(trx, { flow_run_id: req.params.id, ...req.body });
    });
    if (!created) throw new HttpError(409, 'A flow run input with this key already exists.');
    return reply.code(201).send(null);
  });

  app.post(
    '/api/flow_runs/:id/input/filter',
    { schema: { tags, operationId: 'filterFlowRunInput', params: RunParams, body: FilterBody, response: { 200: Type.Array(ref(FlowRunInput)) } } },
    async (req) => {
      const { limit } = pagination(ctx, { limit: req.body.limit ?? 1 });
      return filterFlowRunInputs(k, req.params.id, { prefix: req.body.prefix, limit, exclude_keys: req.body.exclude_keys ?? [] });
    },
  );

  // The value as stored, as text: clients parse the JSON they wrote.
  app.get(
    '/api/flow_runs/:id/input/:key',
    { schema: { tags, operationId: 'readFlowRunInput', params: KeyParams, response: { 200: { content: { 'text/plain': { schema: Type.String() } } } } } },
    async (req, reply) => {
      const row = await readFlowRunInput(k, req.params.id, req.params.key);
      if (!row) throw notFound(NOT_FOUND);
      return reply.type('text/plain; charset=utf-8').send(row.value);
    },
  );

  app.delete('/api/flow_runs/:id/input/:key', { schema: { tags, operationId: 'deleteFlowRunInput', params: KeyParams } }, async (req, reply) => {
    if (!(await deleteFlowRunInput(k, req.params.id, req.params.key))) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });
}
