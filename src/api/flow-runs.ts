import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { mergeGraphDelta } from '../lib/graph-merge.ts';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

export type FlowRun = Schemas['FlowRun'];
export type State = Schemas['State'];
export type StateType = Schemas['StateType'];
export type GraphNode = Schemas['GraphNode'];
/** openapi-typescript cannot express the `[id, node]` pairs (`prefixItems`) of `nodes`; this restores the tuple. */
export type Graph = Omit<Schemas['Graph'], 'nodes'> & { nodes: [string, GraphNode][] };

/** A graph node with its times parsed, as the graph and the timeline draw it. */
export interface GraphRow {
  id: string;
  label: string;
  kind: 'flow-run' | 'task-run';
  state: string | null;
  start: number;
  end: number | null;
  node: GraphNode;
}

export const graphRow = (n: GraphNode): GraphRow => ({ id: n.id, label: n.label, kind: n.kind, state: n.state_type, start: Date.parse(n.start_time), end: n.end_time ? Date.parse(n.end_time) : null, node: n });
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
  lateness: (body: FlowRunCountBody) => [...flowRunKeys.all, 'lateness', body] as const,
  taskRunCountsAll: () => [...flowRunKeys.all, 'task-run-counts'] as const,
  taskRunCounts: (ids: readonly string[]) => [...flowRunKeys.taskRunCountsAll(), ids] as const,
  delaysAll: () => [...flowRunKeys.all, 'delay'] as const,
  delays: (ids: readonly string[]) => [...flowRunKeys.delaysAll(), ids] as const,
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

/** Server time (from the `Date` header) of the last read of each run's graph: the next `since` (live.ts). */
const graphReadAt = new Map<string, number>();
/** The header has whole seconds, and a state written while the answer was built may be just before it. */
const SINCE_MARGIN_MS = 2000;

async function readGraph(id: string, since: number | null, signal?: AbortSignal): Promise<Graph> {
  const call = api.GET('/api/flow_runs/{id}/graph-v2', { params: { path: { id }, query: since === null ? {} : { since: new Date(since).toISOString() } }, signal });
  const graph = (await unwrap(call)) as Graph;
  const date = Date.parse((await call).response.headers.get('date') ?? '');
  graphReadAt.set(id, (Number.isFinite(date) ? date : Date.now()) - SINCE_MARGIN_MS);
  return graph;
}

export function buildFlowRunGraphQuery(id: string) {
  return queryOptions({
    queryKey: flowRunKeys.graph(id),
    queryFn: ({ signal }) => readGraph(id, null, signal),
    // A graph above the server's node limit answers 400; asking again does not help.
    retry: false,
    // Kept current by the run's live stream (`refreshRunGraph`), not read again whole.
    staleTime: Infinity,
  });
}

const graphRefreshes = new Map<string, { again: boolean }>();
const GRAPH_REFRESH_MS = 1000;

/**
 * A cached run graph brought up to date with the nodes that changed since it was read
 * (`graph-v2?since=`), merged in; one request at a time per run, the last wish kept.
 * Nothing cached: nothing to do (the graph is read whole when shown).
 */
export async function refreshRunGraph(queryClient: QueryClient, id: string): Promise<void> {
  const running = graphRefreshes.get(id);
  if (running) {
    running.again = true;
    return;
  }
  const state = { again: false };
  graphRefreshes.set(id, state);
  try {
    do {
      state.again = false;
      // At most one a second: the server still walks every node of the run to answer.
      const wait = (graphReadAt.get(id) ?? 0) + SINCE_MARGIN_MS + GRAPH_REFRESH_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, Math.min(wait, GRAPH_REFRESH_MS)));
      const since = graphReadAt.get(id);
      if (!queryClient.getQueryData(flowRunKeys.graph(id)) || since === undefined) return;
      const delta = await readGraph(id, since);
      queryClient.setQueryData<Graph>(flowRunKeys.graph(id), (current) => (current ? mergeGraphDelta(current, delta) : current));
    } while (state.again);
  } catch {
    // The next change tries again; a graph that cannot be read shows its own error when read whole.
  } finally {
    graphRefreshes.delete(id);
  }
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

export type DelayExplanation = Schemas['DelayExplanation'];

/** Why each Scheduled or Pending run has not started (extension `flow_run_delay_explanation`); facts age, so it is asked again now and then. */
export function buildDelayExplanationsQuery(ids: readonly string[], enabled = true) {
  return queryOptions({
    queryKey: flowRunKeys.delays(ids),
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/flow_runs/delay_explanations', { body: { flow_run_ids: [...ids] }, signal })) as Promise<Record<string, DelayExplanation | null>>,
    enabled: enabled && ids.length > 0,
    refetchInterval: 15_000,
  });
}

export type RunComparison = Schemas['RunComparison'];

/** Two runs side by side (extension `flow_run_compare`). */
export function buildCompareQuery(left: string, right: string) {
  return queryOptions({
    queryKey: [...flowRunKeys.all, 'compare', left, right] as const,
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/flow_runs/compare', { body: { left, right }, signal })),
    enabled: Boolean(left && right),
  });
}

/** "Compare with…": the latest other Completed run of the same deployment (or flow, for a run from code). */
export function buildCompareBaselineQuery(run: Pick<FlowRun, 'id' | 'flow_id' | 'deployment_id'>) {
  const filter = run.deployment_id ? { deployments: { id: { any_: [run.deployment_id] } } } : { flows: { id: { any_: [run.flow_id] } } };
  return queryOptions({
    queryKey: [...flowRunKeys.all, 'baseline', run.id] as const,
    queryFn: async ({ signal }) => {
      const runs = await unwrap(api.POST('/api/flow_runs/filter', { body: { ...filter, flow_runs: { state: { type: { any_: ['COMPLETED'] } } }, sort: 'START_TIME_DESC', limit: 2 }, signal }));
      return runs.find((r) => r.id !== run.id) ?? null;
    },
  });
}
