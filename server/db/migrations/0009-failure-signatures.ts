import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';
import { failureSignature } from '../../lib/failure-signature.ts';

/**
 * Failures grouped by cause: a Failed or Crashed run's signature, stored when it enters
 * that state (null otherwise), indexed with the state (covering what the failures query reads) so a time range groups fast. Runs that
 * failed before this migration get theirs from their current state's message.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  for (const table of ['flow_run', 'task_run'] as const) {
    await db.schema.alterTable(table).addColumn('failure_signature', t.text).execute();
    const states = `${table}_state`;
    const failed = await sql<{ id: string; message: string | null }>`select r.id, s.message from ${sql.table(table)} r left join ${sql.table(states)} s on s.id = r.state_id where r.state_type in ('FAILED', 'CRASHED')`.execute(db);
    for (const row of failed.rows) await sql`update ${sql.table(table)} set failure_signature = ${failureSignature(row.message)} where id = ${row.id}`.execute(db);
    // Covers the failures query: the range, the signature and what it groups by.
    const covered = table === 'flow_run' ? ['flow_id', 'deployment_id'] : ['flow_run_id'];
    await db.schema.createIndex(`ix_${table}_failures`).on(table).columns(['state_type', 'state_timestamp', 'failure_signature', ...covered]).execute();
  }
}
