import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { POLL_FRESHNESS_MICROS } from '../db/work-pools.ts';
import { nowMicros } from '../lib/time.ts';

/** Worker, pool, queue and deployment status from heartbeats and polls (contract §6). */
export async function keepStatuses(ctx: AppContext): Promise<void> {
  const now = nowMicros();
  // Explicit bigints: PostgreSQL would type the parameter as integer and overflow.
  const silent = sql<boolean>`last_heartbeat_time < cast(${now} as bigint) - 3 * cast(coalesce(heartbeat_interval_seconds, 30) as bigint) * 1000000`;
  await ctx.db.transaction(async (trx) => {
    await trx.updateTable('worker').set({ status: 'OFFLINE', updated: now }).where('status', '=', 'ONLINE').where(silent).execute();
    await trx
      .updateTable('work_pool')
      .set({ status: 'NOT_READY', updated: now })
      .where('status', '=', 'READY')
      .where(sql<boolean>`not exists (select 1 from worker w where w.work_pool_id = work_pool.id and w.last_heartbeat_time >= cast(${now} as bigint) - 3 * cast(coalesce(w.heartbeat_interval_seconds, 30) as bigint) * 1000000)`)
      .execute();
    const stale = now - POLL_FRESHNESS_MICROS;
    await trx
      .updateTable('deployment')
      .set({ status: 'NOT_READY' })
      .where('status', '=', 'READY')
      .where((eb) => eb.or([eb('last_polled', 'is', null), eb('last_polled', '<', stale)]))
      .where(sql<boolean>`not exists (select 1 from work_queue q where q.id = deployment.work_queue_id and q.last_polled >= ${stale})`)
      .execute();
    await trx
      .updateTable('work_queue')
      .set({ status: 'NOT_READY' })
      .where('status', '=', 'READY')
      .where((eb) => eb.or([eb('last_polled', 'is', null), eb('last_polled', '<', stale)]))
      .execute();
  });
}
