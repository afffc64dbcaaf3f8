import type { Executor } from './connection.ts';
import { settle } from './global-concurrency-limits.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, formatNullable } from '../lib/time.ts';
import { POLL_FRESHNESS_MICROS } from './work-pools.ts';

/**
 * "Why is this run late / not starting?": the first of an ordered list of checks that
 * applies to a Scheduled or Pending flow run, from live facts, with the action that resolves
 * it. The order is the order an operator would look in: what a person switched off first,
 * then missing workers, then full slots, then time. A Running flow run is explained only when
 * limits hold its work: a task run waiting for a tag limit, or its code for a global limit.
 */

export type DelayCode =
  | 'deployment_paused'
  | 'work_pool_paused'
  | 'no_online_worker'
  | 'work_queue_paused'
  | 'work_pool_full'
  | 'work_queue_full'
  | 'tag_limit_full'
  | 'global_limit_full'
  | 'queue_not_polled'
  | 'awaiting_retry'
  | 'scheduled_later'
  | 'pending_start';

export type DelayAction =
  | { kind: 'resume_deployment'; deployment_id: string }
  | { kind: 'resume_work_pool'; work_pool_name: string }
  | { kind: 'resume_work_queue'; work_queue_id: string; work_queue_name: string; work_pool_name: string }
  | { kind: 'open_work_pool'; work_pool_name: string }
  | { kind: 'open_global_limits' }
  | { kind: 'show_runs'; flow_run_ids: string[] };

export interface DelayExplanation {
  code: DelayCode;
  /** One sentence: what holds the run. */
  title: string;
  /** The facts behind it. */
  detail: string;
  /** Past its expected start (late) rather than waiting for a time still ahead. */
  late: boolean;
  action: DelayAction | null;
}

interface Facts {
  now: number;
  run: { id: string; state_type: string | null; state_name: string | null; expected_start_time: number | null; next_scheduled_start_time: number | null; work_queue_id: string | null; deployment_id: string | null };
  dueAt: number | null;
  deployment: { id: string; name: string; paused: number } | null;
  queue: { id: string; name: string; is_paused: number; concurrency_limit: number | null; last_polled: number | null } | null;
  pool: { id: string; name: string; is_paused: number; concurrency_limit: number | null; type: string } | null;
  workers: { name: string; last_heartbeat_time: number; heartbeat_interval_seconds: number | null }[];
  poolActive: { id: string; name: string }[];
  queueActive: { id: string; name: string }[];
  /** Tag limits that are full while a Pending task run of this run carries their tag (Running runs only). */
  tagHolds: { task: string; tag: string; limit: number; holders: { id: string; name: string }[] }[];
  /** Full global limits this run's code was refused (Running runs only). */
  globalHolds: { name: string; limit: number; taken: number; since: number }[];
}

const ACTIVE = ['RUNNING', 'PENDING', 'CANCELLING'];
const online = (w: Facts['workers'][number], now: number) => w.last_heartbeat_time >= now - 3 * (w.heartbeat_interval_seconds ?? 30) * 1e6;
const names = (runs: { name: string }[], total: number) => `${runs.slice(0, 3).map((r) => r.name).join(', ')}${total > 3 ? ` and ${total - 3} more` : ''}`;

type Check = (f: Facts) => Omit<DelayExplanation, 'late'> | null;

const tagLimitFull: Check = ({ tagHolds }) => {
  const [hold] = tagHolds;
  if (!hold) return null;
  return {
    code: 'tag_limit_full',
    title: `Task run ${hold.task} waits for the concurrency limit on tag ${hold.tag}: ${hold.holders.length} of ${hold.limit} slots taken.`,
    detail: hold.holders.length ? `Held by task runs of ${names(hold.holders, hold.holders.length)}.` : 'Raise the limit or reset its slots on the Concurrency limits page.',
    action: hold.holders.length ? { kind: 'show_runs', flow_run_ids: hold.holders.map((r) => r.id) } : null,
  };
};

const globalLimitFull: Check = ({ globalHolds }) => {
  const [hold] = globalHolds;
  if (!hold) return null;
  return {
    code: 'global_limit_full',
    title: `Waiting for global concurrency limit ${hold.name}: ${hold.taken} of ${hold.limit} slots taken.`,
    detail: `Its code asked for slots at ${formatDateTime(hold.since)} and was refused; it gets them as others give theirs back.`,
    action: { kind: 'open_global_limits' },
  };
};

/** What holds a Running run's work. */
const HOLDS: Check[] = [tagLimitFull, globalLimitFull];

