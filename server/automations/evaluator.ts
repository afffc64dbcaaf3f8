import type { AutomationT, EventTriggerT, TriggerT } from '../api/models/automations.ts';
import type { ReceivedEventT, ResourceT } from '../api/models/events.ts';
import { matchesSpec } from '../events/labels.ts';
import { parseDateTime } from '../lib/time.ts';

/**
 * Trigger evaluation (A6), free of storage and clocks: the live service runs it over queued
 * events with state in the database; the preview runs it over stored events with state in
 * memory. Times are epoch microseconds; reactive evaluation uses each event's `occurred`,
 * proactive checks the `now` they are given.
 */

export interface Bucket {
  start: number;
  end: number;
  count: number;
  lastEvent: ReceivedEventT | null;
  /** Events counted in this window (the firing's cause), newest last, capped. */
  eventIds: string[];
}

export interface Firing {
  triggerId: string;
  fired: number;
  labels: Record<string, string>;
  event: ReceivedEventT | null;
  causeEventIds: string[];
}

export interface ChildFiring {
  childTriggerId: string;
  firing: Firing;
}

/** Where buckets and remembered child firings live. `save(…, null)` deletes. */
export interface TriggerStore {
  load(triggerId: string, key: string): Promise<Bucket | null>;
  save(automationId: string, triggerId: string, key: string, bucket: Bucket | null): void;
  /** Keys of buckets that ended by `now` or reached `threshold`. */
  due(triggerId: string, now: number, threshold: number): Promise<string[]>;
  sweep(triggerIds: string[], endedBefore: number): Promise<void>;
  children(parentId: string): Promise<ChildFiring[]>;
  saveChildren(automationId: string, parentId: string, children: ChildFiring[]): void;
}

export interface AutomationFiring {
  automation: AutomationT;
  firing: Firing;
}

const MICROS = 1_000_000;
const LOOKBACK = 15 * 60 * MICROS;
export const SWEEP_AFTER = 60 * MICROS;
const MAX_CAUSES = 100;

type Composite = Exclude<TriggerT, EventTriggerT>;
interface Leaf {
  automation: AutomationT;
  trigger: EventTriggerT;
  /** Composite ancestors, nearest first. */
  parents: Composite[];
}

export const nameMatches = (patterns: string[], name: string) => patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name));

function labelValue(event: ReceivedEventT, label: string): string {
  if (label.startsWith('related:')) {
    const [, role, ...rest] = label.split(':');
    const r = event.related.find((x) => x['syntask.resource.role'] === role);
    return r?.[rest.join(':')] ?? '';
  }
  return Object.hasOwn(event.resource, label) ? event.resource[label] : '';
}

const sortedLabels = (t: EventTriggerT) => [...(t.for_each ?? [])].sort();
const keyOf = (t: EventTriggerT, event: ReceivedEventT) => JSON.stringify(sortedLabels(t).map((l) => labelValue(event, l)));
function labelsOf(t: EventTriggerT, key: string): Record<string, string> {
  const values = JSON.parse(key) as string[];
  return Object.fromEntries(sortedLabels(t).map((l, i) => [l, values[i] ?? '']));
}

/** A2.1 / A6.2: `match` on the primary resource, `match_related` on some related one, the name in `expect ∪ after` (any when `expect` is empty). */
export function covers(t: EventTriggerT, event: ReceivedEventT): boolean {
  if (!matchesSpec(t.match, event.resource)) return false;
  if (t.match_related && Object.keys(t.match_related).length && !event.related.some((r: ResourceT) => matchesSpec(t.match_related, r))) return false;
  return !t.expect?.length || nameMatches([...t.expect, ...(t.after ?? [])], event.event);
}

/** An automation's own triggered and action events never trigger it again (it would loop, nesting each event in the next). */
const aboutItself = (a: AutomationT, event: ReceivedEventT) => event.resource['syntask.resource.id'] === `syntask.automation.${a.id}`;

const expects = (t: EventTriggerT, event: ReceivedEventT) => !t.expect?.length || nameMatches(t.expect, event.event);
const isAfter = (t: EventTriggerT, event: ReceivedEventT) => Boolean(t.after?.length) && nameMatches(t.after!, event.event);
const withCause = (ids: string[], id: string) => [...ids, id].slice(-MAX_CAUSES);
const empty = (start: number, end: number): Bucket => ({ start, end, count: 0, lastEvent: null, eventIds: [] });

export class TriggerEngine {
  private readonly leaves: Leaf[] = [];

