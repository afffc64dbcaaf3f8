import type { EventFilterT, ReceivedEventT, ResourceT } from '../api/models/events.ts';
import { parseDateTime } from '../lib/time.ts';
import { matchesSpec } from './labels.ts';

type ResourceCriteria = NonNullable<EventFilterT['any_resource']>;

function resourceMatches(c: ResourceCriteria, r: ResourceT): boolean {
  const id = r['syntask.resource.id'];
  if (c.id?.length && !c.id.includes(id)) return false;
  if (c.id_prefix?.length && !c.id_prefix.some((p) => id.startsWith(p))) return false;
  return matchesSpec(c.labels, r);
}

/**
 * A live event against a subscription's filter, in memory (A3.3): `occurred`, `event`,
 * `resource`, `any_resource` and `id` are checked; `related` is ignored, as Syntask 2 does.
 * `until` is the subscription's (defaulted to when it started by the caller).
 */
export function liveEventMatches(filter: EventFilterT, e: ReceivedEventT, until: number): boolean {
  const occurred = parseDateTime(e.occurred)!;
  const since = filter.occurred?.since ? parseDateTime(filter.occurred.since)! : null;
  if (since !== null && occurred < since) return false;
  if (occurred > until) return false;
  const ev = filter.event;
  if (ev) {
    if (ev.prefix?.length && !ev.prefix.some((p) => e.event.startsWith(p))) return false;
    if (ev.name?.length && !ev.name.includes(e.event)) return false;
    if (ev.exclude_prefix?.some((p) => e.event.startsWith(p))) return false;
    if (ev.exclude_name?.includes(e.event)) return false;
  }
  if (filter.resource && !resourceMatches(filter.resource, e.resource)) return false;
  if (filter.any_resource && ![e.resource, ...e.related].some((r) => resourceMatches(filter.any_resource!, r))) return false;
  if (filter.id?.id?.length && !filter.id.id.includes(e.id)) return false;
  return true;
}
