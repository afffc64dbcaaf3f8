import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Executor } from './connection.ts';
import type { FlowRunInputTable } from './schema.ts';

/** Flow run inputs (contract §3.2): small texts a run and the people or flows talking to it exchange by key. */

export const decodeFlowRunInput = (r: Selectable<FlowRunInputTable>) => ({
  id: r.id,
  created: formatDateTime(r.created),
  updated: formatDateTime(r.updated),
  flow_run_id: r.flow_run_id,
  key: r.key,
  value: r.value,
  sender: r.sender,
});

/** Inserts one input; false when the run already has the key. */
export async function insertFlowRunInput(db: Executor, input: { flow_run_id: string; key: string; value: string; sender?: string | null }): Promise<boolean> {
  const now = nowMicros();
  const row = await db
    .insertInto('flow_run_input')
    .values({ id: randomUUID(), created: now, updated: now, flow_run_id: input.flow_run_id, key: input.key, value: input.value, sender: input.sender ?? null })
    .onConflict((oc) => oc.columns(['flow_run_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes the input, replacing one with the same key (a run resumed again after a retry answers anew). */
export async function replaceFlowRunInput(db: Executor, input: { flow_run_id: string; key: string; value: string; sender?: string | null }) {
  await deleteFlowRunInput(db, input.flow_run_id, input.key);
  await insertFlowRunInput(db, input);
}

export async function readFlowRunInput(db: Executor, flowRunId: string, key: string) {
  return db.selectFrom('flow_run_input').selectAll().where('flow_run_id', '=', flowRunId).where('key', '=', key).executeTakeFirst();
}

export async function deleteFlowRunInput(db: Executor, flowRunId: string, key: string): Promise<boolean> {
  const res = await db.deleteFrom('flow_run_input').where('flow_run_id', '=', flowRunId).where('key', '=', key).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Oldest first. The prefix is compared exactly (case and `%`/`_` included), unlike LIKE in SQLite. */
export async function filterFlowRunInputs(db: Executor, flowRunId: string, f: { prefix: string; limit: number; exclude_keys: string[] }) {
  let q = db
    .selectFrom('flow_run_input')
    .selectAll()
    .where('flow_run_id', '=', flowRunId)
    .where(sql<boolean>`substr(key, 1, ${f.prefix.length}) = ${f.prefix}`);
  if (f.exclude_keys.length) q = q.where('key', 'not in', f.exclude_keys);
  const rows = await q.orderBy('created').orderBy('id').limit(f.limit).execute();
  return rows.map(decodeFlowRunInput);
}
