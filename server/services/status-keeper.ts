import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { POLL_FRESHNESS_MICROS } from '../db/work-pools.ts';
import { nowMicros } from '../lib/time.ts';
import type { StatusChange } from '../events/status-events.ts';

/** Worker, pool, queue and deployment status from heartbeats and polls (contract §6). Answers how many rows changed (live lists refetch when any did). */
export async function keepStatuses(ctx: AppContext): Promise<number> {
  const now = nowMicros();
  // Explicit bigints: PostgreSQL would type the parameter as integer and overflow.
  const silent = sql<boolean>`last_heartbeat_time < cast(${now} as bigint) - 3 * cast(coalesce(heartbeat_interval_seconds, 30) as bigint) * 1000000`;
  const changes: StatusChange[] = [];
  const changed = await ctx.db.transaction(async (trx) => {
    const results = [];
    results.push(await trx.updateTable('worker').set({ status: 'OFFLINE', updated: now }).where('status', '=', 'ONLINE').where(silent).executeTakeFirst());
    const pools = await trx
      .updateTable('work_pool')
      .set({ status: 'NOT_READY', updated: now })
      .where('status', '=', 'READY')
      .where(
        sql<boolean>`not exists (select 1 from worker w where w.work_pool_id = work_pool.id and w.last_heartbeat_time >= cast(${now} as bigint) - 3 * cast(coalesce(w.heartbeat_interval_seconds, 30) as bigint) * 1000000)`,
      )
      .returning('id')
      .execute();
    const stale = now - POLL_FRESHNESS_MICROS;
    const deployments = await trx
      .updateTable('deployment')
      .set({ status: 'NOT_READY' })
      .where('status', '=', 'READY')
      .where((eb) => eb.or([eb('last_polled', 'is', null), eb('last_polled', '<', stale)]))
      .where(sql<boolean>`not exists (select 1 from work_queue q where q.id = deployment.work_queue_id and q.last_polled >= ${stale})`)
      .returning('id')
      .execute();
    const queues = await trx
      .updateTable('work_queue')
      .set({ status: 'NOT_READY' })
      .where('status', '=', 'READY')
      .where((eb) => eb.or([eb('last_polled', 'is', null), eb('last_polled', '<', stale)]))
      .returning('id')
      .execute();
    const notReady = (kind: StatusChange['kind'], rows: { id: string }[]) => rows.map((r): StatusChange => ({ kind, id: r.id, status: 'NOT_READY' }));
    changes.push(...notReady('work-pool', pools), ...notReady('work-queue', queues), ...notReady('deployment', deployments));
    return results.reduce((n, r) => n + Number(r.numUpdatedRows), 0) + changes.length;
  });
  ctx.eventLog.recordStatusChanges(changes);
  return changed;
}
