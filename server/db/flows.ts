import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { FlowT } from '../api/models/flows.ts';
import type { RunFilters } from '../api/models/filters.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Db, Executor } from './connection.ts';
import { FilterCompiler } from './filters.ts';
import type { FlowTable } from './schema.ts';

export const decodeFlow = (row: Selectable<FlowTable>): FlowT => ({
  id: row.id,
  created: formatDateTime(row.created),
  updated: formatDateTime(row.updated),
  name: row.name,
  tags: fromJson(row.tags, []),
});

/** Upsert by name: an existing flow is returned unchanged. */
export async function createFlow(db: Executor, input: { name: string; tags?: string[] }): Promise<{ flow: FlowT; created: boolean }> {
  const now = nowMicros();
  const inserted = await db
    .insertInto('flow')
    .values({ id: randomUUID(), created: now, updated: now, name: input.name, tags: toJson(input.tags ?? []) })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('id')
    .executeTakeFirst();
  const row = await db.selectFrom('flow').selectAll().where('name', '=', input.name).executeTakeFirstOrThrow();
  return { flow: decodeFlow(row), created: inserted !== undefined };
}

export async function readFlow(db: Executor, by: { id: string } | { name: string }) {
  const q = db.selectFrom('flow').selectAll();
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('name', '=', by.name)).executeTakeFirst();
  return row ? decodeFlow(row) : null;
}

export async function filterFlows(db: Db, body: RunFilters & { sort?: string }, limit: number, offset: number) {
  const where = new FilterCompiler(db.dialect).flowBody(body, 'flow');
  const order =
    body.sort === 'CREATED_DESC' ? sql`flow.created desc` : body.sort === 'UPDATED_DESC' ? sql`flow.updated desc` : body.sort === 'NAME_DESC' ? sql`flow.name desc` : sql`flow.name asc`;
  const rows = await db.kysely.selectFrom('flow').selectAll().where(where).orderBy(order).limit(limit).offset(offset).execute();
  return rows.map(decodeFlow);
}

export async function countFlows(db: Db, body: RunFilters) {
  const where = new FilterCompiler(db.dialect).flowBody(body, 'flow');
  const row = await db.kysely.selectFrom('flow').select((eb) => eb.fn.countAll<number>().as('n')).where(where).executeTakeFirstOrThrow();
  return Number(row.n);
}
