import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import { orderPoolTypes } from '../lib/work-pool-types.ts';
import { deploymentKeys } from './deployments.ts';

/**
 * Work pools, their queues and workers, and the pool types a pool is created from. Every key
 * lives under `work-pools`, so a change to a pool refreshes the deployment pages' pickers too.
 */

export type WorkPool = Schemas['WorkPool'];
export type WorkQueue = Schemas['WorkQueue'];
export type Worker = Schemas['Worker'];
export type WorkPoolCreate = Schemas['WorkPoolCreate'];
export type WorkPoolUpdate = Schemas['WorkPoolUpdate'];
export type WorkQueueCreate = Schemas['WorkQueueCreate'];
export type WorkQueueUpdate = Schemas['WorkQueueUpdate'];

export const workPoolKeys = {
  all: ['work-pools'] as const,
  names: () => [...workPoolKeys.all, 'all-for-pickers'] as const,
  allQueues: () => [...workPoolKeys.all, 'all-queues'] as const,
  list: () => [...workPoolKeys.all, 'list'] as const,
  detail: (name: string) => [...workPoolKeys.all, 'detail', name] as const,
  queues: (name: string) => [...workPoolKeys.all, 'detail', name, 'queues'] as const,
  workers: (name: string) => [...workPoolKeys.all, 'detail', name, 'workers'] as const,
  types: () => [...workPoolKeys.all, 'types'] as const,
};

/** Every pool (by name), for pickers and filters. */
export function buildWorkPoolListQuery(enabled = true) {
  return queryOptions({
    queryKey: workPoolKeys.names(),
    enabled,
    staleTime: 30_000,
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/filter', { body: { limit: 200 }, signal })),
  });
}

/** The work pools page: every pool (at most 200), kept fresh by the change stream. */
export function buildWorkPoolsPageQuery() {
  return queryOptions({
    queryKey: workPoolKeys.list(),
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/filter', { body: { limit: 200 }, signal })),
  });
}

export function buildWorkPoolQuery(name: string | null | undefined) {
  return queryOptions({
    queryKey: workPoolKeys.detail(name ?? ''),
    enabled: Boolean(name),
    // An unknown name stays unknown: no retries of a 404.
    retry: (failures, error) => (error as { status?: number }).status !== 404 && failures < 3,
    queryFn: ({ signal }) => unwrap(api.GET('/api/work_pools/{name}', { params: { path: { name: name! } }, signal })),
  });
}

/** Every work queue of every pool (at most 200), for pickers. */
export function buildAllWorkQueuesQuery() {
  return queryOptions({
    queryKey: workPoolKeys.allQueues(),
    staleTime: 30_000,
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_queues/filter', { body: { limit: 200 }, signal })),
  });
}

export function buildWorkQueuesQuery(pool: string | null | undefined) {
  return queryOptions({
    queryKey: workPoolKeys.queues(pool ?? ''),
    enabled: Boolean(pool),
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/{pool}/queues/filter', { params: { path: { pool: pool! } }, body: { limit: 200 }, signal })),
  });
}

/** A pool's workers, latest heartbeat first (the server's order). */
export function buildWorkersQuery(pool: string) {
  return queryOptions({
    queryKey: workPoolKeys.workers(pool),
    queryFn: ({ signal }) => unwrap(api.POST('/api/work_pools/{pool}/workers/filter', { params: { path: { pool } }, body: { limit: 200 }, signal })),
  });
}

/** The JSON Schema of a pool's job variables (`base_job_template.variables`), or null for a pool without one. */
export function jobVariablesSchema(pool: WorkPool | undefined): Record<string, unknown> | null {
  const variables = (pool?.base_job_template as { variables?: unknown } | undefined)?.variables;
  return variables && typeof variables === 'object' && !Array.isArray(variables) ? (variables as Record<string, unknown>) : null;
}

// ---- pool types (the server's worker metadata collection) ----

