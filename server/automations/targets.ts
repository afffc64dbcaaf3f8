import type { ReceivedEventT } from '../api/models/events.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The id of the first resource of a kind in the triggering event: primary, then related in
 * order (A5.1). Only a UUID counts: event labels come from whoever sent the event, and the id
 * goes into a path this server calls with its own rights.
 */
export function inferred(event: ReceivedEventT | null, kind: string): string | null {
  if (!event) return null;
  for (const r of [event.resource, ...event.related]) {
    const id = r['syntask.resource.id'];
    if (id.startsWith(`syntask.${kind}.`) && UUID.test(id.slice(kind.length + 9))) return id.slice(kind.length + 9);
  }
  return null;
}
