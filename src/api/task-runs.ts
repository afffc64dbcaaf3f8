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
  names: (ids: readonly string[]) => [...taskRunKeys.all, 'names', ids] as const,
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

/** The contract's largest page of `/task_runs/filter`. */
const NAMES_PAGE = 200;

/** Names of task runs by id (a log view's writers), in as few requests as pages of 200; an id not found (deleted) maps to null. */
export function buildTaskRunNamesQuery(ids: readonly string[]) {
  return queryOptions({
    queryKey: taskRunKeys.names(ids),
    enabled: ids.length > 0,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const chunks = Array.from({ length: Math.ceil(ids.length / NAMES_PAGE) }, (_, i) => ids.slice(i * NAMES_PAGE, (i + 1) * NAMES_PAGE));
      const pages = await Promise.all(chunks.map((chunk) => unwrap(api.POST('/api/task_runs/filter', { body: { task_runs: { id: { any_: [...chunk] } }, limit: chunk.length }, signal }))));
      const names: Record<string, string | null> = Object.fromEntries(ids.map((id) => [id, null]));
      for (const page of pages) for (const t of page) names[t.id] = t.name;
      return names;
    },
  });
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
