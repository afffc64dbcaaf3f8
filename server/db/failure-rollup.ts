import { sql } from 'kysely';
import type { Db, Executor } from './connection.ts';
import type { FailureHourTable } from './schema.ts';
import { HOUR_MICROS } from './migrations/0011-failure-rollup.ts';

/**
 * The failures rollup (migration 0011): failed and crashed runs per hour and signature, with
 * the flows and deployments affected. Triggers mark hours dirty; `refreshFailureHours`
 * recomputes those from the runs before a read, so what it serves equals the runs' truth.
 */

export type FailureKind = 'flow_run' | 'task_run';
export { HOUR_MICROS };

export const NO_MESSAGE = '(no message)';

const BATCH = 500;

/** Recomputes the dirty hours of `kind` (one pass; several replicas take turns on PostgreSQL). */
export async function refreshFailureHours(db: Db, kind: FailureKind): Promise<void> {
  // A backlog (a bulk load, the migration of an old database) takes several passes, once.
  while (await db.kysely.selectFrom('failure_dirty').select('id').where('kind', '=', kind).limit(1).executeTakeFirst()) {
    if ((await refreshPass(db, kind)) < PASS_MARKS) return;
  }
}

const PASS_MARKS = 10_000;

async function refreshPass(db: Db, kind: FailureKind): Promise<number> {
  return db.transaction(async (trx) => {
    if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':failure_hour:' || ${kind}))`.execute(trx);
    // Read under the lock: another replica may have done them meanwhile. Marks written after
    // this read stay for the next pass, even if their change is already counted below.
    const marks = await trx.selectFrom('failure_dirty').select(['id', 'hour']).where('kind', '=', kind).orderBy('id').limit(PASS_MARKS).execute();
    const hours = [...new Set(marks.map((m) => Number(m.hour)))];
    for (let i = 0; i < hours.length; i += BATCH) {
      const slice = hours.slice(i, i + BATCH);
      await trx.deleteFrom('failure_hour').where('kind', '=', kind).where('hour', 'in', slice).execute();
      for (const hour of slice) await recomputeHour(trx, db.dialect, kind, hour);
    }
    const ids = marks.map((m) => m.id);
    for (let i = 0; i < ids.length; i += BATCH) await trx.deleteFrom('failure_dirty').where('id', 'in', ids.slice(i, i + BATCH)).execute();
    return marks.length;
  });
}

async function recomputeHour(trx: Executor, dialect: Db['dialect'], kind: FailureKind, hour: number) {
  const distinct = (column: string) => (dialect === 'postgres' ? sql.raw(`string_agg(distinct ${column}, ',')`) : sql.raw(`group_concat(distinct ${column})`));
  const from = kind === 'flow_run' ? sql`flow_run as r` : sql`task_run as r left join flow_run as fr on fr.id = r.flow_run_id`;
  const owner = kind === 'flow_run' ? 'r' : 'fr';
  const signature = sql`coalesce(r.failure_signature, ${sql.lit(NO_MESSAGE)})`;
  await sql`
    insert into failure_hour (kind, hour, signature, n, first, last, flow_ids, deployment_ids)
    select ${sql.lit(kind)}, cast(${hour} as bigint), ${signature}, count(*), min(r.state_timestamp), max(r.state_timestamp),
      ${distinct(`${owner}.flow_id`)}, ${distinct(`${owner}.deployment_id`)}
    from ${from}
    where r.state_type in ('FAILED', 'CRASHED') and r.state_timestamp >= cast(${hour * HOUR_MICROS} as bigint) and r.state_timestamp < cast(${(hour + 1) * HOUR_MICROS} as bigint)
    group by ${signature}`.execute(trx);
}

export type HourRow = Omit<FailureHourTable, 'kind'>;

/** The rollup's rows for whole hours `[fromHour, toHour)`, fresh. */
export async function failureHours(db: Db, kind: FailureKind, fromHour: number, toHour: number): Promise<HourRow[]> {
  await refreshFailureHours(db, kind);
  return db.kysely
    .selectFrom('failure_hour')
    .select(['hour', 'signature', 'n', 'first', 'last', 'flow_ids', 'deployment_ids'])
    .where('kind', '=', kind)
    .where('hour', '>=', fromHour)
    .where('hour', '<', toHour)
    .execute();
}
