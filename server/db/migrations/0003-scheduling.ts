import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Variables, saved searches, and what polling and scheduling need on flow runs. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('created', t.datetime, (c) => c.notNull())
      .addColumn('updated', t.datetime, (c) => c.notNull());

  await base('variable').addColumn('name', t.text, (c) => c.notNull().unique()).addColumn('value', sql`text`, (c) => c.notNull()).addColumn('tags', t.tags, (c) => c.notNull()).execute();
  await base('saved_search').addColumn('name', t.text, (c) => c.notNull().unique()).addColumn('filters', t.json, (c) => c.notNull()).execute();

  // A run handed out by a work-pool poll is leased (µs) so a concurrent poll skips it.
  await db.schema.alterTable('flow_run').addColumn('poll_lease', t.datetime).execute();
  await db.schema.createIndex('ix_flow_run_work_queue_scheduled').on('flow_run').columns(['work_queue_id', 'next_scheduled_start_time']).execute();
  await db.schema.createIndex('ix_flow_run_deployment_scheduled').on('flow_run').columns(['deployment_id', 'next_scheduled_start_time']).execute();
}
