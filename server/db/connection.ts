import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type Driver, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema in use when not the default search path. */
  schema?: string;
  /** Runs `fn` in a transaction. SQLite serializes all of them on its one connection. */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** SQLite only: the connection itself, for hot paths that run prepared statements inside `transaction` (event ingest). */
  sqlite?: BetterSqlite3.Database;
  /** Liveness probe for `/api/ready`. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type Executor = Kysely<Database> | Transaction<Database>;

export interface DbOptions {
  /** Statement / lock timeout in seconds. */
  timeoutSeconds?: number;
  /** PostgreSQL only: schema to create and use (isolated test databases). */
  pgSchema?: string;
}

export function parseDatabaseUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:///')) return { dialect: 'sqlite', target: url.slice('sqlite://'.length) };
  if (url === 'sqlite://:memory:' || url === 'sqlite:///:memory:') return { dialect: 'sqlite', target: ':memory:' };
  if (url.startsWith('sqlite+aiosqlite:///')) return { dialect: 'sqlite', target: url.slice('sqlite+aiosqlite://'.length) };
  if (/^postgres(ql)?(\+\w+)?:\/\//.test(url)) return { dialect: 'postgres', target: url.replace(/^postgres(ql)?(\+\w+)?:/, 'postgresql:') };
  throw new Error(`Unsupported SYNTASK_API_DATABASE_CONNECTION_URL "${url}": use sqlite:///path/to/file.db or postgresql://user@host:port/db`);
}

export async function openDatabase(url: string, options: DbOptions = {}): Promise<Db> {
  const { dialect, target } = parseDatabaseUrl(url);
  return dialect === 'sqlite' ? openSqlite(target, options) : openPostgres(target, options);
}

/**
 * better-sqlite3 prepares a statement per query; Kysely does not cache them. Caching the
 * prepared statements by SQL text removes most of the per-query cost on hot paths.
 */
function withStatementCache(raw: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return new Proxy(raw, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (sql: string) => {
          let stmt = cache.get(sql);
          if (!stmt) {
            stmt = target.prepare(sql);
            if (cache.size > 2000) cache.clear();
            cache.set(sql, stmt);
          }
          return stmt;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The database holds secrets' ciphertext and sessions: its folder 0700, the file 0600. */
export function createPrivateFile(path: string) {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
}

/**
 * Transactions take the write lock when they begin. Another process may write the same file
 * (a script's embedded API beside a server): a deferred transaction that read first and then
 * writes after the other process committed fails at once with SQLITE_BUSY, busy timeout or
 * not, where an immediate one waits its turn.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

function openSqlite(path: string, options: DbOptions): Db {
  if (path !== ':memory:') createPrivateFile(path);
  const raw = new BetterSqlite3(path, { timeout: (options.timeoutSeconds ?? 10) * 1000 });
  raw.pragma('journal_mode = WAL');
  // SQLite gives -wal and -shm the database file's mode; older files are tightened here too.
  if (path !== ':memory:') for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -65536');
  raw.pragma('temp_store = MEMORY');
  raw.pragma('mmap_size = 268435456');
  // Checkpoints copy the WAL back and fsync; fewer, larger ones cost less per commit.
  raw.pragma('wal_autocheckpoint = 4000');
  const kysely = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(raw) }) });
  return {
    kysely,
    dialect: 'sqlite',
    sqlite: raw,
    transaction: (fn) => kysely.transaction().execute(fn),
    async ping() {
      try {
        raw.prepare('select 1').get();
        return true;
      } catch {
        return false;
      }
    },
    close: () => kysely.destroy(),
  };
}

// JSON stays text in both dialects (rows are decoded in one place); bigints are our µs datetimes.
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 114 || oid === 3802) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

async function openPostgres(url: string, options: DbOptions): Promise<Db> {
  const timeoutMs = Math.round((options.timeoutSeconds ?? 10) * 1000);
  const schema = options.pgSchema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // `if not exists` still fails when another server creates it at the same moment.
      await admin.query(`create schema if not exists ${schema}`).catch(async (err) => {
        const found = await admin.query('select 1 from pg_namespace where nspname = $1', [schema]);
        if (found.rowCount === 0) throw err;
      });
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: pgTypes,
    statement_timeout: timeoutMs,
    options: schema ? `-c search_path=${schema}` : undefined,
    connectionTimeoutMillis: timeoutMs,
  });
  pool.on('error', () => {
    /* idle client errors surface on the next query as 503 */
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    schema,
    transaction: (fn) => kysely.transaction().execute(fn),
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => kysely.destroy(),
  };
}
