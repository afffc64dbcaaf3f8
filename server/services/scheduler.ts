import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { nowMicros } from '../lib/time.ts';
import type { Schedule } from '../lib/schedules/index.ts';
import { defaultWindow, generateScheduledRuns } from './scheduling.ts';

/**
 * One scheduler pass (contract §6): unpaused deployments with an active schedule that
 * have fewer than `minRuns` future auto-scheduled runs, or none beyond `minTime`, get
 * runs generated, in batches. `recentSeconds` limits it to recently changed deployments.
 */
export async function schedulerPass(ctx: AppContext, recentSeconds?: number): Promise<number> {
  const s = ctx.settings.services.scheduler;
  const now = nowMicros();
  const k = ctx.db.kysely;
  let lastId = '';
  let created = 0;
  const future = (extra: ReturnType<typeof sql>) =>
    sql`select count(*) from flow_run fr where fr.deployment_id = deployment.id and fr.auto_scheduled = 1 and fr.state_type = 'SCHEDULED' and fr.next_scheduled_start_time >= ${extra}`;
  for (;;) {
    let q = k
      .selectFrom('deployment')
      .selectAll()
      .where('paused', '=', 0)
      .where('id', '>', lastId)
      .where(sql<boolean>`exists (select 1 from deployment_schedule ds where ds.deployment_id = deployment.id and ds.active = 1)`)
      .where(sql<boolean>`((${future(sql`${now}`)}) < ${s.minRuns} or (${future(sql`${now + s.minTimeSeconds * 1e6}`)}) = 0)`)
      .orderBy('id')
      .limit(s.batchSize);
    if (recentSeconds !== undefined) q = q.where('updated', '>=', now - recentSeconds * 1e6);
    const deployments = await q.execute();
    if (deployments.length === 0) break;
    const ids = deployments.map((d) => d.id);
    const schedules = await k.selectFrom('deployment_schedule').select(['deployment_id', 'schedule']).where('deployment_id', 'in', ids).where('active', '=', 1).execute();
    await ctx.db.transaction(async (trx) => {
      for (const d of deployments) {
        const own = schedules.filter((r) => r.deployment_id === d.id).map((r) => JSON.parse(r.schedule) as Schedule);
        created += await generateScheduledRuns(trx, d, own, defaultWindow(now, s));
      }
    });
    lastId = ids[ids.length - 1];
    if (deployments.length < s.batchSize) break;
  }
  return created;
}
