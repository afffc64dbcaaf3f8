import type { AppContext } from '../context.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { claimed, proposeForClaimed } from './claims.ts';

export const NEVER_RESUMED = 'The flow was paused and never resumed.';

/** Paused runs past their pause timeout fail (forced); each is claimed, so it fails once. */
export async function expirePauses(ctx: AppContext): Promise<number> {
  const now = nowMicros();
  const rows = await ctx.db.kysely
    .selectFrom('flow_run')
    .innerJoin('flow_run_state as s', 's.id', 'flow_run.state_id')
    .select(['flow_run.id', 's.state_details'])
    .where('flow_run.state_type', '=', 'PAUSED')
    .execute();
  const expired = rows
    .filter((row) => {
      const timeout = (JSON.parse(row.state_details) as { pause_timeout?: string | null }).pause_timeout;
      return timeout && parseDateTime(timeout)! <= now;
    })
    .map((row) => row.id);
  if (expired.length === 0) return 0;
  // Still paused once locked: a resume that won the race keeps its run.
  const { written } = await proposeForClaimed(
    ctx,
    (trx) => claimed(ctx.db, trx.selectFrom('flow_run').select('id').where('id', 'in', expired).where('state_type', '=', 'PAUSED')).execute(),
    (row) => ({ kind: 'flow', runId: row.id, state: newState('FAILED', 'Failed', nowMicros(), { message: NEVER_RESUMED }), options: { force: true } }),
  );
  return written;
}
