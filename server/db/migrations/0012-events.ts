import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/**
 * Events (events-automations.md A2). `event` holds each event whole; `event_resource` one row
 * per related resource, so "related to X in role R" is an index lookup rather than a scan of
 * JSON. Both carry `occurred`: retention deletes by it without joins, and a related criterion
 * selects event ids by (resource, time) alone. Few indexes: each costs every ingested event.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('event')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('occurred', t.datetime, (c) => c.notNull())
    .addColumn('event', t.text, (c) => c.notNull())
    .addColumn('resource_id', t.text, (c) => c.notNull())
    .addColumn('resource', t.json, (c) => c.notNull())
    .addColumn('related', t.json, (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('follows', t.id)
    .addColumn('received', t.datetime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_event_occurred').on('event').columns(['occurred']).execute();
  await db.schema.createIndex('ix_event_event_occurred').on('event').columns(['event', 'occurred']).execute();
  await db.schema.createIndex('ix_event_resource_id_occurred').on('event').columns(['resource_id', 'occurred']).execute();
  await db.schema
    .createTable('event_resource')
    .addColumn('event_id', t.id, (c) => c.notNull())
    .addColumn('occurred', t.datetime, (c) => c.notNull())
    .addColumn('resource_id', t.text, (c) => c.notNull())
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('resource', t.json, (c) => c.notNull())
    .execute();
  // Covering: a related criterion reads event ids from the index alone.
  await db.schema.createIndex('ix_event_resource_resource_id_occurred').on('event_resource').columns(['resource_id', 'occurred', 'event_id']).execute();
  await db.schema.createIndex('ix_event_resource_occurred').on('event_resource').columns(['occurred']).execute();
}
