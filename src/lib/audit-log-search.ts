/**
 * The audit log page's URL search params (validated, defaults left out of the URL) ↔ the
 * `/audit_log/filter` body, and how an entry is shown: readable operation names and the
 * dashboard page of the resource it touched. Pure.
 */

export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_RANGES = { '24h': 86_400, '7d': 7 * 86_400, '30d': 30 * 86_400 } as const;
export type AuditRange = keyof typeof AUDIT_RANGES | 'all' | 'custom';

/** Resource types the filter offers: the first path segment of the API routes that write. */
export const AUDIT_RESOURCE_TYPES = [
  'flow_runs',
  'task_runs',
  'deployments',
  'flows',
  'work_pools',
  'block_documents',
  'variables',
  'concurrency_limits',
  'artifacts',
  'flow_run_notification_policies',
  'saved_searches',
  'block_types',
  'block_schemas',
  'logs',
  'users',
  'api_keys',
] as const;

export interface AuditSearch {
  /** Actor name (exact). */
  who?: string;
  resource?: string;
  outcome?: AuditOutcome;
  range: AuditRange;
  /** ISO instants of a custom range. */
  from?: string;
  to?: string;
  page: number;
}

export const DEFAULT_AUDIT_SEARCH: AuditSearch = { range: 'all', page: 1 };

const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Reads the page's search params; anything malformed falls back to the default. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = { ...DEFAULT_AUDIT_SEARCH };
  if (typeof raw.who === 'string' && raw.who.trim() && raw.who.length <= 200) out.who = raw.who.trim();
  if (typeof raw.resource === 'string' && /^[a-z][a-z0-9_]{0,63}$/.test(raw.resource)) out.resource = raw.resource;
  if (typeof raw.outcome === 'string' && (AUDIT_OUTCOMES as readonly string[]).includes(raw.outcome)) out.outcome = raw.outcome as AuditOutcome;
  if (raw.range === 'custom') {
    const from = isIso(raw.from) ? new Date(raw.from).toISOString() : undefined;
    const to = isIso(raw.to) ? new Date(raw.to).toISOString() : undefined;
    if (from || to) Object.assign(out, { range: 'custom', from, to });
  } else if (typeof raw.range === 'string' && raw.range in AUDIT_RANGES) out.range = raw.range as AuditRange;
  if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 && raw.page <= 100_000) out.page = raw.page;
  return out;
}

/** The params worth putting in the URL: defaults and empty values stay out so links stay short. */
export function compactAuditSearch(search: AuditSearch): Partial<AuditSearch> {
  const out: Partial<AuditSearch> = {};
  if (search.who) out.who = search.who;
  if (search.resource) out.resource = search.resource;
  if (search.outcome) out.outcome = search.outcome;
  if (search.range !== DEFAULT_AUDIT_SEARCH.range) out.range = search.range;
  if (search.range === 'custom') {
    if (search.from) out.from = search.from;
    if (search.to) out.to = search.to;
  }
  if (search.page > 1) out.page = search.page;
  return out;
}

export const isAuditFiltered = (search: AuditSearch) => Boolean(search.who || search.resource || search.outcome || search.range !== 'all');

const MINUTE = 60_000;

/** The filter body for a search (paging excluded); relative ranges start on a whole minute so the query key holds still. */
export function auditFilterBody(search: AuditSearch, now: number) {
  const body: { actor?: string; resource_type?: string; outcome?: AuditOutcome; after?: string; before?: string } = {};
  if (search.who) body.actor = search.who;
  if (search.resource) body.resource_type = search.resource;
  if (search.outcome) body.outcome = search.outcome;
  if (search.range === 'custom') {
    if (search.from) body.after = search.from;
    if (search.to) body.before = search.to;
  } else if (search.range !== 'all') {
    body.after = new Date(Math.floor((now - AUDIT_RANGES[search.range] * 1000) / MINUTE) * MINUTE).toISOString();
  }
  return body;
}

const ACRONYMS = new Set(['api', 'csrf', 'id', 'url']);
/** Operations whose ids read poorly as words. */
const OPERATION_NAMES: Record<string, string> = { authLogin: 'Sign in', authLogout: 'Sign out' };

/** `setFlowRunState` → "Set flow run state"; acronyms read as such (`createApiKey` → "Create API key"). */
export function readableOperation(operationId: string): string {
  if (OPERATION_NAMES[operationId]) return OPERATION_NAMES[operationId];
  const words = operationId
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return operationId;
  const text = words.map((w, i) => (ACRONYMS.has(w.toLowerCase()) || (w.length > 1 && w === w.toUpperCase()) ? w.toUpperCase() : i === 0 ? w : w.toLowerCase())).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RESOURCE_LABELS: Record<string, string> = {
  auth: 'Session',
  flow_runs: 'Flow run',
  task_runs: 'Task run',
  deployments: 'Deployment',
  flows: 'Flow',
  work_pools: 'Work pool',
  block_documents: 'Block',
  variables: 'Variable',
  concurrency_limits: 'Concurrency limit',
  artifacts: 'Artifact',
  flow_run_notification_policies: 'Notification',
  block_types: 'Block type',
  block_schemas: 'Block schema',
  logs: 'Logs',
  saved_searches: 'Saved search',
  users: 'User',
  api_keys: 'API key',
};

/** "Flow run" for `flow_runs`; an unknown type reads as its words (`block_types` → "Block types"). */
export function resourceLabel(type: string): string {
  const known = RESOURCE_LABELS[type];
  if (known) return known;
  const words = type.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type ResourceRoute =
  | { to: '/runs/flow-run/$id'; params: { id: string } }
  | { to: '/runs/task-run/$id'; params: { id: string } }
  | { to: '/deployments/deployment/$id'; params: { id: string } }
  | { to: '/blocks/block/$id'; params: { id: string } }
  | { to: '/work-pools/work-pool/$name'; params: { name: string } }
  | { to: '/flows/flow/$id'; params: { id: string } }
  | { to: '/variables'; params?: undefined };

/** The dashboard page of an entry's resource, where one exists (`resource_id` holds the name for work pools). */
export function resourceRoute(type: string | null, id: string | null): ResourceRoute | null {
  if (type === 'variables') return { to: '/variables' };
  if (!type || !id) return null;
  switch (type) {
    case 'flow_runs':
      return { to: '/runs/flow-run/$id', params: { id } };
    case 'task_runs':
      return { to: '/runs/task-run/$id', params: { id } };
    case 'deployments':
      return { to: '/deployments/deployment/$id', params: { id } };
    case 'block_documents':
      return { to: '/blocks/block/$id', params: { id } };
    case 'work_pools':
      return { to: '/work-pools/work-pool/$name', params: { name: id } };
    case 'flows':
      return { to: '/flows/flow/$id', params: { id } };
    default:
      return null;
  }
}
