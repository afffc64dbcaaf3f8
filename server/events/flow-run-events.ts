import type { ReceivedEventT } from '../api/models/events.ts';
import type { Db } from '../db/connection.ts';
import { fromJson } from '../lib/json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { StateRecord } from '../orchestration/context.ts';
import type { WrittenState } from '../orchestration/engine.ts';

type Related = ReceivedEventT['related'];

const FOLLOWS_WINDOW = 5 * 60 * 1_000_000;

const stateSummary = (s: StateRecord) => {
  const out: Record<string, string> = { type: s.type };
  if (s.name) out.name = s.name;
  if (s.message) out.message = s.message;
  if (s.type === 'PAUSED') out.pause_reschedule = s.details.pause_reschedule ? 'true' : 'false';
  return out;
};

/**
 * Related resources of a flow run for its state events (flow, deployment, queue, pool,
 * parent task, tags, creator), cached per run: a run's states come in bursts and these
 * rarely change.
 */
export class FlowRunRelations {
  private readonly cache = new Map<string, { at: number; related: Related }>();

  constructor(
    private readonly db: Db,
    private readonly ttlSeconds: number,
  ) {}

  async of(runId: string): Promise<Related | null> {
    const now = nowMicros();
    const hit = this.cache.get(runId);
    if (hit && now - hit.at < this.ttlSeconds * 1e6) return hit.related;
    const row = await this.db.kysely
      .selectFrom('flow_run as r')
      .innerJoin('flow as f', 'f.id', 'r.flow_id')
      .leftJoin('deployment as d', 'd.id', 'r.deployment_id')
      .leftJoin('work_queue as q', 'q.id', 'r.work_queue_id')
      .leftJoin('work_pool as p', 'p.id', 'q.work_pool_id')
      .leftJoin('task_run as t', 't.id', 'r.parent_task_run_id')
      .select(['f.id as flow_id', 'f.name as flow_name', 'f.tags as flow_tags', 'r.tags as run_tags', 'r.created_by', 'd.id as deployment_id', 'd.name as deployment_name', 'd.tags as deployment_tags'])
      .select(['q.id as queue_id', 'q.name as queue_name', 'p.id as pool_id', 'p.name as pool_name', 't.id as task_id', 't.name as task_name', 't.tags as task_tags'])
      .where('r.id', '=', runId)
      .executeTakeFirst();
    if (!row) return null;
    const related: Related = [{ 'syntask.resource.id': `syntask.flow.${row.flow_id}`, 'syntask.resource.role': 'flow', 'syntask.resource.name': row.flow_name }];
    if (row.deployment_id) related.push({ 'syntask.resource.id': `syntask.deployment.${row.deployment_id}`, 'syntask.resource.role': 'deployment', 'syntask.resource.name': row.deployment_name! });
    if (row.queue_id) related.push({ 'syntask.resource.id': `syntask.work-queue.${row.queue_id}`, 'syntask.resource.role': 'work-queue', 'syntask.resource.name': row.queue_name! });
    if (row.pool_id) related.push({ 'syntask.resource.id': `syntask.work-pool.${row.pool_id}`, 'syntask.resource.role': 'work-pool', 'syntask.resource.name': row.pool_name! });
    if (row.task_id) related.push({ 'syntask.resource.id': `syntask.task-run.${row.task_id}`, 'syntask.resource.role': 'task-run', 'syntask.resource.name': row.task_name! });
    const tags = new Set([row.run_tags, row.flow_tags, row.deployment_tags, row.task_tags].flatMap((t) => fromJson<string[]>(t ?? null, [])));
    for (const tag of [...tags].sort()) related.push({ 'syntask.resource.id': `syntask.tag.${tag}`, 'syntask.resource.role': 'tag' });
    const creator = fromJson<{ id?: string; type?: string; display_value?: string } | null>(row.created_by, null);
    const kind = creator?.type === 'DEPLOYMENT' ? 'deployment' : creator?.type === 'AUTOMATION' ? 'automation' : null;
    if (creator?.id && kind) {
      const r: Related[number] = { 'syntask.resource.id': `syntask.${kind}.${creator.id}`, 'syntask.resource.role': 'creator' };
      if (creator.display_value) r['syntask.resource.name'] = creator.display_value;
      related.push(r);
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(runId, { at: now, related });
    return related;
  }
}

const MAX_MESSAGE = 100_000;
const HALF = Math.floor((MAX_MESSAGE - 3) / 2);

/** A state message for an event label (A2.2): over 100 000 characters it keeps its start and end. Shared with the SDK's task-run events. */
export const truncateMiddle = (text: string) => (text.length <= MAX_MESSAGE ? text : `${text.slice(0, HALF)}...${text.slice(text.length - HALF)}`);

/** `syntask.flow-run.<state name>` for a written flow-run state (A2.2, example A8.1). */
export function flowRunStateEvent(w: WrittenState, related: Related): ReceivedEventT {
  const s = w.state;
  const prev = w.initial ?? null;
  const timestamp = formatDateTime(s.timestamp);
  return {
    occurred: timestamp,
    event: `syntask.flow-run.${s.name}`,
    resource: {
      'syntask.resource.id': `syntask.flow-run.${w.runId}`,
      'syntask.resource.name': w.runName ?? '',
      'syntask.state-message': truncateMiddle(s.message ?? ''),
      'syntask.state-name': s.name,
      'syntask.state-timestamp': timestamp,
      'syntask.state-type': s.type,
    },
    related,
    payload: { intended: { from: w.initialType, to: w.intendedType ?? s.type }, ...(prev ? { initial_state: stateSummary(prev) } : {}), validated_state: stateSummary(s) },
    id: s.id,
    follows: prev && Math.abs(s.timestamp - prev.timestamp) <= FOLLOWS_WINDOW ? prev.id : null,
    received: formatDateTime(nowMicros()),
  };
}