  constructor(readonly automations: AutomationT[]) {
    const walk = (automation: AutomationT, t: TriggerT, parents: Composite[]) => {
      if (t.type === 'event') this.leaves.push({ automation, trigger: t, parents });
      else for (const child of t.triggers) walk(automation, child, [t, ...parents]);
    };
    for (const a of automations) if (a.enabled) walk(a, a.trigger, []);
  }

  get empty() {
    return this.leaves.length === 0;
  }

  /** Some enabled trigger covers the event (only such events are queued for evaluation). */
  coversAny(event: ReceivedEventT): boolean {
    return this.leaves.some((l) => covers(l.trigger, event));
  }

  async evaluateEvent(event: ReceivedEventT, store: TriggerStore): Promise<AutomationFiring[]> {
    const out: AutomationFiring[] = [];
    for (const leaf of this.leaves) {
      if (!covers(leaf.trigger, event) || aboutItself(leaf.automation, event)) continue;
      const fired = leaf.trigger.posture === 'Reactive' ? await this.react(leaf, event, store) : await this.observe(leaf, event, store);
      if (fired) {
        const top = await this.propagate(leaf, fired, store);
        if (top) out.push({ automation: leaf.automation, firing: top });
      }
    }
    return out;
  }

  /** A6.3. */
  private async react(leaf: Leaf, event: ReceivedEventT, store: TriggerStore): Promise<Firing | null> {
    const t = leaf.trigger;
    const at = parseDateTime(event.occurred)!;
    const within = t.within * MICROS;
    const key = keyOf(t, event);
    let b = await store.load(t.id, key);
    if (t.after?.length) {
      // A window opens on an `after` event; one that is also expected opens it at -1, so it does not count itself.
      if (!b) {
        if (!isAfter(t, event)) return null;
        b = { ...empty(at, at + within), count: expects(t, event) ? -1 : 0 };
      }
      if (expects(t, event)) {
        if (within > 0 && at >= b.end) {
          store.save(leaf.automation.id, t.id, key, null);
          return null;
        }
        b = { ...b, count: b.count + 1, lastEvent: event, eventIds: withCause(b.eventIds, event.id) };
        if (b.count >= t.threshold) {
          store.save(leaf.automation.id, t.id, key, null);
          return { triggerId: t.id, fired: at, labels: labelsOf(t, key), event, causeEventIds: b.eventIds };
        }
      }
      store.save(leaf.automation.id, t.id, key, b);
      return null;
    }
    if (!b) b = empty(at - LOOKBACK, at + within);
    if (at < b.start) return null;
    if (within === 0 || at < b.end) b = { ...b, count: b.count + 1, lastEvent: event, eventIds: withCause(b.eventIds, event.id) };
    else {
      const start = Math.max(b.end, at);
      b = { start, end: start + within, count: 1, lastEvent: event, eventIds: [event.id] };
    }
    if (b.count >= t.threshold) {
      const firing = { triggerId: t.id, fired: at, labels: labelsOf(t, key), event, causeEventIds: b.eventIds };
      // One firing per window: the next window starts where this one ends (none when within is 0).
      const next = Math.max(b.end, at);
      store.save(leaf.automation.id, t.id, key, within === 0 ? null : empty(next, next + within));
      return firing;
    }
    store.save(leaf.automation.id, t.id, key, b);
    return null;
  }

  /** A6.4: expected events count towards the open window of a proactive trigger and never fire it. */
  private async observe(leaf: Leaf, event: ReceivedEventT, store: TriggerStore): Promise<null> {
    const t = leaf.trigger;
    const at = parseDateTime(event.occurred)!;
    const key = keyOf(t, event);
    let b = await store.load(t.id, key);
    if (!b) {
      if (t.after?.length && !isAfter(t, event)) return null;
      b = empty(at, at + t.within * MICROS);
      if (t.after?.length && isAfter(t, event)) {
        store.save(leaf.automation.id, t.id, key, b);
        if (!expects(t, event)) return null;
      }
    }
    if (expects(t, event)) b = { ...b, count: b.count + 1, lastEvent: event, eventIds: withCause(b.eventIds, event.id) };
    store.save(leaf.automation.id, t.id, key, b);
    return null;
  }

