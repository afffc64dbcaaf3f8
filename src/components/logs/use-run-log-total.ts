import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { buildLogCountQuery, logKeys, runLogScope } from '../../api/logs.ts';
import { onRunLogs } from '../../api/live.ts';
import { invalidateAfterChange } from '../../api/refetch.ts';
import { useFeatureFlags } from '../../api/server.ts';

/**
 * Every line of a flow run, its task runs' included (the `log_search` extension's count;
 * undefined without it). The unfiltered log view shares the query; new lines count at once,
 * whichever tab is open, also after the run ended (its last lines often come after its final state).
 */
export function useRunLogTotal(flowRunId: string): number | undefined {
  const flags = useFeatureFlags();
  const canCount = flags?.has('log_search') ?? false;
  const scope = runLogScope({ flowRunId }, {}, { canSearch: canCount, canFilterFlowOnly: false });
  const queryClient = useQueryClient();
  const count = useQuery(buildLogCountQuery(scope, canCount));
  useEffect(() => {
    if (!canCount) return;
    return onRunLogs(flowRunId, () => void invalidateAfterChange(queryClient, { queryKey: logKeys.count(runLogScope({ flowRunId }, {}, { canSearch: true, canFilterFlowOnly: false })) }));
  }, [flowRunId, canCount, queryClient]);
  return count.data;
}
