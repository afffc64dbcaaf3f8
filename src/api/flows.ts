import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';
import { flowRunKeys } from './flow-runs.ts';

export type Flow = Schemas['Flow'];
export type FlowFilterBody = NonNullable<operations['filterFlows']['requestBody']>['content']['application/json'];
export type FlowCountBody = NonNullable<operations['countFlows']['requestBody']>['content']['application/json'];

export const flowKeys = {
  all: ['flows'] as const,
  lists: () => [...flowKeys.all, 'list'] as const,
  list: (body: FlowFilterBody) => [...flowKeys.lists(), body] as const,
  count: (body: FlowCountBody) => [...flowKeys.all, 'count', body] as const,
  byIds: (ids: readonly string[]) => [...flowKeys.all, 'by-ids', ids] as const,
  detail: (id: string) => [...flowKeys.all, 'detail', id] as const,
};

export function buildFlowsQuery(body: FlowFilterBody) {
  return queryOptions({
    queryKey: flowKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/flows/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildFlowCountQuery(body: FlowCountBody) {
  return queryOptions({ queryKey: flowKeys.count(body), queryFn: ({ signal }) => unwrap(api.POST('/api/flows/count', { body, signal })) });
}

/** Flows by id, for naming the flows of a page of runs in one request. */
export function buildFlowsByIdQuery(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: flowKeys.byIds(sorted),
    enabled: sorted.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const flows = await unwrap(api.POST('/api/flows/filter', { body: { flows: { id: { any_: sorted } }, limit: Math.min(200, sorted.length) }, signal }));
      return Object.fromEntries(flows.map((f) => [f.id, f]));
    },
  });
}

export function buildFlowDetailQuery(id: string) {
  return queryOptions({ queryKey: flowKeys.detail(id), queryFn: ({ signal }) => unwrap(api.GET('/api/flows/{id}', { params: { path: { id } }, signal })) });
}

export function useDeleteFlow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/flows/{id}', { params: { path: { id } } })),
    onSuccess: (_d, id) => {
      queryClient.removeQueries({ queryKey: flowKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: flowKeys.all });
      void queryClient.invalidateQueries({ queryKey: flowRunKeys.all });
    },
  });
}
