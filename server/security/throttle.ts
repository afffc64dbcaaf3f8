import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { nowMicros } from '../lib/time.ts';

/** Free attempts before waits start; each further failure doubles the wait, up to the cap. */
const FREE_FAILURES = 5;
const MAX_WAIT_SECONDS = 15 * 60;
/** Failures older than this are forgotten. */
const WINDOW_SECONDS = 15 * 60;

const waitFor = (failures: number) => (failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS));

/**
 * Sign-in throttling per name and per address, kept in the database so that every replica
 * sees the same counters. An attempt is counted *before* the password is checked (and
 * forgiven on success), so parallel guesses cannot all slip in before the first is counted.
 */
export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /** Seconds until any of the subjects may try again (0 = now). */
  async retryAfter(subjects: string[]): Promise<number> {
    const rows = await this.db.kysely.selectFrom('login_throttle').select('blocked_until').where('subject', 'in', subjects).execute();
    const until = Math.max(0, ...rows.map((r) => r.blocked_until));
    return Math.max(0, Math.ceil((until - nowMicros()) / 1e6));
  }

  /** Counts an attempt for each subject; answers the wait instead when one is blocked (nothing counted then). */
  async attempt(subjects: string[]): Promise<number> {
    const now = nowMicros();
    return this.db.transaction(async (trx) => {
      // PostgreSQL: `for update` locks only rows that exist, so parallel first attempts at a new
      // subject would all read "nothing yet". A lock per subject (in one order) queues them.
      // SQLite transactions already run one at a time (`begin immediate`).
      if (this.db.dialect === 'postgres') {
        for (const subject of [...subjects].sort()) await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':login:' || ${subject}))`.execute(trx);
      }
      const locked = await trx.selectFrom('login_throttle').selectAll().where('subject', 'in', subjects).$if(this.db.dialect === 'postgres', (q) => q.forUpdate()).execute();
      const until = Math.max(0, ...locked.map((r) => r.blocked_until));
      if (until > now) return Math.ceil((until - now) / 1e6);
      for (const subject of subjects) {
        const fresh = now - WINDOW_SECONDS * 1e6;
        // One atomic statement: concurrent first attempts on a new subject still add up.
        const row = await trx
          .insertInto('login_throttle')
          .values({ subject, failures: 1, last_failure: now, blocked_until: now + waitFor(1) * 1e6 })
          .onConflict((oc) =>
            oc.column('subject').doUpdateSet({
              failures: sql<number>`case when login_throttle.last_failure < ${fresh} then 1 else login_throttle.failures + 1 end`,
              last_failure: now,
            }),
          )
          .returning('failures')
          .executeTakeFirstOrThrow();
        await trx.updateTable('login_throttle').set({ blocked_until: now + waitFor(row.failures) * 1e6 }).where('subject', '=', subject).execute();
      }
      return 0;
    });
  }

  /**
   * A successful sign-in clears the name's count and takes back its own attempt from the
   * address (never more: signing in to one good account must not erase guesses at others).
   */
  async forgive(subjects: string[]) {
    const [name, ...addresses] = subjects;
    await this.db.transaction(async (trx) => {
      await trx.deleteFrom('login_throttle').where('subject', '=', name).execute();
      for (const row of await trx.selectFrom('login_throttle').selectAll().where('subject', 'in', addresses).execute()) {
        const failures = Math.max(0, row.failures - 1);
        await trx.updateTable('login_throttle').set({ failures, blocked_until: row.last_failure + waitFor(failures) * 1e6 }).where('subject', '=', row.subject).execute();
      }
    });
  }
}

export const throttleSubjects = (name: string, address: string) => [`name:${name.toLowerCase()}`, `addr:${address}`];
