import type { TriggerT } from '../api/models/automations.ts';
import type { EventFilterT } from '../api/models/events.ts';
import type { Db } from '../db/connection.ts';
import { queryEvents } from '../db/events.ts';
import { formatDateTime, parseDateTime } from '../lib/time.ts';
import { allTriggers, draftAutomation } from './definition.ts';
import { MemoryTriggerStore, TriggerEngine, type Firing } from './evaluator.ts';

/**
 * When a trigger would have fired over stored events (an extension: "preview before you
 * save"). The live evaluator runs over the window's events in time order, with state in
 * memory and proactive checks simulated between events; nothing is stored and nothing acts.
 */

const PAGE = 5000;
export const MAX_PREVIEW_EVENTS = 50_000;
export const MAX_PREVIEW_DAYS = 31;
const MAX_LISTED = 500;
/** Proactive checks × event triggers simulated at most (a viewer may ask; the work must stay bounded). */
const MAX_CHECK_WORK = 2_000_000;
const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Names the trigger can react to, as prefixes (exact names are their own prefix; the evaluator checks exactly). */
function namePrefixes(trigger: TriggerT): string[] | null {
  const out = new Set<string>();
  for (const t of allTriggers(trigger)) {
    if (t.type !== 'event') continue;
    if (!t.expect?.length) return null;
    for (const p of [...t.expect, ...(t.after ?? [])]) out.add(p.endsWith('*') ? p.slice(0, -1) : p);
  }
  return [...out];
}

export interface PreviewResult {
  since: string;
  until: string;
  count: number;
  firings: { fired: string; triggering_labels: Record<string, string>; event_ids: string[] }[];
  events_evaluated: number;
  truncated: boolean;
}

export async function previewTrigger(db: Db, trigger: TriggerT, since: number, until: number, granularitySeconds: number): Promise<PreviewResult> {
  const engine = new TriggerEngine([draftAutomation({ name: 'preview', trigger })]);
  const store = new MemoryTriggerStore();
  const step = granularitySeconds * 1e6;
  const firings: Firing[] = [];
  let count = 0;
  const record = (fs: { firing: Firing }[]) => {
    for (const f of fs) if (count++ < MAX_LISTED) firings.push(f.firing);
  };
  const leaves = [...allTriggers(trigger)].filter((t) => t.type === 'event').length;
  let work = 0;
  let cut = false;
  const prefixes = namePrefixes(trigger);
  const filter: EventFilterT = { occurred: { since: formatDateTime(since), until: formatDateTime(until) }, order: 'ASC', ...(prefixes ? { event: { prefix: prefixes } } : {}) };

  let now = since;
  // Proactive checks up to `until`, jumping to the next window end instead of every step.
  const checkUntil = async (limit: number) => {
    while (now <= limit && !cut) {
      work += leaves;
      if (work > MAX_CHECK_WORK) cut = true;
      // Long simulations let other requests in.
      if (work % 20_000 < leaves) await yieldNow();
      record(await engine.tick(now, store));
      const next = Math.min(store.earliestEnd(), limit);
      now = Math.max(now + step, since + Math.ceil((next - since) / step) * step);
    }
  };

  let evaluated = 0;
  let total = 0;
  for (let offset = 0; offset < MAX_PREVIEW_EVENTS; offset += PAGE) {
    const page = await queryEvents(db, filter, Math.min(PAGE, MAX_PREVIEW_EVENTS - offset), offset, offset ? total : undefined);
    total = page.total;
    for (const event of page.events) {
      await checkUntil(parseDateTime(event.occurred)! - 1);
      if (cut) break;
      record(await engine.evaluateEvent(event, store));
      evaluated += 1;
    }
    await yieldNow();
    if (page.events.length < PAGE || cut) break;
  }
  if (total <= evaluated) await checkUntil(until);
  const truncated = total > evaluated || cut;
  firings.sort((a, b) => a.fired - b.fired);
  return {
    since: formatDateTime(since),
    until: formatDateTime(until),
    count,
    firings: firings.slice(0, MAX_LISTED).map((f) => ({ fired: formatDateTime(f.fired), triggering_labels: f.labels, event_ids: f.causeEventIds })),
    events_evaluated: evaluated,
    truncated,
  };
}