export interface WorkPoolType {
  type: string;
  displayName: string;
  description: string;
  collection: string;
  isBeta: boolean;
  documentationUrl: string | null;
  baseJobTemplate: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * The catalog `{collection: {type: metadata}}` as a flat list, the types this distribution's
 * worker runs (process) first, then by name. The view is untyped in the OpenAPI document, so it is read
 * defensively: entries without a type are skipped.
 */
export function poolTypesFromCatalog(catalog: Record<string, unknown>): WorkPoolType[] {
  const out: WorkPoolType[] = [];
  for (const [collection, types] of Object.entries(catalog)) {
    if (!types || typeof types !== 'object') continue;
    for (const [key, raw] of Object.entries(types as Record<string, unknown>)) {
      if (!raw || typeof raw !== 'object') continue;
      const m = raw as Record<string, unknown>;
      const template = m.default_base_job_configuration;
      out.push({
        type: str(m.type) ?? key,
        displayName: str(m.display_name) ?? key,
        description: str(m.description) ?? '',
        collection,
        isBeta: m.is_beta === true,
        documentationUrl: str(m.documentation_url),
        baseJobTemplate: template && typeof template === 'object' && !Array.isArray(template) ? (template as Record<string, unknown>) : {},
      });
    }
  }
  return orderPoolTypes(out);
}

export function buildWorkPoolTypesQuery() {
  return queryOptions({
    queryKey: workPoolKeys.types(),
    staleTime: Infinity,
    queryFn: async ({ signal }) => poolTypesFromCatalog(await unwrap(api.GET('/api/collections/views/{view}', { params: { path: { view: 'aggregate-worker-metadata' } }, signal }))),
  });
}

// ---- mutations ----

function useInvalidatePools() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: workPoolKeys.all }), queryClient.invalidateQueries({ queryKey: deploymentKeys.all })]);
}

export function useCreateWorkPool() {
  const invalidate = useInvalidatePools();
  return useMutation({
    mutationFn: (body: WorkPoolCreate) => unwrap(api.POST('/api/work_pools/', { body })),
    // The wizard shows 409/422 next to the field: no toast for those.
    meta: { inlineErrors: [409, 422] },
    onSuccess: () => invalidate(),
  });
}

export function useUpdateWorkPool() {
  const invalidate = useInvalidatePools();
  return useMutation({
    mutationFn: ({ name, body }: { name: string; body: WorkPoolUpdate }) => unwrap(api.PATCH('/api/work_pools/{name}', { params: { path: { name } }, body })),
    // The edit page shows a refused template (422) next to it; pausing never answers 422.
    meta: { inlineErrors: [422] },
    onSettled: () => invalidate(),
  });
}

export function useDeleteWorkPool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.DELETE('/api/work_pools/{name}', { params: { path: { name } } })),
    onSettled: (_data, _error, name) => {
      // The deleted pool leaves the lists at once, and its own queries (queues, workers) are not asked again: they would 404.
      const without = (pools: WorkPool[] | undefined) => pools?.filter((p) => p.name !== name);
      queryClient.setQueryData(workPoolKeys.list(), without);
      queryClient.setQueryData(workPoolKeys.names(), without);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: workPoolKeys.all, predicate: (q) => q.queryKey[2] !== name }),
        queryClient.invalidateQueries({ queryKey: deploymentKeys.all }),
      ]);
    },
  });
}

export function useCreateWorkQueue() {
  const invalidate = useInvalidatePools();
  return useMutation({
    mutationFn: ({ pool, body }: { pool: string; body: WorkQueueCreate }) => unwrap(api.POST('/api/work_pools/{pool}/queues', { params: { path: { pool } }, body })),
    meta: { inlineErrors: [409, 422] },
    onSuccess: () => invalidate(),
  });
}

export function useUpdateWorkQueue() {
  const invalidate = useInvalidatePools();
  return useMutation({
    mutationFn: ({ pool, name, body }: { pool: string; name: string; body: WorkQueueUpdate }) => unwrap(api.PATCH('/api/work_pools/{pool}/queues/{name}', { params: { path: { pool, name } }, body })),
    meta: { inlineErrors: [409, 422] },
    onSettled: () => invalidate(),
  });
}

export function useDeleteWorkQueue() {
  const invalidate = useInvalidatePools();
  return useMutation({
    mutationFn: ({ pool, name }: { pool: string; name: string }) => unwrap(api.DELETE('/api/work_pools/{pool}/queues/{name}', { params: { path: { pool, name } } })),
    onSettled: () => invalidate(),
  });
}
