import { sql } from 'kysely';
import type { Db } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

/**
 * `POST /api/admin/database/clear|drop|create` (contract §3.16) on both dialects. The
 * migration bookkeeping goes only with `drop`, so `create` then rebuilds everything.
 */

// syntask_migration_lock is Kysely's, in databases created before the migrator was ours.
const MIGRATION_TABLES = ['syntask_migration', 'syntask_migration_lock'];

/** Accounts, sessions, keys and the security trail survive `clear`: the admin who clears stays signed in. */
export const KEPT_BY_CLEAR = ['syntask_user', 'auth_session', 'api_key', 'login_throttle', 'audit_log', 'csrf_token'];

/** Tables of this database (PostgreSQL: of the schema in use, never another one). */
async function tableNames(db: Db): Promise<string[]> {
  const query =
    db.dialect === 'postgres'
      ? sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  return (await query.execute(db.kysely)).rows.map((r) => r.name);
}

/** "no such table" (SQLite) / undefined_table (PostgreSQL): what a dropped database answers. */
export const isMissingTable = (err: unknown) => (err as { code?: string })?.code === '42P01' || /no such table/i.test((err as Error)?.message ?? '');

const idList = (tables: string[]) => sql.join(tables.map((t) => sql.id(t)));

/** Deletes every row of (or drops) the listed tables; references among them do not get in the way. */
async function emptyOrDrop(db: Db, tables: string[], drop: boolean) {
  if (tables.length === 0) return;
  if (db.dialect === 'postgres') {
    await (drop ? sql`drop table if exists ${idList(tables)} cascade` : sql`truncate table ${idList(tables)}`).execute(db.kysely);
    return;
  }
  // Deletes: references are checked at commit, when none is left. Drops: a dropped table's
  // implicit delete would look up parents already gone, so references are off meanwhile
  // (the pragma only takes effect outside a transaction).
  if (drop) await sql`pragma foreign_keys = off`.execute(db.kysely);
  try {
    await db.transaction(async (trx) => {
      if (!drop) await sql`pragma defer_foreign_keys = on`.execute(trx);
      for (const t of tables) await (drop ? sql`drop table if exists ${sql.id(t)}` : sql`delete from ${sql.id(t)}`).execute(trx);
    });
  } finally {
    if (drop) await sql`pragma foreign_keys = on`.execute(db.kysely);
  }
}

export async function clearDatabase(db: Db) {
  const kept = new Set([...MIGRATION_TABLES, ...KEPT_BY_CLEAR]);
  await emptyOrDrop(db, (await tableNames(db)).filter((t) => !kept.has(t)), false);
}

export async function dropDatabase(db: Db) {
  await emptyOrDrop(db, await tableNames(db), true);
}

export const createDatabase = (db: Db) => migrateToLatest(db);
