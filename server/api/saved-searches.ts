import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AppContext } from '../context.ts';
import type { SavedSearchTable } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Pagination, ref, Type } from './models/common.ts';
import { SavedSearch, SavedSearchCreate } from './models/saved-searches.ts';

const decode = (r: Selectable<SavedSearchTable>) => ({ id: r.id, created: formatDateTime(r.created), updated: formatDateTime(r.updated), name: r.name, filters: fromJson<unknown[]>(r.filters, []) });
const NOT_FOUND = 'Saved search not found';

export function savedSearchRoutes(app: App, ctx: AppContext) {
  const tags = ['Saved Searches'];
  const k = ctx.db.kysely;

  app.put('/api/saved_searches/', { schema: { tags, operationId: 'upsertSavedSearch', body: ref(SavedSearchCreate), response: { 200: ref(SavedSearch), 201: ref(SavedSearch) } } }, async (req, reply) => {
    const now = nowMicros();
    const filters = toJson(req.body.filters ?? []);
    const inserted = await k
      .insertInto('saved_search')
      .values({ id: randomUUID(), created: now, updated: now, name: req.body.name, filters })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) await k.updateTable('saved_search').set({ filters, updated: now }).where('name', '=', req.body.name).execute();
    const row = await k.selectFrom('saved_search').selectAll().where('name', '=', req.body.name).executeTakeFirstOrThrow();
    return reply.code(inserted ? 201 : 200).send(decode(row));
  });

  app.get('/api/saved_searches/:id', { schema: { tags, operationId: 'readSavedSearch', params: IdParams, response: { 200: ref(SavedSearch) } } }, async (req) => {
    const row = await k.selectFrom('saved_search').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) throw notFound(NOT_FOUND);
    return decode(row);
  });

  app.delete('/api/saved_searches/:id', { schema: { tags, operationId: 'deleteSavedSearch', params: IdParams } }, async (req, reply) => {
    const res = await k.deleteFrom('saved_search').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound(NOT_FOUND);
    return reply.code(204).send();
  });

  app.post('/api/saved_searches/filter', { schema: { tags, operationId: 'filterSavedSearches', body: Type.Object(Pagination), response: { 200: Type.Array(ref(SavedSearch)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    return (await k.selectFrom('saved_search').selectAll().orderBy('name').limit(limit).offset(offset).execute()).map(decode);
  });
}
