import { randomUUID } from 'node:crypto';
import type { ReceivedEventT, ResourceT } from '../api/models/events.ts';
import type { Db } from '../db/connection.ts';
import { formatDateTime, nowMicros, parseDateTime } from '../lib/time.ts';

export type StatusKind = 'work-pool' | 'work-queue' | 'deployment';
export type Status = 'READY' | 'NOT_READY' | 'PAUSED';

/** A status a write changed (a poll, a heartbeat, a pause, the status keeper); turned into an event after commit. */
export interface StatusChange {
  kind: StatusKind;
  id: string;
  status: Status;
}

const NAME: Record<Status, string> = { READY: 'ready', NOT_READY: 'not-ready', PAUSED: 'paused' };
const FOLLOWS_WINDOW = 10 * 60 * 1_000_000;

const res = (kind: string, id: string, name: string, role?: string): ResourceT => ({ 'syntask.resource.id': `syntask.${kind}.${id}`, 'syntask.resource.name': name, ...(role ? { 'syntask.resource.role': role } : {}) });

async function poolRelated(db: Db, poolId: string): Promise<ResourceT | null> {
  const pool = await db.kysely.selectFrom('work_pool').select(['id', 'name', 'type']).where('id', '=', poolId).executeTakeFirst();
  return pool ? { ...res('work-pool', pool.id, pool.name, 'work-pool'), 'syntask.work-pool.type': pool.type } : null;
}

/** The previous status event of a pool, for `follows` when it came less than 10 minutes ago. */
async function previousPoolEvent(db: Db, poolId: string, now: number) {
  const prev = await db.kysely
    .selectFrom('event')
    .select(['id', 'occurred'])
    .where('resource_id', '=', `syntask.work-pool.${poolId}`)
    .where('event', 'in', ['syntask.work-pool.ready', 'syntask.work-pool.not-ready', 'syntask.work-pool.paused'])
    .orderBy('occurred', 'desc')
    .limit(1)
    .executeTakeFirst();
  return prev && now - Number(prev.occurred) < FOLLOWS_WINDOW ? prev.id : null;
}

/** Deployment, work-queue and work-pool status events (A2.2), read after the change committed. */
export async function statusEvents(db: Db, changes: StatusChange[]): Promise<ReceivedEventT[]> {
  const now = nowMicros();
  const at = formatDateTime(now);
  const out: ReceivedEventT[] = [];
  const base = (event: string, resource: ResourceT, related: ResourceT[], follows: string | null = null): ReceivedEventT => ({ occurred: at, event, resource, related, payload: {}, id: randomUUID(), follows, received: at });
  for (const c of changes) {
    const event = `syntask.${c.kind}.${NAME[c.status]}`;
    if (c.kind === 'work-pool') {
      const pool = await poolRelated(db, c.id);
      if (!pool) continue;
      const { 'syntask.resource.role': _role, ...resource } = pool;
      out.push(base(event, resource, [], await previousPoolEvent(db, c.id, now)));
    } else if (c.kind === 'work-queue') {
      const queue = await db.kysely.selectFrom('work_queue').select(['id', 'name', 'work_pool_id']).where('id', '=', c.id).executeTakeFirst();
      if (!queue) continue;
      const pool = await poolRelated(db, queue.work_pool_id);
      // The primary resource carries a role: a Syntask 2 quirk kept for compatibility.
      out.push(base(event, res('work-queue', queue.id, queue.name, 'work-queue'), pool ? [pool] : []));
    } else {
      const d = await db.kysely
        .selectFrom('deployment as d')
        .innerJoin('flow as f', 'f.id', 'd.flow_id')
        .leftJoin('work_queue as q', 'q.id', 'd.work_queue_id')
        .select(['d.id', 'd.name', 'f.id as flow_id', 'f.name as flow_name', 'q.id as queue_id', 'q.name as queue_name', 'q.work_pool_id'])
        .where('d.id', '=', c.id)
        .executeTakeFirst();
      if (!d) continue;
      const related: ResourceT[] = [res('flow', d.flow_id, d.flow_name, 'flow')];
      if (d.queue_id) related.push(res('work-queue', d.queue_id, d.queue_name!, 'work-queue'));
      const pool = d.work_pool_id ? await poolRelated(db, d.work_pool_id) : null;
      if (pool) related.push(pool);
      out.push(base(event, res('deployment', d.id, d.name), related));
    }
  }
  // Chronological within one batch: each later event is stamped a microsecond later.
  out.forEach((e, i) => (e.occurred = e.received = formatDateTime(parseDateTime(at)! + i)));
  return out;
}
