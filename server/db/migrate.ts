import { sql, type Kysely } from 'kysely';
import type { Db } from './connection.ts';
import * as core from './migrations/0001-core.ts';
import * as deploymentsWorkPools from './migrations/0002-deployments-work-pools.ts';
import * as scheduling from './migrations/0003-scheduling.ts';
import * as blocksArtifactsNotifications from './migrations/0004-blocks-artifacts-notifications.ts';
import * as security from './migrations/0005-security.ts';
import * as globalConcurrency from './migrations/0006-global-concurrency.ts';
import * as flowRunInput from './migrations/0007-flow-run-input.ts';
import * as heartbeats from './migrations/0008-heartbeats.ts';
import * as failureSignatures from './migrations/0009-failure-signatures.ts';
import * as concurrencyWaiters from './migrations/0010-concurrency-waiters.ts';
import * as failureRollup from './migrations/0011-failure-rollup.ts';
import * as events from './migrations/0012-events.ts';
import * as automations from './migrations/0013-automations.ts';

type Versioned = { up: (db: Kysely<unknown>, dialect: Db['dialect']) => Promise<void> };

/** Ordered, versioned migrations; a new one is appended, never edited once released. */
const MIGRATIONS: Record<string, Versioned> = {
  '0001-core': core,
  '0002-deployments-work-pools': deploymentsWorkPools,
  '0003-scheduling': scheduling,
  '0004-blocks-artifacts-notifications': blocksArtifactsNotifications,
  '0005-security': security,
  '0006-global-concurrency': globalConcurrency,
  '0007-flow-run-input': flowRunInput,
  '0008-heartbeats': heartbeats,
  '0009-failure-signatures': failureSignatures,
  '0010-concurrency-waiters': concurrencyWaiters,
  '0011-failure-rollup': failureRollup,
  '0012-events': events,
  '0013-automations': automations,
};

/**
 * Brings the schema up to date; runs at server start-up. One transaction applies what is
 * missing (PostgreSQL's DDL is transactional; SQLite's one connection serializes), under an
 * advisory lock per schema so replicas starting together migrate once. Not Kysely's
 * Migrator: its checks read the catalog of every schema and fail when another one is
 * dropped meanwhile ("schema … does not exist"), which a shared PostgreSQL server sees.
 */
export async function migrateToLatest(db: Db): Promise<void> {
  let current = '';
  try {
    await db.transaction(async (trx) => {
      if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(current_schema()))`.execute(trx);
      await sql`create table if not exists syntask_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
      const rows = await sql<{ name: string }>`select name from syntask_migration`.execute(trx);
      const applied = new Set(rows.rows.map((r) => r.name));
      for (const [name, migration] of Object.entries(MIGRATIONS)) {
        if (applied.has(name)) continue;
        current = name;
        await migration.up(trx as unknown as Kysely<unknown>, db.dialect);
        await sql`insert into syntask_migration (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
      }
    });
  } catch (error) {
    throw new Error(`Database migration ${current} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
