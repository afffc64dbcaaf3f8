import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';
import type { StateProposal } from './flow-runs.ts';

export type TaskRun = Schemas['TaskRun'];
export type TaskRunFilterBody = NonNullable<operations['filterTaskRuns']['requestBody']>['content']['application/json'];
export type TaskRunCountBody = NonNullable<operations['countTaskRuns']['requestBody']>['content']['application/json'];
type DashboardCountsBody = NonNullable<operations['taskRunDashboardCounts']['requestBody']>['content']['application/json'];
type UiCountsBody = NonNullable<operations['taskRunCountsByState']['requestBody']>['content']['application/json'];

export const taskRunKeys = {
  all: ['task-runs'] as const,
  lists: () => [...taskRunKeys.all, 'list'] as const,
  list: (body: TaskRunFilterBody) => [...taskRunKeys.lists(), body] as const,
  count: (body: TaskRunCountBody) => [...taskRunKeys.all, 'count', body] as const,
  stateCounts: (body: UiCountsBody) => [...taskRunKeys.all, 'state-counts', body] as const,
  dashboardCounts: (body: DashboardCountsBody) => [...taskRunKeys.all, 'dashboard-counts', body] as const,
  detail: (id: string) => [...taskRunKeys.all, 'detail', id] as const,
  states: (id: string) => [...taskRunKeys.detail(id), 'states'] as const,
};

export function buildTaskRunsQuery(body: TaskRunFilterBody) {
  return queryOptions({
    queryKey: taskRunKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/task_runs/filter', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildTaskRunCountQuery(body: TaskRunCountBody) {
  return queryOptions({
    queryKey: taskRunKeys.count(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/task_runs/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildTaskRunStateCountsQuery(body: UiCountsBody) {
  return queryOptions({ queryKey: taskRunKeys.stateCounts(body), queryFn: ({ signal }) => unwrap(api.POST('/api/ui/task_runs/count', { body, signal })), placeholderData: keepPreviousData });
}

export function buildTaskRunDashboardCountsQuery(body: DashboardCountsBody) {
  return queryOptions({
    queryKey: taskRunKeys.dashboardCounts(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/task_runs/dashboard/counts', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildTaskRunDetailQuery(id: string) {
  return queryOptions({ queryKey: taskRunKeys.detail(id), queryFn: ({ signal }) => unwrap(api.GET('/api/task_runs/{id}', { params: { path: { id } }, signal })) });
}

export function buildTaskRunStatesQuery(id: string) {
  return queryOptions({
    queryKey: taskRunKeys.states(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/task_run_states/', { params: { query: { task_run_id: id } }, signal })),
  });
}

export function useSetTaskRunState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: StateProposal }) => unwrap(api.POST('/api/task_runs/{id}/set_state', { params: { path: { id } }, body: { state, force: true } })),
    onSettled: (_d, _e, { id }) => queryClient.invalidateQueries({ queryKey: taskRunKeys.detail(id) }),
  });
}

export function useBulkTaskRunAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, action }: { ids: string[]; action: { kind: 'state'; state: StateProposal } | { kind: 'delete' } }) => {
      const results = await Promise.allSettled(
        ids.map((id) =>
          action.kind === 'delete'
            ? unwrap(api.DELETE('/api/task_runs/{id}', { params: { path: { id } } }))
            : unwrap(api.POST('/api/task_runs/{id}/set_state', { params: { path: { id } }, body: { state: action.state, force: true } })),
        ),
      );
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === ids.length && failed.length > 0) throw failed[0].reason;
      return { done: ids.length - failed.length, failed: failed.length };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskRunKeys.all }),
  });
}
