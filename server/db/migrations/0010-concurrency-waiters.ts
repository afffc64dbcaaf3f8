import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/**
 * Which flow run waits for which global limit: recorded when an increment naming its run is
 * refused (423) and cleared when that run gets its slots, so a run page can say what holds it.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('concurrency_limit_v2_waiter')
    .addColumn('limit_id', t.id, (c) => c.notNull().references('concurrency_limit_v2.id').onDelete('cascade'))
    .addColumn('flow_run_id', t.id, (c) => c.notNull().references('flow_run.id').onDelete('cascade'))
    .addColumn('since', t.datetime, (c) => c.notNull())
    .addPrimaryKeyConstraint('pk_concurrency_limit_v2_waiter', ['flow_run_id', 'limit_id'])
    .execute();
}
