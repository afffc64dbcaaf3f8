import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { AppContext } from '../context.ts';
import { all, FilterCompiler, combine, type Cond } from '../db/filters.ts';
import type { VariableTable } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Opt, Pagination, ref, Type, type Static } from './models/common.ts';
import { Variable, VariableCreate, VariableFilter, VariableSort, VariableUpdate } from './models/variables.ts';

const decode = (r: Selectable<VariableTable>) => ({ id: r.id, created: formatDateTime(r.created), updated: formatDateTime(r.updated), name: r.name, value: r.value, tags: fromJson<string[]>(r.tags, []) });
const NOT_FOUND = 'Variable not found.';
const NameParams = Type.Object({ name: Type.String() });

function where(c: FilterCompiler, f: Static<typeof VariableFilter> | null | undefined): Cond {
  if (!f) return all([]);
  const a = 'variable';
  return all(
    [
      f.id?.any_ ? c.inList(a, 'id', f.id.any_) : null,
      c.nameAnyLike(a, f.name),
      f.value ? combine([f.value.any_ ? c.inList(a, 'value', f.value.any_) : null, f.value.like_ ? c.like(a, 'value', f.value.like_) : null]) : null,
      c.tags(a, f.tags),
    ],
    f.operator,
  );
}

export function variableRoutes(app: App, ctx: AppContext) {
  const tags = ['Variables'];
  const k = ctx.db.kysely;
  const duplicate = () => new HttpError(409, 'A variable with this name already exists.');

  app.post('/api/variables/', { schema: { tags, operationId: 'createVariable', body: ref(VariableCreate), response: { 201: ref(Variable) } } }, async (req, reply) => {
    const now = nowMicros();
    const id = randomUUID();
    const inserted = await k
      .insertInto('variable')
      .values({ id, created: now, updated: now, name: req.body.name, value: req.body.value, tags: toJson(req.body.tags ?? []) })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw duplicate();
    return reply.code(201).send(decode(await k.selectFrom('variable').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });

  for (const [suffix, key, params] of [
    [':id', 'id', IdParams],
    ['name/:name', 'name', NameParams],
  ] as const) {
    const by = (req: { params: Record<string, string> }) => (key === 'id' ? req.params.id : req.params.name);
    const op = key === 'id' ? '' : 'ByName';
    app.get(`/api/variables/${suffix}`, { schema: { tags, operationId: `readVariable${op}`, params, response: { 200: ref(Variable) } } }, async (req) => {
      const row = await k.selectFrom('variable').selectAll().where(key, '=', by(req as never)).executeTakeFirst();
      if (!row) throw notFound(NOT_FOUND);
      return decode(row);
    });
    app.patch(`/api/variables/${suffix}`, { schema: { tags, operationId: `updateVariable${op}`, params, body: ref(VariableUpdate) } }, async (req, reply) => {
      const b = req.body as Static<typeof VariableUpdate>;
      const set: Record<string, unknown> = { updated: nowMicros() };
      if (b.name) set.name = b.name;
      if (b.value !== undefined && b.value !== null) set.value = b.value;
      if (b.tags !== undefined) set.tags = toJson(b.tags ?? []);
      if (b.name && (await k.selectFrom('variable').select('id').where('name', '=', b.name).where(key, '!=', by(req as never)).executeTakeFirst())) throw duplicate();
      const res = await k.updateTable('variable').set(set).where(key, '=', by(req as never)).executeTakeFirst();
      if (!res.numUpdatedRows) throw notFound(NOT_FOUND);
      return reply.code(204).send();
    });
    app.delete(`/api/variables/${suffix}`, { schema: { tags, operationId: `deleteVariable${op}`, params } }, async (req, reply) => {
      const res = await k.deleteFrom('variable').where(key, '=', by(req as never)).executeTakeFirst();
      if (!res.numDeletedRows) throw notFound(NOT_FOUND);
      return reply.code(204).send();
    });
  }

  app.post(
    '/api/variables/filter',
    { schema: { tags, operationId: 'filterVariables', body: Type.Object({ variables: Opt(ref(VariableFilter)), sort: Type.Optional(ref(VariableSort)), ...Pagination }), response: { 200: Type.Array(ref(Variable)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      const sort = req.body.sort ?? 'NAME_ASC';
      const order = { CREATED_DESC: sql`created desc`, UPDATED_DESC: sql`updated desc`, NAME_DESC: sql`name desc`, NAME_ASC: sql`name asc` }[sort];
      return (await k.selectFrom('variable').selectAll().where(where(new FilterCompiler(ctx.db.dialect), req.body.variables)).orderBy(order).limit(limit).offset(offset).execute()).map(decode);
    },
  );

  app.post('/api/variables/count', { schema: { tags, operationId: 'countVariables', body: Type.Object({ variables: Opt(ref(VariableFilter)) }), response: { 200: Type.Integer() } } }, async (req) => {
    const row = await k.selectFrom('variable').select((eb) => eb.fn.countAll<number>().as('n')).where(where(new FilterCompiler(ctx.db.dialect), req.body.variables)).executeTakeFirstOrThrow();
    return Number(row.n);
  });
}
