/** Template filters that link to dashboard pages (A5.2); pure, so the render worker can load them. */

const RESOURCE_PATHS: [string, (id: string, r: Record<string, string>) => string][] = [
  ['syntask.flow-run.', (id) => `/flow-runs/flow-run/${id}`],
  ['syntask.task-run.', (id) => `/runs/task-run/${id}`],
  ['syntask.deployment.', (id) => `/deployments/deployment/${id}`],
  ['syntask.flow.', (id) => `/flows/flow/${id}`],
  ['syntask.work-pool.', (_id, r) => `/work-pools/work-pool/${encodeURIComponent(r['syntask.resource.name'] ?? '')}`],
  ['syntask.automation.', (id) => `/automations/automation/${id}`],
];

/** `ui_url` and `ui_resource_events_url` (A5.2): dashboard links under SYNTASK_UI_URL; "" when there is none. */
export function uiFilters(uiUrl: string): Record<string, (v: unknown) => string> {
  const base = uiUrl.replace(/\/+$/, '');
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
