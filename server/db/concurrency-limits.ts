import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { fromJson, toJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Executor } from './connection.ts';
import type { ConcurrencyLimitTable } from './schema.ts';

export const decodeLimit = (r: Selectable<ConcurrencyLimitTable>) => ({
  id: r.id,
  created: formatDateTime(r.created),
  updated: formatDateTime(r.updated),
  tag: r.tag,
  concurrency_limit: r.concurrency_limit,
  active_slots: fromJson<string[]>(r.active_slots, []),
});

/** Upsert by tag; existing slots are kept. */
export async function upsertLimit(db: Executor, tag: string, limit: number) {
  const now = nowMicros();
  const inserted = await db
    .insertInto('concurrency_limit')
    .values({ id: randomUUID(), created: now, updated: now, tag, concurrency_limit: limit, active_slots: '[]' })
    .onConflict((oc) => oc.column('tag').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) await db.updateTable('concurrency_limit').set({ concurrency_limit: limit, updated: now }).where('tag', '=', tag).execute();
  const row = await db.selectFrom('concurrency_limit').selectAll().where('tag', '=', tag).executeTakeFirstOrThrow();
  return { limit: decodeLimit(row), created: inserted !== undefined };
}

export async function resetLimitSlots(db: Executor, tag: string, slots: string[]) {
  const res = await db.updateTable('concurrency_limit').set({ active_slots: toJson(slots), updated: nowMicros() }).where('tag', '=', tag).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
