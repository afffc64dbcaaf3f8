import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Global concurrency and rate limits (v2), shared by name across flows and processes. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('concurrency_limit_v2')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('created', t.datetime, (c) => c.notNull())
    .addColumn('updated', t.datetime, (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull().unique())
    .addColumn('limit', t.int, (c) => c.notNull())
    .addColumn('active_slots', t.int, (c) => c.notNull())
    .addColumn('denied_slots', t.int, (c) => c.notNull())
    .addColumn('slot_decay_per_second', t.float, (c) => c.notNull())
    .addColumn('avg_slot_occupancy_seconds', t.float, (c) => c.notNull())
    // Slots decay lazily: `active_slots` is the count at this instant (see db/global-concurrency-limits.ts).
    .addColumn('slots_decayed_at', t.datetime, (c) => c.notNull())
    .execute();
}
