import type { AppContext } from '../context.ts';
import { nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { LATE_RUN_POLICY } from '../orchestration/policies.ts';
import { setRunState } from '../orchestration/set-state.ts';
import { ObjectNotFound } from '../errors.ts';
import { formatDateTime } from '../lib/time.ts';

/** Scheduled runs well past their time become `Late` (same scheduled time), through the late-run policy. */
export async function markLateRuns(ctx: AppContext): Promise<number> {
  const now = nowMicros();
  const cutoff = now - ctx.settings.services.lateRuns.afterSeconds * 1e6;
  const rows = await ctx.db.kysely
    .selectFrom('flow_run')
    .select(['id', 'next_scheduled_start_time'])
    .where('state_type', '=', 'SCHEDULED')
    .where('state_name', '=', 'Scheduled')
    .where('next_scheduled_start_time', '<=', cutoff)
    .orderBy('next_scheduled_start_time')
    .limit(500)
    .execute();
  let marked = 0;
  for (const row of rows) {
    const proposal = newState('SCHEDULED', 'Late', nowMicros(), { details: { scheduled_time: formatDateTime(row.next_scheduled_start_time!) } });
    try {
      const outcome = await setRunState(ctx, 'flow', row.id, proposal, { policy: LATE_RUN_POLICY });
      if (outcome.written) marked += 1;
    } catch (err) {
      if (!(err instanceof ObjectNotFound)) throw err;
    }
  }
  return marked;
}
