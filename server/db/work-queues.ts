import type { Status, StatusChange } from '../events/status-events.ts';
import type { Selectable } from 'kysely';
import type { WorkQueueUpdateT } from '../api/models/work-pools.ts';
import { HttpError, ObjectNotFound } from '../errors.ts';
import { toJson } from '../lib/json.ts';
import { formatNullable, nowMicros, parseDateTime } from '../lib/time.ts';
import type { Executor } from './connection.ts';
import type { WorkQueueTable } from './schema.ts';
import { makeRoomForPriority, POLL_FRESHNESS_MICROS, selectQueues } from './work-pools.ts';

/**
 * Queue operations shared by pool queues (`/work_pools/{pool}/queues`, contract §3.6) and
 * legacy agent queues (`/work_queues`, §3.7): the same rows, addressed by name or by id.
 */

type QueueRow = Selectable<WorkQueueTable>;
/** The deprecated tag/deployment filter a legacy queue may carry; stored and returned as given. */
export type QueueFilter = { tags?: string[] | null; deployment_ids?: string[] | null };

export const legacyQueueNotFound = () => new HttpError(404, 'work queue not found');

/** Queue-scoped actions (status, get_runs) report a missing queue like orchestration does. */
export const queueIdNotFound = (id: string) => new ObjectNotFound(`Work queue with id ${id} not found`);

export async function readQueueById(db: Executor, id: string) {
  return selectQueues(db).where('work_queue.id', '=', id).executeTakeFirst();
}

export async function legacyQueueOr404(db: Executor, id: string) {
  return (await readQueueById(db, id)) ?? Promise.reject(legacyQueueNotFound());
}

/** PATCH: writes the keys sent; pausing → PAUSED, unpausing a PAUSED queue → READY if polled within 60 s. */
export async function updateQueue(trx: Executor, queue: QueueRow, body: WorkQueueUpdateT & { filter?: QueueFilter | null }): Promise<StatusChange[]> {
  const now = nowMicros();
  const set: Record<string, unknown> = { updated: now };
  if (body.name) set.name = body.name;
  if (body.description !== undefined) set.description = body.description ?? '';
  if (body.concurrency_limit !== undefined) set.concurrency_limit = body.concurrency_limit;
  if (body.last_polled !== undefined) set.last_polled = body.last_polled ? parseDateTime(body.last_polled) : null;
  if (body.filter !== undefined) set.filter = body.filter === null ? null : toJson(body.filter);
  if (body.priority !== undefined && body.priority !== null && body.priority !== queue.priority) {
    await makeRoomForPriority(trx, queue.work_pool_id, body.priority, queue.id);
    set.priority = body.priority;
  }
  if (body.is_paused !== undefined && body.is_paused !== null) {
    set.is_paused = body.is_paused ? 1 : 0;
    const lastPolled = (set.last_polled as number | null | undefined) ?? queue.last_polled;
    if (body.is_paused) set.status = 'PAUSED';
    else if (queue.status === 'PAUSED') set.status = lastPolled !== null && now - lastPolled < POLL_FRESHNESS_MICROS ? 'READY' : 'NOT_READY';
  }
  await trx.updateTable('work_queue').set(set).where('id', '=', queue.id).execute();
  return set.status !== undefined && set.status !== queue.status ? [{ kind: 'work-queue', id: queue.id, status: set.status as Status }] : [];
}

/** Runs and deployments of the queue lose it (§3.17); a pool's default queue stays. */
export async function deleteQueue(trx: Executor, queue: QueueRow) {
  const pool = await trx.selectFrom('work_pool').select('default_queue_id').where('id', '=', queue.work_pool_id).executeTakeFirst();
  if (pool?.default_queue_id === queue.id) throw new HttpError(400, "A work pool's default queue cannot be deleted.");
  await trx.updateTable('flow_run').set({ work_queue_id: null }).where('work_queue_id', '=', queue.id).execute();
  await trx.updateTable('deployment').set({ work_queue_id: null }).where('work_queue_id', '=', queue.id).execute();
  await trx.deleteFrom('work_queue').where('id', '=', queue.id).execute();
}

/** Contract §3.7 `status`: healthy = no `Late` runs and polled within the last 60 s. */
export async function queueHealth(db: Executor, id: string) {
  const queue = await db.selectFrom('work_queue').select('last_polled').where('id', '=', id).executeTakeFirst();
  if (!queue) throw queueIdNotFound(id);
  const { n } = await db
    .selectFrom('flow_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('work_queue_id', '=', id)
    .where('state_name', '=', 'Late')
    .executeTakeFirstOrThrow();
  const late = Number(n);
  const polledRecently = queue.last_polled !== null && nowMicros() - queue.last_polled <= POLL_FRESHNESS_MICROS;
  return {
    healthy: late === 0 && polledRecently,
    late_runs_count: late,
    last_polled: formatNullable(queue.last_polled),
    health_check_policy: { maximum_late_runs: 0, maximum_seconds_since_last_polled: POLL_FRESHNESS_MICROS / 1e6 },
  };
}
