import type { AppContext } from '../context.ts';
import { nowMicros } from '../lib/time.ts';

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];

/**
 * Deletes finished flow runs older than SYNTASK_RETENTION_DAYS with their task runs,
 * states and logs, a small batch per transaction so the database stays responsive.
 */
export async function enforceRetention(ctx: AppContext): Promise<number> {
  const { days, batchSize } = ctx.settings.services.retention;
  if (!(days > 0)) return 0;
  const cutoff = nowMicros() - days * 86_400_000_000;
  const k = ctx.db.kysely;
  let deleted = 0;
  for (;;) {
    const ids = (
      await k
        .selectFrom('flow_run')
        .select('id')
        .where('state_type', 'in', TERMINAL)
        .where((eb) => eb.or([eb('end_time', '<', cutoff), eb.and([eb('end_time', 'is', null), eb('state_timestamp', '<', cutoff)])]))
        .limit(batchSize)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    await ctx.db.transaction(async (trx) => {
      await trx.deleteFrom('log').where('flow_run_id', 'in', ids).execute();
      await trx.deleteFrom('log').where('task_run_id', 'in', trx.selectFrom('task_run').select('id').where('flow_run_id', 'in', ids)).execute();
      await trx.deleteFrom('flow_run').where('id', 'in', ids).execute();
    });
    deleted += ids.length;
  }
  // Logs of nobody's run (autonomous tasks, deleted runs) age out by their own timestamp.
  for (;;) {
    const res = await k
      .deleteFrom('log')
      .where('timestamp', '<', cutoff)
      .where((eb) => eb.or([eb('flow_run_id', 'is', null), eb.not(eb.exists(eb.selectFrom('flow_run').select('flow_run.id').whereRef('flow_run.id', '=', 'log.flow_run_id')))]))
      .where('id', 'in', k.selectFrom('log').select('id').where('timestamp', '<', cutoff).limit(batchSize))
      .executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) break;
  }
  return deleted;
}
