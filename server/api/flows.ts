import type { AppContext } from '../context.ts';
import { countFlows, createFlow, filterFlows, readFlow } from '../db/flows.ts';
import { notFound } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { toJson } from '../lib/json.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Pagination, ref, Type } from './models/common.ts';
import { FlowSort, RunFilterKeys } from './models/filters.ts';
import { Flow, FlowCreate, FlowUpdate } from './models/flows.ts';

const FilterBody = Type.Object({ ...RunFilterKeys, sort: Type.Optional(ref(FlowSort)), ...Pagination });
const CountBody = Type.Object(RunFilterKeys);

export function flowRoutes(app: App, ctx: AppContext) {
  const tags = ['Flows'];
  app.post('/api/flows/', { schema: { tags, operationId: 'createFlow', body: ref(FlowCreate), response: { 200: ref(Flow), 201: ref(Flow) } } }, async (req, reply) => {
    const { flow, created } = await createFlow(ctx.db.kysely, req.body);
    return reply.code(created ? 201 : 200).send(flow);
  });

  app.get('/api/flows/:id', { schema: { tags, operationId: 'readFlow', params: IdParams, response: { 200: ref(Flow) } } }, async (req) => {
    return (await readFlow(ctx.db.kysely, { id: req.params.id })) ?? Promise.reject(notFound('Flow not found'));
  });

  app.get('/api/flows/name/:name', { schema: { tags, operationId: 'readFlowByName', params: Type.Object({ name: Type.String() }), response: { 200: ref(Flow) } } }, async (req) => {
    return (await readFlow(ctx.db.kysely, { name: req.params.name })) ?? Promise.reject(notFound('Flow not found'));
  });

  app.patch('/api/flows/:id', { schema: { tags, operationId: 'updateFlow', params: IdParams, body: ref(FlowUpdate) } }, async (req, reply) => {
    const set: { updated: number; tags?: string } = { updated: nowMicros() };
    if (req.body.tags !== undefined) set.tags = toJson(req.body.tags);
    const res = await ctx.db.kysely.updateTable('flow').set(set).where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numUpdatedRows) throw notFound('Flow not found');
    return reply.code(204).send();
  });

  app.delete('/api/flows/:id', { schema: { tags, operationId: 'deleteFlow', params: IdParams } }, async (req, reply) => {
    const res = await ctx.db.kysely.deleteFrom('flow').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound('Flow not found');
    return reply.code(204).send();
  });

  app.post('/api/flows/filter', { schema: { tags, operationId: 'filterFlows', body: FilterBody, response: { 200: Type.Array(ref(Flow)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    return filterFlows(ctx.db, req.body, limit, offset);
  });

  app.post('/api/flows/count', { schema: { tags, operationId: 'countFlows', body: CountBody, response: { 200: Type.Integer() } } }, async (req) => countFlows(ctx.db, req.body));
}
