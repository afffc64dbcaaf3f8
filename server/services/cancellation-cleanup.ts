import type { AppContext } from '../context.ts';
import { ObjectNotFound } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { setRunState } from '../orchestration/set-state.ts';

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];
export const PARENT_CANCELLED = 'The parent flow run was cancelled.';

/**
 * Runs cancelled within the last day: their unfinished task runs become Cancelled, their
 * unfinished subflows Cancelling (a deployment's infrastructure must stop them) or Cancelled.
 */
export async function cleanUpCancellations(ctx: AppContext): Promise<number> {
  const k = ctx.db.kysely;
  const since = nowMicros() - 86_400_000_000;
  const cancelled = k.selectFrom('flow_run').select('id').where('state_type', '=', 'CANCELLED').where('state_timestamp', '>=', since);
  const tasks = await k
    .selectFrom('task_run')
    .select('id')
    .where('flow_run_id', 'in', cancelled)
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', 'not in', TERMINAL)]))
    .limit(1000)
    .execute();
  const subflows = await k
    .selectFrom('flow_run')
    .select(['id', 'deployment_id'])
    .where('parent_task_run_id', 'in', k.selectFrom('task_run').select('id').where('flow_run_id', 'in', cancelled))
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', 'not in', [...TERMINAL, 'CANCELLING'])]))
    .limit(1000)
    .execute();
  let changed = 0;
  const apply = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      changed += 1;
    } catch (err) {
      if (!(err instanceof ObjectNotFound)) throw err;
    }
  };
  for (const t of tasks) await apply(() => setRunState(ctx, 'task', t.id, newState('CANCELLED', 'Cancelled', nowMicros(), { message: PARENT_CANCELLED }), { force: true }));
  for (const f of subflows) {
    const state = f.deployment_id ? newState('CANCELLING', 'Cancelling', nowMicros(), { message: PARENT_CANCELLED }) : newState('CANCELLED', 'Cancelled', nowMicros(), { message: PARENT_CANCELLED });
    await apply(() => setRunState(ctx, 'flow', f.id, state, { force: true }));
  }
  return changed;
}
