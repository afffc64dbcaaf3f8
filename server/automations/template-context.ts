import type { ReceivedEventT } from '../api/models/events.ts';
import type { AppContext } from '../context.ts';
import type { Invocation } from './act.ts';
import { inferred } from './targets.ts';
import { mentions } from './templates.ts';

/** What an action template can read (A5.2): loaded only when the template mentions it. */

export type Inject = (req: { method: string; url: string; payload?: unknown }) => Promise<{ statusCode: number; body: string }>;

const KINDS = ['flow-run', 'flow', 'deployment', 'task-run', 'work-pool', 'work-queue', 'concurrency-limit'] as const;
type Kind = (typeof KINDS)[number];

function firstOfKind(event: ReceivedEventT | null, kind: Kind) {
  const id = inferred(event, kind);
  return id ? { id } : null;
}

async function read(inject: Inject, url: string): Promise<Record<string, unknown> | null> {
  const res = await inject({ method: 'GET', url });
  return res.statusCode === 200 ? (JSON.parse(res.body) as Record<string, unknown>) : null;
}

const URLS: Record<Exclude<Kind, 'work-pool'>, (id: string) => string> = {
  'flow-run': (id) => `/api/flow_runs/${id}`,
  flow: (id) => `/api/flows/${id}`,
  deployment: (id) => `/api/deployments/${id}`,
  'task-run': (id) => `/api/task_runs/${id}`,
  'work-queue': (id) => `/api/work_queues/${id}`,
  'concurrency-limit': (id) => `/api/concurrency_limits/${id}`,
};

const resourceOf = (event: ReceivedEventT, kind: Kind) => [event.resource, ...event.related].find((r) => r['syntask.resource.id'].startsWith(`syntask.${kind}.`))!;

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
    let value = null;
    if (found && kind === 'work-pool') {
      const pool = await ctx.db.kysely.selectFrom('work_pool').select('name').where('id', '=', found.id).executeTakeFirst();
      value = pool ? await read(inject, `/api/work_pools/${encodeURIComponent(pool.name)}`) : null;
    } else if (found) value = await read(inject, URLS[kind as Exclude<Kind, 'work-pool'>](found.id));
    if (value && (kind === 'flow-run' || kind === 'task-run')) value = { ...value, state: stateFromLabels(resourceOf(event!, kind)) ?? value.state };
    out[name] = value;
  }
  if (mentions(template, 'variables')) {
    const rows = await ctx.db.kysely.selectFrom('variable').select(['name', 'value']).execute();
    out.variables = Object.fromEntries(rows.map((r) => [r.name, r.value]));
  }
  return out;
}

