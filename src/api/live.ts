import { failureKeys } from './failures.ts';
import { useEffect, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { withStateChange } from '../lib/attempts.ts';
import { FALLBACK_POLL_MS, LiveConnection, type LiveState } from '../lib/live-connection.ts';
import { isTerminalState } from '../lib/states.ts';
import { artifactKeys } from './artifacts.ts';
import { blockKeys } from './blocks.ts';
import { apiUrl } from './client.ts';
import { concurrencyLimitKeys } from './concurrency-limits.ts';
import { deploymentKeys } from './deployments.ts';
import { flowRunInputKeys } from './flow-run-input.ts';
import { flowKeys } from './flows.ts';
import { globalLimitKeys } from './global-concurrency-limits.ts';
import { notificationPolicyKeys } from './notification-policies.ts';
import { savedSearchKeys } from './saved-searches.ts';
import { useFeatureFlags } from './server.ts';
import { taskGridKeys } from './task-grid.ts';
import { taskRunKeys } from './task-runs.ts';
import { variableKeys } from './variables.ts';
import { workPoolKeys } from './work-pools.ts';
import { eventKeys } from './events.ts';
import { automationKeys } from './automations.ts';
import { flowRunKeys, refreshRunGraph, type Graph, type StateType } from './flow-runs.ts';
import { logKeys } from './logs.ts';
import { invalidateAfterChange } from './refetch.ts';

export { isActiveState } from '../lib/states.ts';
export type { LiveState } from '../lib/live-connection.ts';

/**
 * Live pages, one design for every page: the server pushes, the client refetches what
 * changed. Each tab holds one connection (`LiveConnection`, `/ui/stream`): `changed`
 * events name the resources whose lists and counts refetch (throttled), and the `state` and
 * `logs` events of the runs the tab's pages follow update those pages. After a dropped
 * connection everything is read again once (catch-up: pages read current data, log windows
 * read after their last line, so nothing is lost or doubled). Without the stream (an older
 * server), pages poll, and say so.
 */

/** A state change as the live stream sends it (event `state`). */
export interface LiveStateEvent {
  kind: 'flow' | 'task';
  run_id: string;
  child_flow_run_id: string | null;
  state: { id: string; type: StateType; name: string; timestamp: string; message: string | null };
}

/** Lists refetch at most this often for one resource, however busy the server is. */
const LIST_REFRESH_MS = 500;
/** A run's counts, times and new nodes refetch at most this often while its tasks change. */
const RUN_REFRESH_MS = 300;

const connection = new LiveConnection(apiUrl);
/** Hooks polling because the server has no stream (an older server). */
const pollers = new Set<string>();
const pollerListeners = new Set<() => void>();

function pollInstead(name: string, poll: () => void): () => void {
  pollers.add(name);
  for (const l of pollerListeners) l();
  const timer = setInterval(poll, FALLBACK_POLL_MS);
  return () => {
    clearInterval(timer);
    pollers.delete(name);
    for (const l of pollerListeners) l();
  };
}

/** How the tab follows the server: pushed (`live`), catching up (`reconnecting`), or `polling` without a stream; `null` before it knows. */
export function useLiveState(): LiveState | null {
  return useSyncExternalStore(
    (listener) => {
      pollerListeners.add(listener);
      const off = connection.onStateChange(listener);
      return () => {
        pollerListeners.delete(listener);
        off();
      };
    },
    () => connection.getState() ?? (pollers.size ? 'polling' : null),
  );
}

// ---- lists and counts ----------------------------------------------------------------

/** What to refetch when the server says a resource changed: its own lists and what its writes also change (a deployment's schedule makes runs, a flow's deletion takes its deployments and runs…). */
const RESOURCE_KEYS: Record<string, QueryKey[]> = {
  flow_runs: [flowRunKeys.all, flowRunInputKeys.all, taskGridKeys.all, failureKeys.all],
  task_runs: [taskRunKeys.all, flowRunKeys.taskRunCountsAll(), concurrencyLimitKeys.all, taskGridKeys.all, failureKeys.all],
  flows: [flowKeys.all, deploymentKeys.all, flowRunKeys.all, taskGridKeys.all],
  deployments: [deploymentKeys.all, flowRunKeys.all, taskGridKeys.all],
  work_pools: [workPoolKeys.all, deploymentKeys.all, flowRunKeys.delaysAll()],
  work_queues: [workPoolKeys.all, deploymentKeys.all, flowRunKeys.delaysAll()],
  block_documents: [blockKeys.documents],
  block_types: [blockKeys.types],
  block_schemas: [blockKeys.schemas],
  variables: [variableKeys.all],
  artifacts: [artifactKeys.all],
  concurrency_limits: [concurrencyLimitKeys.all],
  'v2/concurrency_limits': [globalLimitKeys.all],
  saved_searches: [savedSearchKeys.all],
  flow_run_notification_policies: [notificationPolicyKeys.all],
  events: [eventKeys.all],
  automations: [automationKeys.all],
};
const EVERY_RESOURCE = Object.keys(RESOURCE_KEYS);

/** A run's graph and state history are the run stream's (merged in, not read whole again). */
const isRunPart = (key: QueryKey) => (key[0] === flowRunKeys.all[0] || key[0] === taskRunKeys.all[0]) && key[1] === 'detail' && key.length > 3;

/** Refetches what is on screen and marks the rest stale (a fetch in flight lands, then reads again); a hidden tab only marks, and catches up when shown. */
function invalidate(queryClient: QueryClient, roots: Iterable<QueryKey>, readBefore?: number) {
  const refetchType = typeof document !== 'undefined' && document.hidden ? 'none' : 'active';
  for (const queryKey of roots) {
    void invalidateAfterChange(queryClient, { queryKey, refetchType, predicate: (q) => !isRunPart(q.queryKey) && (readBefore === undefined || q.state.dataUpdatedAt < readBefore) });
  }
}

function invalidateResources(queryClient: QueryClient, resources: Iterable<string>, readBefore?: number) {
  const roots = new Map<string, QueryKey>();
  for (const resource of resources) for (const key of RESOURCE_KEYS[resource] ?? []) roots.set(JSON.stringify(key), key);
  invalidate(queryClient, roots.values(), readBefore);
}

/** Resources that changed, refetched at most every `LIST_REFRESH_MS` (first change at once). */
function resourceThrottle(queryClient: QueryClient) {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const flush = () => {
    timer = undefined;
    last = Date.now();
    invalidateResources(queryClient, pending);
    pending.clear();
  };
  return {
    add(resources: string[]) {
      for (const r of resources) pending.add(r);
      if (!timer) timer = setTimeout(flush, Math.max(0, last + LIST_REFRESH_MS - Date.now()));
    },
    stop: () => clearTimeout(timer),
  };
}

/** Keeps every list and count of the tab fresh (mounted once, in the shell). */
export function useLiveLists() {
  const queryClient = useQueryClient();
  const flags = useFeatureFlags();
  const streaming = flags?.has('change_stream') ?? false;
  // The flags' Set is new at every render: the effect depends on what it says, not on it.
  const known = flags !== undefined;
  useEffect(() => {
    if (!known) return;
    if (!streaming) return pollInstead('lists', () => invalidateResources(queryClient, ['flow_runs', 'task_runs', 'work_pools', 'deployments']));
    const throttle = resourceThrottle(queryClient);
    const unsubscribe = connection.subscribe({
      onEvent: (event, data) => {
        if (event === 'changed') throttle.add(data.resources as string[]);
        else if (event === 'reset') invalidateResources(queryClient, EVERY_RESOURCE);
      },
      onCatchUp: (readBefore) => invalidateResources(queryClient, EVERY_RESOURCE, readBefore),
    });
    return () => {
      throttle.stop();
      unsubscribe();
    };
  }, [streaming, known, queryClient]);
}

// ---- one flow run --------------------------------------------------------------------

type LogListener = () => void;
const logListeners = new Map<string, Set<LogListener>>();

/** Called when new log lines of the run may exist (stream signal, catch-up, or a poll tick without the stream). */
export function onRunLogs(runId: string, listener: LogListener): () => void {
  let set = logListeners.get(runId);
  if (!set) logListeners.set(runId, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function signalLogs(runId: string) {
  for (const listener of logListeners.get(runId) ?? []) listener();
}

/** Colours a task's graph node at once (times and new nodes come with the refetch); `structural` when the node is not there yet. */
function applyLiveState(queryClient: QueryClient, runId: string, event: LiveStateEvent) {
  let known = false;
  const nodeId = event.child_flow_run_id ?? event.run_id;
  queryClient.setQueryData<Graph>(flowRunKeys.graph(runId), (graph) => {
    if (!graph) return graph;
    const nodes = graph.nodes.map(([id, node]): [string, typeof node] => {
      if (id !== nodeId) return [id, node];
      known = true;
      const terminal = isTerminalState(event.state.type);
      // Run time moves with the state (a retry's wait is not run time); times arrive with the refetch.
      return [id, { ...withStateChange(node, event.state), end_time: terminal ? (node.end_time ?? event.state.timestamp) : null }];
    });
    return { ...graph, nodes };
  });
  return { structural: !known };
}

/** Everything an open run page shows that a change of the run or its tasks can move. */
function refreshRun(queryClient: QueryClient, runId: string, graph: boolean) {
  void invalidateAfterChange(queryClient, { queryKey: flowRunKeys.detail(runId), exact: true });
  void invalidateAfterChange(queryClient, { queryKey: flowRunKeys.states(runId) });
  if (graph) void refreshRunGraph(queryClient, runId);
  // Tab counts, the task runs and subflow runs tables (with their task-run counts), task run pages of this run.
  invalidate(queryClient, [taskRunKeys.all, [...flowRunKeys.all, 'count'], flowRunKeys.lists(), flowRunKeys.taskRunCountsAll(), artifactKeys.all]);
}

/**
 * Keeps a run's pages live for as long as they are open, whatever the run's state: its last
 * log lines often arrive after its final state, and a finished run can be retried from
 * anywhere. A state of the run itself refetches the run at once (the header never shows a
 * new state beside old times); task states colour their node at once and refetch counts,
 * times and new nodes a moment later, coalesced.
 */
export function useFlowRunLive(runId: string, active: boolean) {
  const queryClient = useQueryClient();
  const flags = useFeatureFlags();
  const streaming = flags?.has('change_stream') ?? false;
  // Without the stream, polling follows the run's activity; the stream does not.
  const poll = !streaming && active;
  const known = flags !== undefined;

  useEffect(() => {
    // A task run page knows its flow run only once the task run is read.
    if (!known || !runId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let graphToo = false;
    const refreshSoon = (graph: boolean) => {
      graphToo ||= graph;
      timer ??= setTimeout(() => {
        timer = undefined;
        refreshRun(queryClient, runId, graphToo);
        graphToo = false;
      }, RUN_REFRESH_MS);
    };
    const catchUp = () => {
      refreshRun(queryClient, runId, true);
      void queryClient.invalidateQueries({ queryKey: logKeys.all, refetchType: 'none' });
      signalLogs(runId);
    };
    const onState = (event: LiveStateEvent) => {
      if (event.kind === 'flow' && event.run_id === runId) return catchUp();
      const { structural } = applyLiveState(queryClient, runId, event);
      // An open task run page reads its task again at once (never a new state beside old times).
      if (event.kind === 'task') void invalidateAfterChange(queryClient, { queryKey: taskRunKeys.detail(event.run_id), exact: true });
      refreshSoon(structural);
    };
    const stop = !streaming
      ? poll
        ? pollInstead(`run:${runId}`, catchUp)
        : () => undefined
      : connection.subscribe({
          runId,
          onEvent: (event, data) => {
            if (event === 'state') onState(data as unknown as LiveStateEvent);
            else if (event === 'logs') {
              // Windows and counts not on screen (another tab, a filter) are read again when shown.
              void queryClient.invalidateQueries({ queryKey: logKeys.all, refetchType: 'none' });
              signalLogs(runId);
            } else if (event === 'reset') catchUp();
          },
          onCatchUp: catchUp,
        });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [runId, streaming, poll, known, queryClient]);
}
