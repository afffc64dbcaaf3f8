import type { AppContext } from '../context.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { LATE_RUN_POLICY } from '../orchestration/policies.ts';
import { claimed, proposeForClaimed } from './claims.ts';

/** Runs claimed per transaction (row locks held briefly), and at most this many batches per pass. */
const BATCH = 50;
const MAX_BATCHES = 10;

/**
 * Scheduled runs well past their time become `Late` (same scheduled time), through the
 * late-run policy. Each run is claimed before it is marked, so with several replicas
 * every overdue run is marked exactly once.
 */
export async function markLateRuns(ctx: AppContext): Promise<number> {
  const cutoff = nowMicros() - ctx.settings.services.lateRuns.afterSeconds * 1e6;
  let marked = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { claimed: n, written } = await proposeForClaimed(
      ctx,
      (trx) =>
        claimed(
          ctx.db,
          trx
            .selectFrom('flow_run')
            .select(['id', 'next_scheduled_start_time'])
            .where('state_type', '=', 'SCHEDULED')
            .where('state_name', '=', 'Scheduled')
            .where('next_scheduled_start_time', '<=', cutoff)
            .orderBy('next_scheduled_start_time')
            .limit(BATCH),
        ).execute(),
      (row) => ({
        kind: 'flow',
        runId: row.id,
        state: newState('SCHEDULED', 'Late', nowMicros(), { details: { scheduled_time: formatDateTime(row.next_scheduled_start_time!) } }),
        options: { policy: LATE_RUN_POLICY },
      }),
    );
    marked += written;
    // A batch that wrote nothing would be claimed again: stop (the next pass retries).
    if (n < BATCH || written === 0) break;
  }
  return marked;
}
