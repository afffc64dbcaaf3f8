import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

/**
 * The work pools and queues a deployment can target, and a pool's job template, as the
 * deployment pages read them. Keys live under `work-pools` so pool changes refresh them.
 */

export type WorkPool = Schemas['WorkPool'];
export type WorkQueue = Schemas['WorkQueue'];

export const workPoolLookupKeys = {
  all: ['work-pools'] as const,
  names: () => [...workPoolLookupKeys.all, 'all-for-pickers'] as const,
  detail: (name: string) => [...workPoolLookupKeys.all, 'detail', name] as const,
  queues: (name: string) => [...workPoolLookupKeys.all, 'detail', name, 'queues'] as const,
};

/** Every pool (by name), for pickers and filters. */
export function buildWorkPoolListQuery(enabled = true) {
  return queryOptions({
    queryKey: workPoolLookupKeys.names(),
    enabled,
    staleTime: 30_000,
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/filter', { body: { limit: 200 }, signal })),
  });
}

export function buildWorkPoolQuery(name: string | null | undefined) {
  return queryOptions({
    queryKey: workPoolLookupKeys.detail(name ?? ''),
    enabled: Boolean(name),
    queryFn: ({ signal }) => unwrap(api.GET('/api/work_pools/{name}', { params: { path: { name: name! } }, signal })),
  });
}

export function buildWorkQueuesQuery(pool: string | null | undefined) {
  return queryOptions({
    queryKey: workPoolLookupKeys.queues(pool ?? ''),
    enabled: Boolean(pool),
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/{pool}/queues/filter', { params: { path: { pool: pool! } }, body: { limit: 200 }, signal })),
  });
}

/** The JSON Schema of a pool's job variables (`base_job_template.variables`), or null for a pool without one. */
export function jobVariablesSchema(pool: WorkPool | undefined): Record<string, unknown> | null {
  const variables = (pool?.base_job_template as { variables?: unknown } | undefined)?.variables;
  return variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : null;
}
