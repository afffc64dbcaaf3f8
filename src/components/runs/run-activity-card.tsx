import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { pastWindow } from '../../lib/activity.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { countOf } from '../ui/misc.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { RunHistory } from './run-history.tsx';

const SPAN_SECONDS = 7 * 86_400;

/**
 * A flow's or a deployment's runs of the past 7 days by state on a time axis (the runs page's
 * chart, filtered), with the way to the runs page for another range.
 */
export function RunActivityCard({ flowId, deploymentId, subject }: { flowId?: string; deploymentId?: string; subject: string }) {
  // A fresh window each minute: the chart ends at now, and runs that start later join it.
  const now = useNow(60_000);
  const span = useMemo(() => pastWindow(SPAN_SECONDS, now), [now]);
  const filter = useMemo(
    () => ({
      ...(flowId ? { flows: { id: { any_: [flowId] } } } : {}),
      ...(deploymentId ? { deployments: { id: { any_: [deploymentId] } } } : {}),
      flow_runs: { expected_start_time: { after_: new Date(span.start).toISOString(), before_: new Date(span.end).toISOString() } },
    }),
    [flowId, deploymentId, span],
  );
  const count = useQuery(buildFlowRunCountQuery(filter));
  return (
    <Card aria-label="Run activity" className="mb-4">
      <CardHeader
        title={
          <span>
            Activity <span className="font-normal text-fg-muted tabular-nums">past 7 days · {countOf(count.data, 'run')}</span>
          </span>
        }
        actions={
          <Link to="/runs" search={{ ...(flowId ? { flow: [flowId] } : {}), ...(deploymentId ? { deployment: [deploymentId] } : {}) }} className="text-xs text-accent hover:underline">
            Show in Runs
          </Link>
        }
      />
      <div className="px-3 pt-2 pb-2">
        <RunHistory filter={filter} window={span} height={120} empty={<p className="py-6 text-center text-fg-muted">No runs of {subject} in the past 7 days.</p>} />
      </div>
    </Card>
  );
}
