import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildFlowRunDetailQuery, buildFlowRunStatesQuery } from '../../api/flow-runs.ts';
import { buildTaskRunDetailQuery, buildTaskRunNamesQuery, buildTaskRunStatesQuery } from '../../api/task-runs.ts';
import { runAttempts, type Attempt } from '../../lib/attempts.ts';

/**
 * Names of the task runs that wrote the loaded lines. Only ids not known yet are asked for, all
 * in one request, and names are kept while the view is open: a 500-task run costs one request
 * per newly loaded page of lines, never one per line. Unknown (deleted) ids map to null.
 */
export function useTaskRunNames(ids: readonly string[]): ReadonlyMap<string, string | null> {
  const [known, setKnown] = useState<ReadonlyMap<string, string | null>>(() => new Map());
  const missing = useMemo(() => [...new Set(ids)].filter((id) => !known.has(id)).sort(), [ids, known]);
  const batch = useQuery(buildTaskRunNamesQuery(missing));
  useEffect(() => {
    const names = batch.data;
    if (!names || Object.keys(names).every((id) => known.has(id))) return;
    setKnown((prev) => new Map([...prev, ...Object.entries(names)]));
  }, [batch.data, known]);
  return known;
}

const NO_ATTEMPTS: Attempt[] = [];

export interface RunAttempts {
  attempts: Attempt[];
  /** The history is known (or not needed: the run ran at most once). */
  ready: boolean;
}

/**
 * The attempts of the run whose logs are shown (the task run's on its page, else the flow
 * run's). The state history is read only for a run that ran more than once.
 */
export function useRunAttempts(flowRunId: string | undefined, taskRunId: string | undefined): RunAttempts {
  const task = useQuery({ ...buildTaskRunDetailQuery(taskRunId ?? ''), enabled: !!taskRunId });
  const flow = useQuery({ ...buildFlowRunDetailQuery(flowRunId ?? ''), enabled: !taskRunId && !!flowRunId });
  const runCount = taskRunId ? task.data?.run_count : flow.data?.run_count;
  const ranAgain = (runCount ?? 0) > 1;
  const taskStates = useQuery({ ...buildTaskRunStatesQuery(taskRunId ?? ''), enabled: !!taskRunId && ranAgain });
  const flowStates = useQuery({ ...buildFlowRunStatesQuery(flowRunId ?? ''), enabled: !taskRunId && !!flowRunId && ranAgain });
  const states = taskRunId ? taskStates : flowStates;
  // Only the starts matter here, not the running time that `now` adds to.
  const attempts = useMemo(() => (states.data ? runAttempts(states.data, taskRunId ? 'task' : 'flow', 0) : NO_ATTEMPTS), [states.data, taskRunId]);
  const failed = (taskRunId ? task : flow).isError || states.isError;
  return { attempts, ready: failed || (runCount !== undefined && (!ranAgain || states.data !== undefined)) };
}