/** The checks, in order; the first that applies explains the delay. */
const CHECKS: Check[] = [
  ({ deployment }) =>
    deployment?.paused
      ? { code: 'deployment_paused', title: `Deployment ${deployment.name} is paused.`, detail: 'A paused deployment keeps its runs from being handed to workers.', action: { kind: 'resume_deployment', deployment_id: deployment.id } }
      : null,
  ({ pool }) =>
    pool?.is_paused ? { code: 'work_pool_paused', title: `Work pool ${pool.name} is paused.`, detail: 'Workers get no runs from a paused pool.', action: { kind: 'resume_work_pool', work_pool_name: pool.name } } : null,
  ({ pool, workers, now }) => {
    if (!pool || workers.some((w) => online(w, now))) return null;
    const last = workers.reduce<number | null>((max, w) => (max === null || w.last_heartbeat_time > max ? w.last_heartbeat_time : max), null);
    return {
      code: 'no_online_worker',
      title: `Work pool ${pool.name} has no online worker.`,
      detail: last === null ? `No worker has ever polled it. Start one: syntask worker start --pool ${pool.name}.` : `The last heartbeat of a worker came at ${formatDateTime(last)}.`,
      action: { kind: 'open_work_pool', work_pool_name: pool.name },
    };
  },
  ({ queue, pool }) =>
    queue?.is_paused && pool
      ? { code: 'work_queue_paused', title: `Work queue ${queue.name} of pool ${pool.name} is paused.`, detail: 'Workers skip paused queues.', action: { kind: 'resume_work_queue', work_queue_id: queue.id, work_queue_name: queue.name, work_pool_name: pool.name } }
      : null,
  ({ pool, poolActive }) =>
    pool?.concurrency_limit !== null && pool && poolActive.length >= pool.concurrency_limit!
      ? {
          code: 'work_pool_full',
          title: `Work pool ${pool.name} is full: ${poolActive.length} of ${pool.concurrency_limit} runs at once.`,
          detail: `Held by ${names(poolActive, poolActive.length)}.`,
          action: { kind: 'show_runs', flow_run_ids: poolActive.map((r) => r.id) },
        }
      : null,
  ({ queue, queueActive }) =>
    queue?.concurrency_limit !== null && queue && queueActive.length >= queue.concurrency_limit!
      ? {
          code: 'work_queue_full',
          title: `Work queue ${queue.name} is full: ${queueActive.length} of ${queue.concurrency_limit} runs at once.`,
          detail: `Held by ${names(queueActive, queueActive.length)}.`,
          action: { kind: 'show_runs', flow_run_ids: queueActive.map((r) => r.id) },
        }
      : null,
  tagLimitFull,
  globalLimitFull,
  ({ queue, pool, now, run }) =>
    queue && pool && run.state_type === 'SCHEDULED' && (queue.last_polled === null || queue.last_polled < now - POLL_FRESHNESS_MICROS)
      ? {
          code: 'queue_not_polled',
          title: `No worker polls work queue ${queue.name}.`,
          detail: `Pool ${pool.name} has online workers, but they poll other queues${queue.last_polled === null ? '' : ` (this one last at ${formatDateTime(queue.last_polled)})`}. Start one with --work-queue ${queue.name}.`,
          action: { kind: 'open_work_pool', work_pool_name: pool.name },
        }
      : null,
  ({ run, dueAt, now }) =>
    run.state_type === 'SCHEDULED' && run.state_name === 'AwaitingRetry'
      ? { code: 'awaiting_retry', title: `Waiting to retry${dueAt !== null && dueAt > now ? ` until ${formatDateTime(dueAt)}` : ''}.`, detail: 'An earlier attempt failed and the flow has retries left.', action: null }
      : null,
  ({ run, dueAt, now }) =>
    run.state_type === 'SCHEDULED' && dueAt !== null && dueAt > now ? { code: 'scheduled_later', title: `Scheduled for ${formatDateTime(dueAt)}.`, detail: 'Nothing holds it: it starts then.', action: null } : null,
  ({ run }) =>
    run.state_type === 'PENDING'
      ? { code: 'pending_start', title: 'A worker claimed it and is starting it.', detail: 'Pending until its process reports Running; a process that never starts is marked Crashed by the worker.', action: null }
      : null,
];

