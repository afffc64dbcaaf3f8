import type { AppContext } from '../context.ts';
import { decodeLimit, resetLimitSlots, upsertLimit } from '../db/concurrency-limits.ts';
import { notFound } from '../errors.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Int, model, Opt, ORMBase, Pagination, ref, strict, Type, Uuid } from './models/common.ts';

export const ConcurrencyLimit = model(
  'ConcurrencyLimit',
  Type.Object({ ...ORMBase, tag: Type.String(), concurrency_limit: Type.Integer(), active_slots: Type.Array(Uuid) }),
);
const ConcurrencyLimitCreate = model('ConcurrencyLimitCreate', Type.Object({ tag: Type.String({ minLength: 1, maxLength: 5000 }), concurrency_limit: Int({ minimum: 0 }) }, strict));
const TagParams = Type.Object({ tag: Type.String() });
const NOT_FOUND = 'Concurrency limit not found';

/** Task-run concurrency limits by tag (v1), enforced by SecureTaskConcurrencySlots. */
export function concurrencyLimitRoutes(app: App, ctx: AppContext) {
  const tags = ['Concurrency Limits'];
  const k = ctx.db.kysely;
  app.post(
    '/api/concurrency_limits/',
    { schema: { tags, operationId: 'createConcurrencyLimit', body: ref(ConcurrencyLimitCreate), response: { 200: ref(ConcurrencyLimit), 201: ref(ConcurrencyLimit) } } },
    async (req, reply) => {
      const { limit, created } = await ctx.db.transaction((trx) => upsertLimit(trx, req.body.tag, req.body.concurrency_limit));
      return reply.code(created ? 201 : 200).send(limit);
    },
  );
  app.get('/api/concurrency_limits/:id', { schema: { tags, operationId: 'readConcurrencyLimit', params: IdParams, response: { 200: ref(ConcurrencyLimit) } } }, async (req) => {
    const row = await k.selectFrom('concurrency_limit').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound(NOT_FOUND);
    return decodeLimit(row);
  });
  app.get('/api/concurrency_limits/tag/:tag', { schema: { tags, operationId: 'readConcurrencyLimitByTag', params: TagParams, response: { 200: ref(ConcurrencyLimit) } } }, async (req) => {
    const row = await k.selectFrom('concurrency_limit').selectAll().where('tag', '=', req.params.tag).executeTakeFirst();
    if (!row) throw notFound(NOT_FOUND);
    return decodeLimit(row);
  });
  app.post('/api/concurrency_limits/filter', { schema: { tags, operationId: 'filterConcurrencyLimits', body: Type.Object(Pagination), response: { 200: Type.Array(ref(ConcurrencyLimit)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    return (await k.selectFrom('concurrency_limit').selectAll().orderBy('tag').limit(limit).offset(offset).execute()).map(decodeLimit);
  });
  app.post(
    '/api/concurrency_limits/tag/:tag/reset',
    { schema: { tags, operationId: 'resetConcurrencyLimit', params: TagParams, body: Type.Object({ slot_override: Opt(Type.Array(Uuid, { maxItems: 100000 })) }), response: { 200: Type.Null() } } },
    async (req) => {
      if (!(await resetLimitSlots(k, req.params.tag, req.body.slot_override ?? []))) throw notFound(NOT_FOUND);
      return null;
    },
  );
  app.delete('/api/concurrency_limits/:id', { schema: { tags, operationId: 'deleteConcurrencyLimit', params: IdParams, response: { 200: Type.Null() } } }, async (req) => {
    const res = await k.deleteFrom('concurrency_limit').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound(NOT_FOUND);
    return null;
  });
  app.delete('/api/concurrency_limits/tag/:tag', { schema: { tags, operationId: 'deleteConcurrencyLimitByTag', params: TagParams, response: { 200: Type.Null() } } }, async (req) => {
    const res = await k.deleteFrom('concurrency_limit').where('tag', '=', req.params.tag).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound(NOT_FOUND);
    return null;
  });
}
