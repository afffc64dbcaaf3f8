import type { AppContext } from '../context.ts';
import { ObjectNotFound } from '../errors.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { setRunState } from '../orchestration/set-state.ts';

export const NEVER_RESUMED = 'The flow was paused and never resumed.';

/** Paused runs past their pause timeout fail (forced). */
export async function expirePauses(ctx: AppContext): Promise<number> {
  const now = nowMicros();
  const rows = await ctx.db.kysely
    .selectFrom('flow_run')
    .innerJoin('flow_run_state as s', 's.id', 'flow_run.state_id')
    .select(['flow_run.id', 's.state_details'])
    .where('flow_run.state_type', '=', 'PAUSED')
    .execute();
  let failed = 0;
  for (const row of rows) {
    const timeout = (JSON.parse(row.state_details) as { pause_timeout?: string | null }).pause_timeout;
    if (!timeout || parseDateTime(timeout)! > now) continue;
    try {
      await setRunState(ctx, 'flow', row.id, newState('FAILED', 'Failed', nowMicros(), { message: NEVER_RESUMED }), { force: true });
      failed += 1;
    } catch (err) {
      if (!(err instanceof ObjectNotFound)) throw err;
    }
  }
  return failed;
}