async function loadFacts(db: Executor, runId: string, now: number): Promise<Facts | null> {
  const run = await db
    .selectFrom('flow_run')
    .select(['id', 'state_type', 'state_name', 'expected_start_time', 'next_scheduled_start_time', 'work_queue_id', 'deployment_id'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) return null;
  const state = run.state_type === 'SCHEDULED' ? await db.selectFrom('flow_run_state').select('state_details').where('flow_run_id', '=', runId).orderBy('timestamp', 'desc').limit(1).executeTakeFirst() : undefined;
  const scheduled = fromJson<{ scheduled_time?: string }>(state?.state_details, {}).scheduled_time;
  const dueAt = scheduled ? Date.parse(scheduled) * 1000 : (run.next_scheduled_start_time ?? run.expected_start_time);
  const deployment = run.deployment_id ? ((await db.selectFrom('deployment').select(['id', 'name', 'paused']).where('id', '=', run.deployment_id).executeTakeFirst()) ?? null) : null;
  const queue = run.work_queue_id ? ((await db.selectFrom('work_queue').select(['id', 'name', 'is_paused', 'concurrency_limit', 'last_polled', 'work_pool_id']).where('id', '=', run.work_queue_id).executeTakeFirst()) ?? null) : null;
  const pool = queue ? ((await db.selectFrom('work_pool').select(['id', 'name', 'is_paused', 'concurrency_limit', 'type']).where('id', '=', queue.work_pool_id).executeTakeFirst()) ?? null) : null;
  const workers = pool ? await db.selectFrom('worker').select(['name', 'last_heartbeat_time', 'heartbeat_interval_seconds']).where('work_pool_id', '=', pool.id).execute() : [];
  const active = (column: 'work_queue.work_pool_id' | 'flow_run.work_queue_id', id: string) =>
    db
      .selectFrom('flow_run')
      .innerJoin('work_queue', 'work_queue.id', 'flow_run.work_queue_id')
      .select(['flow_run.id', 'flow_run.name'])
      .where(column, '=', id)
      .where('flow_run.state_type', 'in', ACTIVE)
      .where('flow_run.id', '!=', runId)
      .orderBy('flow_run.start_time')
      .limit(200)
      .execute();
  const running = run.state_type === 'RUNNING';
  return {
    now,
    run,
    dueAt,
    tagHolds: running ? await tagHolds(db, runId) : [],
    globalHolds: running ? await globalHolds(db, runId, now) : [],
    deployment,
    queue,
    pool,
    workers,
    poolActive: pool?.concurrency_limit != null ? await active('work_queue.work_pool_id', pool.id) : [],
    queueActive: queue?.concurrency_limit != null ? await active('flow_run.work_queue_id', queue.id) : [],
  };
}

async function tagHolds(db: Executor, runId: string): Promise<Facts['tagHolds']> {
  const waiting = await db.selectFrom('task_run').select(['id', 'name', 'tags']).where('flow_run_id', '=', runId).where('state_type', '=', 'PENDING').limit(200).execute();
  const tags = [...new Set(waiting.flatMap((t) => fromJson<string[]>(t.tags, [])))];
  if (tags.length === 0) return [];
  const limits = await db.selectFrom('concurrency_limit').select(['tag', 'concurrency_limit', 'active_slots']).where('tag', 'in', tags).orderBy('tag').execute();
  const holds: Facts['tagHolds'] = [];
  for (const limit of limits) {
    const slots = fromJson<string[]>(limit.active_slots, []);
    const task = waiting.find((t) => fromJson<string[]>(t.tags, []).includes(limit.tag) && !slots.includes(t.id));
    if (!task || slots.length < limit.concurrency_limit) continue;
    const holders = slots.length
      ? await db.selectFrom('task_run').innerJoin('flow_run', 'flow_run.id', 'task_run.flow_run_id').select(['flow_run.id', 'flow_run.name']).where('task_run.id', 'in', slots.slice(0, 200)).execute()
      : [];
    holds.push({ task: task.name, tag: limit.tag, limit: limit.concurrency_limit, holders: [...new Map(holders.map((h) => [h.id, h])).values()] });
  }
  return holds;
}

async function globalHolds(db: Executor, runId: string, now: number): Promise<Facts['globalHolds']> {
  const rows = await db
    .selectFrom('concurrency_limit_v2_waiter as w')
    .innerJoin('concurrency_limit_v2 as l', 'l.id', 'w.limit_id')
    .select(['l.name', 'l.limit', 'l.active', 'l.active_slots', 'l.slot_decay_per_second', 'l.slots_decayed_at', 'w.since'])
    .where('w.flow_run_id', '=', runId)
    .orderBy('l.name')
    .execute();
  // A limit that has a free slot again no longer holds the run (it takes it at its next try).
  return rows.map((r) => ({ name: r.name, limit: r.limit, taken: Math.ceil(settle(r, now).active_slots), since: r.since, active: r.active })).filter((r) => r.active && r.taken >= r.limit);
}

/** `null` for a run that is neither waiting to start nor held by a limit while Running, or does not exist. */
export async function explainDelay(db: Executor, runId: string, now: number): Promise<DelayExplanation | null> {
  const facts = await loadFacts(db, runId, now);
  if (!facts) return null;
  if (facts.run.state_type === 'RUNNING') {
    const held = HOLDS.map((check) => check(facts)).find(Boolean);
    return held ? { ...held, late: false } : null;
  }
  if (facts.run.state_type !== 'SCHEDULED' && facts.run.state_type !== 'PENDING') return null;
  const late = facts.dueAt !== null && facts.dueAt <= now;
  for (const check of CHECKS) {
    const found = check(facts);
    if (found) return { ...found, late };
  }
  return { code: 'scheduled_later', title: `Due ${formatNullable(facts.dueAt) ?? 'now'}.`, detail: 'Nothing holds it: a worker polling its queue picks it up at its next poll.', late, action: null };
}
