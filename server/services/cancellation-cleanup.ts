import type { AppContext } from '../context.ts';
import { nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { claimed, proposeForClaimed } from './claims.ts';

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];
export const PARENT_CANCELLED = 'The parent flow run was cancelled.';

/**
 * Runs cancelled within the last day: their unfinished task runs become Cancelled, their
 * unfinished subflows Cancelling (a deployment's infrastructure must stop them) or Cancelled.
 * Rows are claimed with their condition re-checked, so each changes once across replicas.
 */
export async function cleanUpCancellations(ctx: AppContext): Promise<number> {
  const since = nowMicros() - 86_400_000_000;
  const cancelled = (k: AppContext['db']['kysely']) => k.selectFrom('flow_run').select('id').where('state_type', '=', 'CANCELLED').where('state_timestamp', '>=', since);
  const tasks = await proposeForClaimed(
    ctx,
    (trx) =>
      claimed(
        ctx.db,
        trx
          .selectFrom('task_run')
          .select('id')
          .where('flow_run_id', 'in', cancelled(trx))
          .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', 'not in', TERMINAL)]))
          .limit(1000),
      ).execute(),
    (t) => ({ kind: 'task', runId: t.id, state: newState('CANCELLED', 'Cancelled', nowMicros(), { message: PARENT_CANCELLED }), options: { force: true } }),
  );
  const subflows = await proposeForClaimed(
    ctx,
    (trx) =>
      claimed(
        ctx.db,
        trx
          .selectFrom('flow_run')
          .select(['id', 'deployment_id'])
          .where('parent_task_run_id', 'in', trx.selectFrom('task_run').select('id').where('flow_run_id', 'in', cancelled(trx)))
          .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', 'not in', [...TERMINAL, 'CANCELLING'])]))
          .limit(1000),
      ).execute(),
    (f) => {
      const state = f.deployment_id ? newState('CANCELLING', 'Cancelling', nowMicros(), { message: PARENT_CANCELLED }) : newState('CANCELLED', 'Cancelled', nowMicros(), { message: PARENT_CANCELLED });
      return { kind: 'flow', runId: f.id, state, options: { force: true } };
    },
  );
  return tasks.written + subflows.written;
}
