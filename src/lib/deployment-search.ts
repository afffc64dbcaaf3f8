/**
 * URL search params of the deployment pages (validated, defaults left out of the URL) and
 * the filter bodies they stand for. Pure.
 */

import { parseGridRuns } from './task-grid.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: string) => UUID.test(s);
const MAX_LIST = 50;

const strings = (v: unknown, valid: (s: string) => boolean = () => true): string[] => {
  const list = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length <= 200 && valid(s)))].slice(0, MAX_LIST);
};
const page = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 1 && v <= 100_000 ? v : undefined);

export interface DeploymentsSearch {
  /** Substring of the deployment name. */
  q?: string;
  /** Flow ids. */
  flow?: string[];
  tag?: string[];
  /** Work pool names. */
  pool?: string[];
  /** Only paused, or only active deployments. */
  status?: 'paused' | 'active';
  page?: number;
}

export function parseDeploymentsSearch(raw: Record<string, unknown>): DeploymentsSearch {
  const out: DeploymentsSearch = {};
  if (typeof raw.q === 'string' && raw.q.trim()) out.q = raw.q.slice(0, 200);
  const flow = strings(raw.flow, (s) => UUID.test(s));
  if (flow.length) out.flow = flow;
  const tag = strings(raw.tag);
  if (tag.length) out.tag = tag;
  const pool = strings(raw.pool);
  if (pool.length) out.pool = pool;
  if (raw.status === 'paused' || raw.status === 'active') out.status = raw.status;
  const p = page(raw.page);
  if (p) out.page = p;
  return out;
}

/** `POST /deployments/filter|count` keys for a search (no sort or paging). */
export function deploymentFilterBody(search: DeploymentsSearch) {
  const deployments: Record<string, unknown> = {};
  if (search.q) deployments.name = { like_: search.q };
  if (search.tag?.length) deployments.tags = { all_: search.tag };
  if (search.status) deployments.paused = { eq_: search.status === 'paused' };
  return {
    ...(Object.keys(deployments).length ? { deployments } : {}),
    ...(search.flow?.length ? { flows: { id: { any_: search.flow } } } : {}),
    ...(search.pool?.length ? { work_pools: { name: { any_: search.pool } } } : {}),
  };
}

export const DEPLOYMENT_TABS = ['runs', 'upcoming', 'parameters', 'configuration', 'description'] as const;
export type DeploymentTab = (typeof DEPLOYMENT_TABS)[number];

export interface DeploymentSearch {
  tab?: Exclude<DeploymentTab, 'runs'>;
  page?: number;
  /** Runs in the task grid (default 25). */
  grid?: number;
}

export function parseDeploymentSearch(raw: Record<string, unknown>): DeploymentSearch {
  const out: DeploymentSearch = {};
  if (typeof raw.tab === 'string' && (DEPLOYMENT_TABS as readonly string[]).includes(raw.tab) && raw.tab !== 'runs') out.tab = raw.tab as DeploymentSearch['tab'];
  const p = page(raw.page);
  if (p) out.page = p;
  const grid = parseGridRuns(raw.grid);
  if (grid) out.grid = grid;
  return out;
}

export interface CustomRunSearch {
  /** A flow run whose parameters prefill the form ("run again with these parameters"). */
  from?: string;
}

export function parseCustomRunSearch(raw: Record<string, unknown>): CustomRunSearch {
  return typeof raw.from === 'string' && UUID.test(raw.from) ? { from: raw.from } : {};
}
