import type { ReceivedEventT } from '../api/models/events.ts';
import type { Executor } from '../db/connection.ts';
import { fromJson, toJson } from '../lib/json.ts';
import type { Bucket, ChildFiring, TriggerStore } from './evaluator.ts';

const cacheKey = (triggerId: string, key: string) => `${triggerId}\u0000${key}`;

/**
 * Trigger state in the database, read through a cache for one transaction and written back
 * by `flush`: a batch of events touching one window costs one read and one write.
 */
export class DbTriggerStore implements TriggerStore {
  private readonly cache = new Map<string, { automationId: string | null; triggerId: string; key: string; bucket: Bucket | null; dirty: boolean }>();
  private readonly kids = new Map<string, { automationId: string | null; children: ChildFiring[]; dirty: boolean }>();

  constructor(private readonly trx: Executor) {}

  async load(triggerId: string, key: string): Promise<Bucket | null> {
    const k = cacheKey(triggerId, key);
    const hit = this.cache.get(k);
    if (hit) return hit.bucket;
    const row = await this.trx.selectFrom('automation_bucket').selectAll().where('trigger_id', '=', triggerId).where('bucketing_key', '=', key).executeTakeFirst();
    const bucket = row ? { start: Number(row.start), end: Number(row.end), count: row.count, lastEvent: fromJson<ReceivedEventT | null>(row.last_event, null), eventIds: fromJson<string[]>(row.event_ids, []) } : null;
    this.cache.set(k, { automationId: row?.automation_id ?? null, triggerId, key, bucket, dirty: false });
    return bucket;
  }

  save(automationId: string, triggerId: string, key: string, bucket: Bucket | null): void {
    this.cache.set(cacheKey(triggerId, key), { automationId, triggerId, key, bucket, dirty: true });
  }

  async due(triggerId: string, now: number, threshold: number): Promise<string[]> {
    const stored = await this.trx
      .selectFrom('automation_bucket')
      .select('bucketing_key')
      .where('trigger_id', '=', triggerId)
      .where((eb) => eb.or([eb('end', '<=', now), eb('count', '>=', threshold)]))
      .execute();
    const keys = new Set(stored.map((r) => r.bucketing_key));
    // What this transaction changed wins over what the table says.
    for (const c of this.cache.values()) {
      if (c.triggerId !== triggerId || !c.dirty) continue;
      if (c.bucket && (c.bucket.end <= now || c.bucket.count >= threshold)) keys.add(c.key);
      else keys.delete(c.key);
    }
    return [...keys];
  }

  async sweep(triggerIds: string[], endedBefore: number): Promise<void> {
    await this.flush();
    await this.trx.deleteFrom('automation_bucket').where('trigger_id', 'in', triggerIds).where('end', '<', endedBefore).execute();
    for (const [k, c] of this.cache) if (triggerIds.includes(c.triggerId) && c.bucket && c.bucket.end < endedBefore) this.cache.delete(k);
  }

  async children(parentId: string): Promise<ChildFiring[]> {
    const hit = this.kids.get(parentId);
    if (hit) return hit.children;
    const rows = await this.trx.selectFrom('automation_child_firing').selectAll().where('parent_trigger_id', '=', parentId).execute();
    const children = rows.map((r) => ({ childTriggerId: r.child_trigger_id, firing: fromJson(r.firing, null as never) }));
    this.kids.set(parentId, { automationId: rows[0]?.automation_id ?? null, children, dirty: false });
    return children;
  }

  saveChildren(automationId: string, parentId: string, children: ChildFiring[]): void {
    this.kids.set(parentId, { automationId, children, dirty: true });
  }

  /** Writes what changed. */
  async flush(): Promise<void> {
    for (const c of this.cache.values()) {
      if (!c.dirty) continue;
      c.dirty = false;
      await this.trx.deleteFrom('automation_bucket').where('trigger_id', '=', c.triggerId).where('bucketing_key', '=', c.key).execute();
      if (!c.bucket) continue;
      const b = c.bucket;
      await this.trx
        .insertInto('automation_bucket')
        .values({ automation_id: c.automationId!, trigger_id: c.triggerId, bucketing_key: c.key, start: b.start, end: b.end, count: b.count, last_event: b.lastEvent ? toJson(b.lastEvent) : null, event_ids: toJson(b.eventIds) })
        .execute();
    }
    for (const [parentId, k] of this.kids) {
      if (!k.dirty) continue;
      k.dirty = false;
      await this.trx.deleteFrom('automation_child_firing').where('parent_trigger_id', '=', parentId).execute();
      if (k.children.length === 0) continue;
      await this.trx
        .insertInto('automation_child_firing')
        .values(k.children.map((c) => ({ automation_id: k.automationId!, parent_trigger_id: parentId, child_trigger_id: c.childTriggerId, fired: c.firing.fired, firing: toJson(c.firing) })))
        .execute();
    }
  }
}
