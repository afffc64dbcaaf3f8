import { resolve } from 'node:path';
import type { Db } from '../../server/db/connection.ts';
import { loadSettings, type Settings } from '../../server/settings.ts';

/**
 * Runs `fn` on the database of the current settings (SYNTASK_HOME or
 * SYNTASK_API_DATABASE_CONNECTION_URL): user and key commands work without a server,
 * and the server reads the same tables.
 */
export async function withDatabase<T>(fn: (db: Db, settings: Settings) => Promise<T>): Promise<T> {
  // Loaded on use: the drivers and migrations would slow every other command (flow processes too).
  const { openDatabase } = await import('../../server/db/connection.ts');
  const { migrateToLatest } = await import('../../server/db/migrate.ts');
  const settings = loadSettings(process.env);
  const db = await openDatabase(settings.databaseUrl, { timeoutSeconds: settings.databaseTimeoutSeconds });
  try {
    await migrateToLatest(db);
    return await fn(db, settings);
  } finally {
    await db.close();
  }
}

/** Where the CLI wrote, without a PostgreSQL password. */
export async function describeDatabase(settings: Settings): Promise<string> {
  const { parseDatabaseUrl } = await import('../../server/db/connection.ts');
  const { dialect, target } = parseDatabaseUrl(settings.databaseUrl);
  return dialect === 'sqlite' ? resolve(target) : 'the PostgreSQL database';
}

/** Microseconds since the epoch as `2025-01-31 14:05 UTC`. */
export const formatMicros = (micros: number | null) => (micros === null ? '-' : `${new Date(micros / 1000).toISOString().replace('T', ' ').slice(0, 16)} UTC`);

/** Left-aligned columns, header first. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n');
}
