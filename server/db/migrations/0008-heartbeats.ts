import type { Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/**
 * Heartbeats of running flow runs: when the last one came (µs) and which worker sent it.
 * Null until a client sends one, so runs of older clients are never taken for dead.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('flow_run').addColumn('last_heartbeat', t.datetime).execute();
  await db.schema.alterTable('flow_run').addColumn('heartbeat_worker', t.text).execute();
}