  /** A6.4's periodic check at `now`: proactive windows that ended short of their threshold fire; old reactive windows are swept. */
  async tick(now: number, store: TriggerStore, sweepAfter = SWEEP_AFTER): Promise<AutomationFiring[]> {
    const out: AutomationFiring[] = [];
    const reactive = this.leaves.filter((l) => l.trigger.posture === 'Reactive').map((l) => l.trigger.id);
    if (reactive.length) await store.sweep(reactive, now - sweepAfter);
    for (const leaf of this.leaves) {
      const t = leaf.trigger;
      if (t.posture !== 'Proactive') continue;
      const within = t.within * MICROS;
      const unbucketed = !t.for_each?.length && !t.after?.length;
      const single = JSON.stringify([]);
      if (unbucketed && !(await store.load(t.id, single))) store.save(leaf.automation.id, t.id, single, empty(now, now + within));
      for (const key of await store.due(t.id, now, t.threshold)) {
        const b = (await store.load(t.id, key))!;
        if (b.count >= t.threshold) {
          // Satisfied: a trigger watching one window at a time starts the next one now (2.20.9 waits for its next check).
          store.save(leaf.automation.id, t.id, key, unbucketed ? empty(now, now + within) : null);
          continue;
        }
        if (b.end > now) continue;
        const next = Math.max(b.end, now);
        store.save(leaf.automation.id, t.id, key, t.after?.length ? null : empty(next, next + within));
        const firing: Firing = { triggerId: t.id, fired: now, labels: labelsOf(t, key), event: b.lastEvent, causeEventIds: b.eventIds };
        const top = await this.propagate(leaf, firing, store);
        if (top) out.push({ automation: leaf.automation, firing: top });
      }
    }
    return out;
  }

  /** A leaf fired: up through its composite ancestors (A6.4); the top-level firing, or null while a composite waits. */
  private async propagate(leaf: Leaf, firing: Firing, store: TriggerStore): Promise<Firing | null> {
    let current = firing;
    for (const parent of leaf.parents) {
      const stored = (await store.children(parent.id)).filter((c) => c.childTriggerId !== current.triggerId);
      stored.push({ childTriggerId: current.triggerId, firing: current });
      const kept = parent.within ? stored.filter((c) => c.firing.fired >= current.fired - parent.within! * MICROS) : stored;
      if (!satisfied(parent, kept)) {
        store.saveChildren(leaf.automation.id, parent.id, kept);
        return null;
      }
      store.saveChildren(leaf.automation.id, parent.id, []);
      const ordered = [...kept].sort((a, b) => a.firing.fired - b.firing.fired);
      current = {
        triggerId: parent.id,
        fired: current.fired,
        labels: Object.assign({}, ...ordered.map((c) => c.firing.labels)) as Record<string, string>,
        event: current.event,
        causeEventIds: ordered.flatMap((c) => c.firing.causeEventIds).slice(-MAX_CAUSES),
      };
    }
    return current;
  }
}

function satisfied(parent: Composite, fired: ChildFiring[]): boolean {
  const ids = parent.triggers.map((t) => t.id);
  const have = new Map(fired.map((c) => [c.childTriggerId, c.firing.fired]));
  if (parent.type === 'compound') {
    const need = parent.require === 'all' ? ids.length : parent.require === 'any' ? 1 : parent.require;
    return ids.filter((id) => have.has(id)).length >= need;
  }
  // Sequence: every child fired, in list order.
  if (!ids.every((id) => have.has(id))) return false;
  return ids.every((id, i) => i === 0 || have.get(ids[i - 1])! <= have.get(id)!);
}

/** Buckets and child firings in memory (the preview, tests). */
export class MemoryTriggerStore implements TriggerStore {
  private readonly buckets = new Map<string, Map<string, Bucket>>();
  private readonly kids = new Map<string, ChildFiring[]>();

  async load(triggerId: string, key: string) {
    return this.buckets.get(triggerId)?.get(key) ?? null;
  }
  save(_a: string, triggerId: string, key: string, bucket: Bucket | null) {
    let m = this.buckets.get(triggerId);
    if (!m) this.buckets.set(triggerId, (m = new Map()));
    if (bucket) m.set(key, bucket);
    else m.delete(key);
  }
  async due(triggerId: string, now: number, threshold: number) {
    return [...(this.buckets.get(triggerId) ?? new Map<string, Bucket>())].filter(([, b]) => b.end <= now || b.count >= threshold).map(([k]) => k);
  }
  async sweep(triggerIds: string[], endedBefore: number) {
    for (const id of triggerIds) for (const [k, b] of this.buckets.get(id) ?? []) if (b.end < endedBefore) this.buckets.get(id)!.delete(k);
  }
  /** Earliest end of any open window (the preview's next check). */
  earliestEnd(): number {
    let min = Infinity;
    for (const m of this.buckets.values()) for (const b of m.values()) min = Math.min(min, b.end);
    return min;
  }
  async children(parentId: string) {
    return this.kids.get(parentId) ?? [];
  }
  saveChildren(_a: string, parentId: string, children: ChildFiring[]) {
    this.kids.set(parentId, children);
  }
}
