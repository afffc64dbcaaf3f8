import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

export type FlowRun = Schemas['FlowRun'];
export type State = Schemas['State'];
export type StateType = Schemas['StateType'];
export type GraphNode = Schemas['GraphNode'];
/** openapi-typescript cannot express the `[id, node]` pairs (`prefixItems`) of `nodes`; this restores the tuple. */
export type Graph = Omit<Schemas['Graph'], 'nodes'> & { nodes: [string, GraphNode][] };
export type StateCounts = Schemas['StateCounts'];
export type FlowRunFilterBody = NonNullable<operations['filterFlowRuns']['requestBody']>['content']['application/json'];
export type FlowRunCountBody = NonNullable<operations['countFlowRuns']['requestBody']>['content']['application/json'];
export type FlowRunHistoryBody = NonNullable<operations['flowRunHistory']['requestBody']>['content']['application/json'];

export const flowRunKeys = {
  all: ['flow-runs'] as const,
  lists: () => [...flowRunKeys.all, 'list'] as const,
  list: (body: FlowRunFilterBody) => [...flowRunKeys.lists(), body] as const,
  count: (body: FlowRunCountBody) => [...flowRunKeys.all, 'count', body] as const,
  history: (body: FlowRunHistoryBody) => [...flowRunKeys.all, 'history', body] as const,
  uiHistory: (body: object) => [...flowRunKeys.all, 'ui-history', body] as const,
  lateness: (body: FlowRunCountBody) => [...flowRunKeys.all, 'lateness', body] as const,
  taskRunCounts: (ids: readonly string[]) => [...flowRunKeys.all, 'task-run-counts', ids] as const,
  details: () => [...flowRunKeys.all, 'detail'] as const,
  detail: (id: string) => [...flowRunKeys.details(), id] as const,
  states: (id: string) => [...flowRunKeys.detail(id), 'states'] as const,
  graph: (id: string) => [...flowRunKeys.detail(id), 'graph'] as const,
};

export function buildFlowRunsQuery(body: FlowRunFilterBody, options: { refetchInterval?: number | false } = {}) {
  return queryOptions({
    queryKey: flowRunKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/flow_runs/filter', { body, signal })),
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function buildFlowRunCountQuery(body: FlowRunCountBody) {
  return queryOptions({
    queryKey: flowRunKeys.count(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/flow_runs/count', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildFlowRunHistoryQuery(body: FlowRunHistoryBody) {
  return queryOptions({
    queryKey: flowRunKeys.history(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/flow_runs/history', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

type UiHistoryBody = NonNullable<operations['uiFlowRunHistory']['requestBody']>['content']['application/json'];

/** One point per run (`/ui/flow_runs/history`): the home page's activity bars. */
export function buildFlowRunActivityQuery(body: UiHistoryBody) {
  return queryOptions({
    queryKey: flowRunKeys.uiHistory(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/flow_runs/history', { body, signal })),
    placeholderData: keepPreviousData,
  });
}

export function buildFlowRunDetailQuery(id: string) {
  return queryOptions({
    queryKey: flowRunKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/flow_runs/{id}', { params: { path: { id } }, signal })),
  });
}

export function buildFlowRunStatesQuery(id: string) {
  return queryOptions({
    queryKey: flowRunKeys.states(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/flow_run_states/', { params: { query: { flow_run_id: id } }, signal })),
  });
}

export function buildFlowRunGraphQuery(id: string) {
  return queryOptions({
    queryKey: flowRunKeys.graph(id),
    queryFn: async ({ signal }) => (await unwrap(api.GET('/api/flow_runs/{id}/graph-v2', { params: { path: { id } }, signal }))) as Graph,
    // A graph above the server's node limit answers 400; asking again does not help.
    retry: false,
  });
}

/**
 * Task-run counts by state for a page of flow runs: one request through the extension, or,
 * against a server without it, one `/task_runs/count` per run and state group (slower, same figures).
 */
export function buildTaskRunCountsQuery(ids: readonly string[], hasExtension: boolean) {
  return queryOptions({
    queryKey: [...flowRunKeys.taskRunCounts(ids), hasExtension] as const,
    enabled: ids.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<Record<string, Partial<StateCounts>>> => {
      if (hasExtension) return unwrap(api.POST('/api/ui/flow_runs/task_run_counts', { body: { flow_run_ids: [...ids] }, signal }));
      const groups: StateType[][] = [['COMPLETED'], ['FAILED', 'CRASHED'], ['RUNNING']];
      const entries = await Promise.all(
        ids.map(async (id) => {
          const counts = await Promise.all(
            groups.map((types) => unwrap(api.POST('/api/task_runs/count', { body: { task_runs: { flow_run_id: { any_: [id] }, state: { type: { any_: types } } } }, signal }))),
          );
          return [id, { COMPLETED: counts[0], FAILED: counts[1], RUNNING: counts[2] }] as const;
        }),
      );
      return Object.fromEntries(entries);
    },
  });
}

export interface StateProposal {
  type: StateType;
  name?: string;
  message?: string | null;
}

/** Proposes a state with force (the dashboard's cancel, retry and "mark as" actions, contract §5.2). */
export function setFlowRunState(id: string, state: StateProposal) {
  return unwrap(api.POST('/api/flow_runs/{id}/set_state', { params: { path: { id } }, body: { state, force: true } }));
}

export const cancelProposal: StateProposal = { type: 'CANCELLING', message: 'Cancelled from the UI' };
export const retryProposal: StateProposal = { type: 'SCHEDULED', name: 'AwaitingRetry', message: 'Retry from the UI' };

export function useSetFlowRunState() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: StateProposal }) => setFlowRunState(id, state),
    onSettled: (_data, _error, { id }) => invalidateFlowRun(queryClient, id),
  });
}

/** Applies one proposal to many runs; resolves with how many were written and the failures. */
export function useBulkFlowRunAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, action }: { ids: string[]; action: { kind: 'state'; state: StateProposal } | { kind: 'delete' } }) => {
      const results = await Promise.allSettled(
        ids.map((id) => (action.kind === 'delete' ? unwrap(api.DELETE('/api/flow_runs/{id}', { params: { path: { id } } })) : setFlowRunState(id, action.state))),
      );
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === ids.length && failed.length > 0) throw failed[0].reason;
      return { done: ids.length - failed.length, failed: failed.length };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: flowRunKeys.all }),
  });
}

export function useResumeFlowRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/flow_runs/{id}/resume', { params: { path: { id } }, body: {} })),
    onSettled: (_d, _e, id) => invalidateFlowRun(queryClient, id),
  });
}

export function useDeleteFlowRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/flow_runs/{id}', { params: { path: { id } } })),
    onSuccess: (_d, id) => {
      queryClient.removeQueries({ queryKey: flowRunKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: flowRunKeys.lists() });
    },
  });
}

/**
 * "Run again with these parameters" for a run started from code: a new run of the same flow,
 * scheduled now. A run with a deployment opens the deployment's custom-run form instead.
 */
export function useRunAgain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: FlowRun) =>
      unwrap(
        api.POST('/api/flow_runs/', {
          body: { flow_id: run.flow_id, parameters: run.parameters, tags: run.tags, flow_version: run.flow_version, state: { type: 'SCHEDULED', message: `Run again from ${run.name}` } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowRunKeys.lists() }),
  });
}

export function invalidateFlowRun(queryClient: ReturnType<typeof useQueryClient>, id: string) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: flowRunKeys.detail(id) }), queryClient.invalidateQueries({ queryKey: flowRunKeys.lists() })]);
}
