import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/**
 * Failures per hour and signature, so the failures page reads a few thousand rows instead of
 * every failed run of a week. Triggers mark an hour dirty whenever a failed run enters, leaves
 * or changes in it (by any path: the API, cascades, retention); a read recomputes the dirty
 * hours from the runs first, so the rollup is never stale (db/failure-rollup.ts). A failed task
 * run's flow and deployment are its flow run's, which nothing changes after creation.
 */

export const HOUR_MICROS = 3_600_000_000;
const FAILED = `('FAILED', 'CRASHED')`;

/** The columns whose change moves a failed run between hours, signatures or affected sets. */
const WATCHED = { flow_run: ['state_type', 'state_timestamp', 'failure_signature', 'flow_id', 'deployment_id'], task_run: ['state_type', 'state_timestamp', 'failure_signature', 'flow_run_id'] } as const;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const pg = dialect === 'postgres';
  await db.schema
    .createTable('failure_hour')
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('hour', t.datetime, (c) => c.notNull())
    .addColumn('signature', t.text, (c) => c.notNull())
    .addColumn('n', t.int, (c) => c.notNull())
    .addColumn('first', t.datetime, (c) => c.notNull())
    .addColumn('last', t.datetime, (c) => c.notNull())
    .addColumn('flow_ids', t.text)
    .addColumn('deployment_ids', t.text)
    .addPrimaryKeyConstraint('pk_failure_hour', ['kind', 'hour', 'signature'])
    .execute();
  await sql.raw(`create table failure_dirty (id ${pg ? 'bigserial primary key' : 'integer primary key autoincrement'}, kind text not null, hour ${pg ? 'bigint' : 'integer'} not null)`).execute(db);
  await db.schema.createIndex('ix_failure_dirty_kind_id').on('failure_dirty').columns(['kind', 'id']).execute();

  const hourOf = (row: string) => (pg ? `${row}.state_timestamp / ${HOUR_MICROS}` : `cast(${row}.state_timestamp / ${HOUR_MICROS} as integer)`);
  const changed = (table: keyof typeof WATCHED) => WATCHED[table].map((c) => (pg ? `old.${c} is distinct from new.${c}` : `old.${c} is not new.${c}`)).join(' or ');
  if (pg) {
    await sql
      .raw(
        // Bound to this schema's tables, whatever search_path the writing session has.
        `create or replace function syntask_failure_dirty() returns trigger language plpgsql set search_path from current as $$
        begin
          if tg_op <> 'INSERT' then
            if old.state_type in ${FAILED} then insert into failure_dirty (kind, hour) values (tg_argv[0], ${hourOf('old')}); end if;
          end if;
          if tg_op <> 'DELETE' then
            if new.state_type in ${FAILED} then insert into failure_dirty (kind, hour) values (tg_argv[0], ${hourOf('new')}); end if;
          end if;
          return null;
        end $$`,
      )
      .execute(db);
  }
  for (const table of ['flow_run', 'task_run'] as const) {
    const mark = (row: 'old' | 'new') => `insert into failure_dirty (kind, hour) select '${table}', ${hourOf(row)} where ${row}.state_type in ${FAILED};`;
    const triggers = [
      { name: 'insert', event: 'insert', when: `new.state_type in ${FAILED}`, body: mark('new') },
      { name: 'update', event: 'update', when: `(old.state_type in ${FAILED} or new.state_type in ${FAILED}) and (${changed(table)})`, body: `${mark('old')} ${mark('new')}` },
      { name: 'delete', event: 'delete', when: `old.state_type in ${FAILED}`, body: mark('old') },
    ];
    for (const tr of triggers) {
      const name = `failure_dirty_${table}_${tr.name}`;
      await sql
        .raw(
          pg
            ? `create trigger ${name} after ${tr.event} on ${table} for each row when (${tr.when}) execute procedure syntask_failure_dirty('${table}')`
            : `create trigger ${name} after ${tr.event} on ${table} for each row when ${tr.when} begin ${tr.body} end`,
        )
        .execute(db);
    }
    // Failures recorded before this migration: their hours start dirty.
    await sql.raw(`insert into failure_dirty (kind, hour) select distinct '${table}', ${hourOf(table)} from ${table} where state_type in ${FAILED}`).execute(db);
  }
}
