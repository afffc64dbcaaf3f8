import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Flow run inputs (contract §3.2): what a paused run asks for and what it was given; gone with their run. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('flow_run_input')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('created', t.datetime, (c) => c.notNull())
    .addColumn('updated', t.datetime, (c) => c.notNull())
    .addColumn('flow_run_id', t.id, (c) => c.notNull().references('flow_run.id').onDelete('cascade'))
    .addColumn('key', t.text, (c) => c.notNull())
    .addColumn('value', sql`text`, (c) => c.notNull())
    .addColumn('sender', sql`text`)
    .addUniqueConstraint('uq_flow_run_input_flow_run_id_key', ['flow_run_id', 'key'])
    .execute();
  // Filters read a run's inputs by creation order.
  await db.schema.createIndex('ix_flow_run_input_flow_run_id_created').on('flow_run_input').columns(['flow_run_id', 'created']).execute();
}
