import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isTerminalState } from '../lib/states.ts';
import { apiUrl } from './client.ts';

export { isActiveState } from '../lib/states.ts';
import { flowRunKeys, type FlowRun, type Graph, type StateType } from './flow-runs.ts';
import { logKeys } from './logs.ts';
import { useFeatureFlags } from './server.ts';
import { taskRunKeys } from './task-runs.ts';

/** A state change as the live stream sends it (`GET /ui/flow_runs/{id}/stream`, event `state`). */
export interface LiveStateEvent {
  kind: 'flow' | 'task';
  run_id: string;
  child_flow_run_id: string | null;
  state: { id: string; type: StateType; name: string; timestamp: string; message: string | null };
}


/** Without the stream extension, pages poll at this pace while a run is active. */
export const FALLBACK_POLL_MS = 3000;

type LogListener = () => void;
const logListeners = new Map<string, Set<LogListener>>();

/** Called when new log lines of the run may exist (stream signal, or a poll tick without the stream). */
export function onRunLogs(runId: string, listener: LogListener): () => void {
  let set = logListeners.get(runId);
  if (!set) logListeners.set(runId, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function signalLogs(runId: string) {
  for (const listener of logListeners.get(runId) ?? []) listener();
}

/** Merges a state change into the cached run, its graph node and its task run, without refetching structure. */
export function applyLiveState(queryClient: QueryClient, runId: string, event: LiveStateEvent) {
  const { state } = event;
  if (event.kind === 'flow' && event.run_id === runId) {
    queryClient.setQueryData<FlowRun>(flowRunKeys.detail(runId), (run) =>
      run ? { ...run, state_type: state.type, state_name: state.name, state: run.state ? { ...run.state, id: state.id, type: state.type, name: state.name, timestamp: state.timestamp, message: state.message } : run.state } : run,
    );
    return { structural: false };
  }
  let known = false;
  const nodeId = event.child_flow_run_id ?? event.run_id;
  queryClient.setQueryData<Graph>(flowRunKeys.graph(runId), (graph) => {
    if (!graph) return graph;
    const nodes = graph.nodes.map(([id, node]): [string, typeof node] => {
      if (id !== nodeId) return [id, node];
      known = true;
      const terminal = isTerminalState(state.type);
      return [id, { ...node, state_type: state.type, end_time: terminal ? (node.end_time ?? state.timestamp) : null }];
    });
    return { ...graph, nodes };
  });
  return { structural: !known };
}

/**
 * Keeps an active run's pages live: through the server-sent events stream when the server
 * offers it (state changes merged into the caches, log arrivals signalled), else by polling.
 */
export function useFlowRunLive(runId: string, active: boolean) {
  const queryClient = useQueryClient();
  const flags = useFeatureFlags();
  const streaming = flags?.has('flow_run_stream') ?? false;

  useEffect(() => {
    if (!active || flags === undefined) return;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    // Times, counts and new nodes come from a refetch; coalesced so a burst of task states costs one.
    const refreshSoon = (structural: boolean) => {
      if (refreshTimer) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        void queryClient.invalidateQueries({ queryKey: flowRunKeys.detail(runId), exact: true });
        void queryClient.invalidateQueries({ queryKey: flowRunKeys.states(runId) });
        void queryClient.invalidateQueries({ queryKey: taskRunKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: flowRunKeys.lists() });
        if (structural) void queryClient.invalidateQueries({ queryKey: flowRunKeys.graph(runId) });
      }, 500);
    };

    if (!streaming) {
      const timer = setInterval(() => {
        refreshSoon(true);
        signalLogs(runId);
      }, FALLBACK_POLL_MS);
      return () => {
        clearInterval(timer);
        if (refreshTimer) clearTimeout(refreshTimer);
      };
    }

    let source: EventSource | undefined;
    let closed = false;
    void apiUrl(`/ui/flow_runs/${runId}/stream`).then((url) => {
      if (closed) return;
      source = new EventSource(url);
      // States written between the page's fetch and this subscription (or during a reconnect)
      // never reach the stream: read the run again once it is open. (Log windows load on their own.)
      source.addEventListener('open', () => refreshSoon(true));
      source.addEventListener('state', (message) => {
        const event = JSON.parse((message as MessageEvent<string>).data) as LiveStateEvent;
        const { structural } = applyLiveState(queryClient, runId, event);
        if (event.kind === 'task') queryClient.setQueryData(taskRunKeys.detail(event.run_id), (run: { state_type: string } | undefined) => (run ? { ...run, state_type: event.state.type, state_name: event.state.name } : run));
        refreshSoon(structural);
      });
      source.addEventListener('logs', () => signalLogs(runId));
    });
    return () => {
      closed = true;
      source?.close();
      if (refreshTimer) clearTimeout(refreshTimer);
    };
  }, [runId, active, streaming, flags, queryClient]);
}

/** Drops cached log windows of a run (after a retry, older windows may miss lines). */
export function resetRunLogs(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: logKeys.all });
}
