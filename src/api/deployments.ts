import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import { flowRunKeys } from './flow-runs.ts';
import type { operations } from './schema.gen.ts';

export type Deployment = Schemas['Deployment'];
export type DeploymentSchedule = Schemas['DeploymentSchedule'];
export type Schedule = Schemas['Schedule'];
export type ScheduleInput = Schemas['ScheduleInput'];
export type DeploymentUpdate = Schemas['DeploymentUpdate'];
export type DeploymentFlowRunCreate = Schemas['DeploymentFlowRunCreate'];
export type DeploymentFilterBody = NonNullable<operations['filterDeployments']['requestBody']>['content']['application/json'];
export type DeploymentCountBody = NonNullable<operations['countDeployments']['requestBody']>['content']['application/json'];

export const deploymentKeys = {
  all: ['deployments'] as const,
  lists: () => [...deploymentKeys.all, 'list'] as const,
  list: (body: DeploymentFilterBody) => [...deploymentKeys.lists(), body] as const,
  count: (body: DeploymentCountBody) => [...deploymentKeys.all, 'count', body] as const,
  byIds: (ids: readonly string[]) => [...deploymentKeys.all, 'by-ids', ids] as const,
  countsByFlow: (flowIds: readonly string[]) => [...deploymentKeys.all, 'counts-by-flow', flowIds] as const,
  detail: (id: string) => [...deploymentKeys.all, 'detail', id] as const,
};

export function buildDeploymentsQuery(body: DeploymentFilterBody) {
  return queryOptions({
    queryKey: deploymentKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/deployments/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildDeploymentCountQuery(body: DeploymentCountBody) {
  return queryOptions({
    queryKey: deploymentKeys.count(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/deployments/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildDeploymentDetailQuery(id: string) {
  return queryOptions({ queryKey: deploymentKeys.detail(id), queryFn: ({ signal }) => unwrap(api.GET('/api/deployments/{id}', { params: { path: { id } }, signal })) });
}

/** Deployments by id in one request: names for a page of runs. */
export function buildDeploymentsByIdQuery(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: deploymentKeys.byIds(sorted),
    enabled: sorted.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const found = await unwrap(api.POST('/api/deployments/filter', { body: { deployments: { id: { any_: sorted } }, limit: Math.min(200, sorted.length) }, signal }));
      return Object.fromEntries(found.map((d) => [d.id, d]));
    },
  });
}

const PAGE = 200;

/** How many deployments each flow has: the deployments of these flows, paged through (never one request per flow). */
export function buildDeploymentCountsByFlowQuery(flowIds: readonly string[]) {
  const sorted = [...new Set(flowIds)].sort();
  return queryOptions({
    queryKey: deploymentKeys.countsByFlow(sorted),
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const counts: Record<string, number> = Object.fromEntries(sorted.map((id) => [id, 0]));
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(api.POST('/api/deployments/filter', { body: { flows: { id: { any_: sorted } }, sort: 'CREATED_DESC', limit: PAGE, offset }, signal }));
        for (const d of page) counts[d.flow_id] = (counts[d.flow_id] ?? 0) + 1;
        if (page.length < PAGE) return counts;
      }
    },
  });
}

function useInvalidateDeployment() {
  const queryClient = useQueryClient();
  return (id?: string) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: id ? deploymentKeys.detail(id) : deploymentKeys.all }),
      queryClient.invalidateQueries({ queryKey: deploymentKeys.lists() }),
      // Schedule and pause changes delete or create scheduled runs.
      queryClient.invalidateQueries({ queryKey: flowRunKeys.all }),
    ]);
}

export function useUpdateDeployment() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeploymentUpdate }) => unwrap(api.PATCH('/api/deployments/{id}', { params: { path: { id } }, body })),
    onSettled: (_d, _e, { id }) => invalidate(id),
  });
}

/** Pauses or resumes many deployments; resolves with how many changed and how many failed. */
export function useSetDeploymentsPaused() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: async ({ ids, paused }: { ids: string[]; paused: boolean }) => {
      const results = await Promise.allSettled(ids.map((id) => unwrap(api.PATCH('/api/deployments/{id}', { params: { path: { id } }, body: { paused } }))));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === ids.length && failed.length > 0) throw failed[0].reason;
      return { done: ids.length - failed.length, failed: failed.length };
    },
    onSettled: () => invalidate(),
  });
}

export function useDeleteDeployments() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const results = await Promise.allSettled(ids.map((id) => unwrap(api.DELETE('/api/deployments/{id}', { params: { path: { id } } }))));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === ids.length && failed.length > 0) throw failed[0].reason;
      return { done: ids.length - failed.length, failed: failed.length };
    },
    onSettled: () => invalidate(),
  });
}

export function useCreateSchedule() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: ({ id, schedule, active }: { id: string; schedule: ScheduleInput; active: boolean }) => unwrap(api.POST('/api/deployments/{id}/schedules', { params: { path: { id } }, body: [{ schedule, active }] })),
    onSettled: (_d, _e, { id }) => invalidate(id),
  });
}

export function useUpdateSchedule() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: ({ id, scheduleId, body }: { id: string; scheduleId: string; body: Schemas['DeploymentScheduleUpdate'] }) =>
      unwrap(api.PATCH('/api/deployments/{id}/schedules/{schedule_id}', { params: { path: { id, schedule_id: scheduleId } }, body })),
    onSettled: (_d, _e, { id }) => invalidate(id),
  });
}

export function useDeleteSchedule() {
  const invalidate = useInvalidateDeployment();
  return useMutation({
    mutationFn: ({ id, scheduleId }: { id: string; scheduleId: string }) => unwrap(api.DELETE('/api/deployments/{id}/schedules/{schedule_id}', { params: { path: { id, schedule_id: scheduleId } } })),
    onSettled: (_d, _e, { id }) => invalidate(id),
  });
}

/** `POST /deployments/{id}/create_flow_run`: a run a worker of the deployment's pool picks up. */
export function useCreateDeploymentRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DeploymentFlowRunCreate }) => unwrap(api.POST('/api/deployments/{id}/create_flow_run', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowRunKeys.all }),
  });
}
