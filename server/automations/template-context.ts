import type { ReceivedEventT } from '../api/models/events.ts';
import type { AppContext } from '../context.ts';
import type { Invocation } from './act.ts';
import { mentions } from './templates.ts';

/** What an action template can read (A5.2): loaded only when the template mentions it. */

export type Inject = (req: { method: string; url: string; payload?: unknown }) => Promise<{ statusCode: number; body: string }>;

const KINDS = ['flow-run', 'flow', 'deployment', 'task-run', 'work-pool', 'work-queue', 'concurrency-limit'] as const;
type Kind = (typeof KINDS)[number];

function firstOfKind(event: ReceivedEventT | null, kind: Kind) {
  if (!event) return null;
  for (const r of [event.resource, ...event.related]) {
    const id = r['syntask.resource.id'];
    if (id.startsWith(`syntask.${kind}.`)) return { id: id.slice(kind.length + 9), resource: r };
  }
  return null;
}

async function read(inject: Inject, url: string): Promise<Record<string, unknown> | null> {
  const res = await inject({ method: 'GET', url });
  return res.statusCode === 200 ? (JSON.parse(res.body) as Record<string, unknown>) : null;
}

const URLS: Record<Kind, (id: string, name: string) => string> = {
  'flow-run': (id) => `/api/flow_runs/${id}`,
  flow: (id) => `/api/flows/${id}`,
  deployment: (id) => `/api/deployments/${id}`,
  'task-run': (id) => `/api/task_runs/${id}`,
  'work-pool': (_id, name) => `/api/work_pools/${encodeURIComponent(name)}`,
  'work-queue': (id) => `/api/work_queues/${id}`,
  'concurrency-limit': (id) => `/api/concurrency_limits/${id}`,
};

/** Flow and task run `state` rebuilt from the event's state labels (the event is the truth at firing time). */
function stateFromLabels(r: Record<string, string>) {
  if (!r['syntask.state-type']) return undefined;
  return { type: r['syntask.state-type'], name: r['syntask.state-name'] ?? null, message: r['syntask.state-message'] ?? null, timestamp: r['syntask.state-timestamp'] ?? null };
}

export async function templateContext(ctx: AppContext, inject: Inject, inv: Pick<Invocation, 'automation' | 'triggeringEvent' | 'labels' | 'firingId' | 'causeEvents'>, template: string): Promise<Record<string, unknown>> {
  const event = inv.triggeringEvent;
  const out: Record<string, unknown> = {
    automation: inv.automation,
    event,
    labels: inv.labels,
    firing: { id: inv.firingId, triggering_labels: inv.labels, triggering_event: event },
    firings: [{ id: inv.firingId, triggering_labels: inv.labels, triggering_event: event }],
    events: event ? [event] : [],
  };
  for (const kind of KINDS) {
    const name = kind.replace('-', '_');
    if (!mentions(template, name)) continue;
    const found = firstOfKind(event, kind);
    let value = found ? await read(inject, URLS[kind](found.id, found.resource['syntask.resource.name'] ?? '')) : null;
    if (value && (kind === 'flow-run' || kind === 'task-run')) value = { ...value, state: stateFromLabels(found!.resource) ?? value.state };
    out[name] = value;
  }
  if (mentions(template, 'variables')) {
    const rows = await ctx.db.kysely.selectFrom('variable').select(['name', 'value']).execute();
    out.variables = Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }
  return out;
}

const RESOURCE_PATHS: [string, (id: string, r: Record<string, string>) => string][] = [
  ['syntask.flow-run.', (id) => `/flow-runs/flow-run/${id}`],
  ['syntask.task-run.', (id) => `/runs/task-run/${id}`],
  ['syntask.deployment.', (id) => `/deployments/deployment/${id}`],
  ['syntask.flow.', (id) => `/flows/flow/${id}`],
  ['syntask.work-pool.', (_id, r) => `/work-pools/work-pool/${encodeURIComponent(r['syntask.resource.name'] ?? '')}`],
  ['syntask.automation.', (id) => `/automations/automation/${id}`],
];

/** `ui_url` and `ui_resource_events_url` (A5.2): dashboard links under SYNTASK_UI_URL; "" when there is none. */
export function uiFilters(ctx: AppContext): Record<string, (v: unknown) => string> {
  const base = ctx.settings.uiUrl.replace(/\/+$/, '');
  const path = (v: unknown): string | null => {
    if (!v || typeof v !== 'object') return null;
    const o = v as Record<string, unknown>;
    if (typeof o['syntask.resource.id'] === 'string') {
      const id = o['syntask.resource.id'];
      for (const [prefix, fn] of RESOURCE_PATHS) if (id.startsWith(prefix)) return fn(id.slice(prefix.length), o as Record<string, string>);
      return null;
    }
    if (typeof o.event === 'string' && typeof o.occurred === 'string') return `/events/event/${o.occurred.slice(0, 10)}/${String(o.id)}`;
    if ('trigger' in o && 'actions' in o) return `/automations/automation/${String(o.id)}`;
    if ('task_key' in o) return `/runs/task-run/${String(o.id)}`;
    if ('base_job_template' in o) return `/work-pools/work-pool/${encodeURIComponent(String(o.name))}`;
    if ('entrypoint' in o || 'schedules' in o) return `/deployments/deployment/${String(o.id)}`;
    if ('flow_id' in o && 'state_type' in o) return `/flow-runs/flow-run/${String(o.id)}`;
    if ('tags' in o && 'name' in o && typeof o.id === 'string') return `/flows/flow/${o.id}`;
    return null;
  };
  return {
    ui_url: (v) => {
      const p = path(v);
      return p ? base + p : '';
    },
    ui_resource_events_url: (v) => {
      const id = v && typeof v === 'object' ? ((v as Record<string, unknown>)['syntask.resource.id'] ?? null) : null;
      return typeof id === 'string' ? `${base}/events?resource=${encodeURIComponent(id)}` : '';
    },
  };
}
