import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDialect } from '../testing/harness.ts';
import { openDatabase } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

const url = process.env.SYNTASK_TEST_POSTGRES_URL ?? '';
const schemaName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/**
 * Test servers (and teams' schemas) share one PostgreSQL server. Migrating one schema must
 * not depend on the others: CI once failed with `schema "t_…" does not exist` because the
 * migration checks read every schema's catalog while another test dropped its own.
 */
describe.skipIf(testDialect() !== 'postgres')('migrations on a PostgreSQL server where other schemas come and go', () => {
  it('migrate their own schema while other schemas are dropped meanwhile', async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    let churning = true;
    const churn = (async () => {
      while (churning) {
        const other = schemaName('churn');
        await admin.query(`create schema ${other}; create table ${other}.t (id serial primary key, a text, b text, c text)`);
        await admin.query(`drop schema ${other} cascade`);
      }
    })();
    const migrated: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const schema = schemaName('mig');
        const db = await openDatabase(url, { pgSchema: schema });
        try {
          await migrateToLatest(db);
          await migrateToLatest(db); // a second start finds everything applied
          const rows = await db.kysely.selectFrom('syntask_migration' as never).select('name' as never).execute();
          migrated.push(String(rows.length));
        } finally {
          await db.close();
          await admin.query(`drop schema ${schema} cascade`);
        }
      }
    } finally {
      churning = false;
      await churn;
      await admin.end();
    }
    expect(new Set(migrated).size).toBe(1);
    expect(Number(migrated[0])).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
