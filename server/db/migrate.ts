import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection.ts';
import * as core from './migrations/0001-core.ts';
import * as deploymentsWorkPools from './migrations/0002-deployments-work-pools.ts';
import * as scheduling from './migrations/0003-scheduling.ts';
import * as blocksArtifactsNotifications from './migrations/0004-blocks-artifacts-notifications.ts';

type Versioned = { up: (db: Kysely<unknown>, dialect: Db['dialect']) => Promise<void> };

/** Ordered, versioned migrations; a new one is appended, never edited once released. */
const MIGRATIONS: Record<string, Versioned> = {
  '0001-core': core,
  '0002-deployments-work-pools': deploymentsWorkPools,
  '0003-scheduling': scheduling,
  '0004-blocks-artifacts-notifications': blocksArtifactsNotifications,
};

/** Brings the schema up to date; runs at server start-up. */
export async function migrateToLatest(db: Db): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (k) => m.up(k, db.dialect) };
      return out;
    },
  };
  const migrator = new Migrator({ db: db.kysely as unknown as Kysely<unknown>, provider, migrationTableName: 'syntask_migration', migrationLockTableName: 'syntask_migration_lock', migrationTableSchema: db.schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
