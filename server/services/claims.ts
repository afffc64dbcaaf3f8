import type { Transaction } from 'kysely';
import { orchestrationEnv } from '../api/common.ts';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { ObjectNotFound } from '../errors.ts';
import type { RunKind, StateRecord } from '../orchestration/context.ts';
import { orchestrate, type OrchestrateOptions, type WrittenState } from '../orchestration/engine.ts';
import { emitWrites } from '../orchestration/set-state.ts';

/**
 * Services act on rows they claim: on PostgreSQL a locking read that skips rows another
 * replica (or a request) holds, re-checking the condition on the latest row version.
 * SQLite serializes transactions in one process, so its plain read is already a claim.
 */
export function claimed<Q extends { forUpdate(): Q; skipLocked(): Q }>(db: Db, query: Q): Q {
  return db.dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}

export interface Proposal {
  kind: RunKind;
  runId: string;
  state: StateRecord;
  options?: OrchestrateOptions;
}

/**
 * One transaction: `claim` picks and locks rows, each proposal is orchestrated in the same
 * transaction, listeners hear the writes after commit. A replica dying mid-way leaves the
 * batch untouched (rolled back) for the next pass. Returns how many proposals were written.
 */
export async function proposeForClaimed<R>(ctx: AppContext, claim: (trx: Transaction<Database>) => Promise<R[]>, propose: (row: R) => Proposal | null): Promise<{ claimed: number; written: number }> {
  const writes: WrittenState[] = [];
  let claimedRows = 0;
  let written = 0;
  await ctx.db.transaction(async (trx) => {
    const env = orchestrationEnv(ctx, trx);
    const rows = await claim(trx);
    claimedRows = rows.length;
    for (const row of rows) {
      const proposal = propose(row);
      if (!proposal) continue;
      try {
        const outcome = await orchestrate(env, proposal.kind, proposal.runId, proposal.state, proposal.options);
        if (outcome.written) written += 1;
        writes.push(...outcome.writes);
      } catch (err) {
        if (!(err instanceof ObjectNotFound)) throw err;
      }
    }
  });
  emitWrites(ctx, writes);
  return { claimed: claimedRows, written };
}
