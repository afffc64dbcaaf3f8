import { createHash } from 'node:crypto';
import pg from 'pg';
import { parseDatabaseUrl, type Db } from '../db/connection.ts';

/**
 * Mutual exclusion between server replicas for background work (one pass of a service,
 * start-up seeding). On PostgreSQL a named lock is a session advisory lock held on one
 * dedicated connection per replica: a pass never keeps a pooled connection idle (that
 * could starve the requests it serves), and a replica that dies loses its session, so
 * its locks are free again at once. `tryRun` never waits: a pass held elsewhere is
 * skipped and tried again at the next interval. SQLite has one process: nothing to lock.
 */
export interface ServiceLocks {
  /** Runs `fn` unless the same named work runs now on this or another replica. */
  tryRun<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Waits until no other replica runs the named work, then runs `fn` (start-up work). */
  runExclusive<T>(name: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

/** Lock key of a name: 64 bits of a hash, scoped by schema (tests share one database). */
export function lockKey(schema: string | undefined, name: string): string {
  return createHash('sha256').update(`syntask:${schema ?? ''}:${name}`).digest().readBigInt64BE(0).toString();
}

export function createServiceLocks(db: Db, databaseUrl: string): ServiceLocks {
  return db.dialect === 'postgres' ? new AdvisoryLocks(parseDatabaseUrl(databaseUrl).target, db.schema) : new LocalLocks();
}

/** One process: only overlapping passes of this process are excluded. */
class LocalLocks implements ServiceLocks {
  protected readonly held = new Set<string>();

  async tryRun<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.held.has(name)) return { ran: false };
    this.held.add(name);
    try {
      return { ran: true, value: await fn() };
    } finally {
      this.held.delete(name);
    }
  }

  async runExclusive<T>(name: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const outcome = await this.tryRun(name, fn);
      if (outcome.ran) return outcome.value;
      if (Date.now() > until) throw new Error(`Timed out waiting for "${name}" on another server`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {}
}

class AdvisoryLocks extends LocalLocks {
  private client: Promise<pg.Client> | null = null;
  private closed = false;
  /** One query at a time on the shared connection. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly schema: string | undefined,
  ) {
    super();
  }

  /** Connects lazily and again after a lost connection (its locks died with it). */
  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('closed'));
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: 10_000, application_name: 'syntask-locks' });
      const forget = () => {
        if (this.client === attempt) this.client = null;
      };
      client.on('error', forget);
      client.on('end', forget);
      const attempt = client.connect().then(
        () => client,
        (err) => {
          forget();
          throw err;
        },
      );
      this.client = attempt;
    }
    return this.client;
  }

  private query(sql: string, key: string): Promise<boolean> {
    const run = this.queue.then(async () => {
      const client = await this.connection();
      const res = await client.query<{ ok: boolean }>(sql, [key]);
      return Boolean(res.rows[0]?.ok);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  override async tryRun<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.held.has(name)) return { ran: false };
    this.held.add(name);
    const key = lockKey(this.schema, name);
    try {
      if (!(await this.query('select pg_try_advisory_lock($1::bigint) as ok', key))) return { ran: false };
      try {
        return { ran: true, value: await fn() };
      } finally {
        // On a lost connection the lock is already gone (a new connection never held it: harmless).
        await this.query('select pg_advisory_unlock($1::bigint) as ok', key).catch(() => undefined);
      }
    } finally {
      this.held.delete(name);
    }
  }

  override async close(): Promise<void> {
    this.closed = true;
    const client = await this.client?.catch(() => null);
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
