/**
 * The event feed's URL search params (validated, defaults left out) ↔ the EventFilter it
 * asks for, and how the histogram buckets each range. Pure.
 */

export const EVENT_RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type EventRange = keyof typeof EVENT_RANGES;

/** One histogram bucket per range: ~30–60 bars whatever the range. */
export const EVENT_BUCKETS: Record<EventRange, { time_unit: 'minute' | 'hour' | 'day'; time_interval: number; ms: number }> = {
  '1h': { time_unit: 'minute', time_interval: 2, ms: 120_000 },
  '24h': { time_unit: 'minute', time_interval: 30, ms: 1_800_000 },
  '7d': { time_unit: 'hour', time_interval: 4, ms: 4 * 3_600_000 },
  '30d': { time_unit: 'day', time_interval: 1, ms: 86_400_000 },
};

export interface EventSearch {
  /** Event name prefix (`syntask.flow-run.`), or a whole name. */
  prefix?: string;
  /** A resource id, primary or related (`syntask.flow-run.<id>`). */
  resource?: string;
  range: EventRange;
}

export const DEFAULT_EVENT_SEARCH: EventSearch = { range: '24h' };

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined);

export function parseEventSearch(raw: Record<string, unknown>): EventSearch {
  const range = typeof raw.range === 'string' && raw.range in EVENT_RANGES ? (raw.range as EventRange) : DEFAULT_EVENT_SEARCH.range;
  return { prefix: text(raw.prefix, 1024), resource: text(raw.resource, 1024), range };
}

/** Only what differs from the defaults goes into the URL. */
export function compactEventSearch(s: EventSearch): Partial<EventSearch> {
  const out: Partial<EventSearch> = {};
  if (s.prefix) out.prefix = s.prefix;
  if (s.resource) out.resource = s.resource;
  if (s.range !== DEFAULT_EVENT_SEARCH.range) out.range = s.range;
  return out;
}

/** The filter of a search at `now` (ms, rounded by the caller so query keys stay stable). */
export function eventFilter(s: EventSearch, now: number) {
  return {
    occurred: { since: new Date(now - EVENT_RANGES[s.range]).toISOString(), until: new Date(now).toISOString() },
    ...(s.prefix ? { event: { prefix: [s.prefix] } } : {}),
    ...(s.resource ? { any_resource: { id: [s.resource] } } : {}),
    order: 'DESC' as const,
  };
}

const KIND_ROUTES: Record<string, (id: string, labels: Record<string, string>) => string | null> = {
  'syntask.flow-run': (id) => `/runs/flow-run/${id}`,
  'syntask.task-run': (id) => `/runs/task-run/${id}`,
  'syntask.flow': (id) => `/flows/flow/${id}`,
  'syntask.deployment': (id) => `/deployments/deployment/${id}`,
  'syntask.work-pool': (_id, labels) => (labels['syntask.resource.name'] ? `/work-pools/work-pool/${encodeURIComponent(labels['syntask.resource.name'])}` : null),
  'syntask.block-document': (id) => `/blocks/block/${id}`,
  'syntask.automation': (id) => `/automations/automation/${id}`,
};

/** `syntask.flow-run.<uuid>` → its kind and id; ids of other shapes have no kind. */
export function splitResourceId(resourceId: string): { kind: string; id: string } | null {
  const dot = resourceId.lastIndexOf('.');
  if (dot <= 0) return null;
  return { kind: resourceId.slice(0, dot), id: resourceId.slice(dot + 1) };
}

/** The dashboard page of a resource, when it has one (runs, flows, deployments, pools, blocks, automations). */
export function resourceRoute(labels: Record<string, string>): string | null {
  const parts = splitResourceId(labels['syntask.resource.id'] ?? '');
  if (!parts) return null;
  return KIND_ROUTES[parts.kind]?.(parts.id, labels) ?? null;
}

/** A resource's readable name: its name label, else its id's last part with the kind (`tag prod`). */
export function resourceLabel(labels: Record<string, string>): string {
  const name = labels['syntask.resource.name'];
  if (name) return name;
  const id = labels['syntask.resource.id'] ?? '';
  if (id.startsWith('syntask.tag.')) return `#${id.slice('syntask.tag.'.length)}`;
  const parts = splitResourceId(labels['syntask.resource.id'] ?? '');
  return parts ? `${parts.kind.replace(/^syntask\./, '')} ${parts.id}` : (labels['syntask.resource.id'] ?? '');
}

/** `syntask.flow-run.Completed` → "Flow run Completed"; other names stay as they are. */
export function eventLabel(event: string): string {
  const m = /^syntask\.([a-z-]+)\.(.+)$/.exec(event);
  if (!m) return event;
  const kind = m[1].replace(/-/g, ' ');
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${m[2].replace(/-/g, ' ')}`;
}

/** The event page's date segment: the UTC day the event occurred. */
export const eventDay = (occurred: string) => new Date(occurred).toISOString().slice(0, 10);
