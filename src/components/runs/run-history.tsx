import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildFlowRunHistoryQuery, type FlowRunHistoryBody } from '../../api/flow-runs.ts';
import { historyWindowBody, type TimeWindow } from '../../lib/activity.ts';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';

const RunHistoryChart = lazy(() => import('./run-history-chart.tsx'));

/** Recharts (110 KB gzip) loads once the page has had its first render, not before. */
export function useChartReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const id = idle(() => setReady(true), { timeout: 1000 });
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(id);
  }, []);
  return ready;
}

/** A chart's place while it loads: its own height, so nothing jumps. */
export function ChartSkeleton({ height }: { height: number }) {
  return (
    <div style={{ height: height + 20 }}>
      <Skeleton className="h-full w-full" />
    </div>
  );
}

export type RunHistoryFilter = Omit<FlowRunHistoryBody, 'history_start' | 'history_end' | 'history_interval_seconds'>;

/**
 * Flow runs matching `filter` per bucket of `window`, stacked by state on a time axis: the
 * runs page, the dashboard, and the flow and deployment pages all draw it. `empty` replaces
 * the chart when the window has no run.
 */
export function RunHistory({ filter, window: w, empty, height = 140 }: { filter: RunHistoryFilter; window: TimeWindow; empty?: ReactNode; height?: number }) {
  const history = useQuery(buildFlowRunHistoryQuery({ ...filter, ...historyWindowBody(w) }));
  const ready = useChartReady();
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} title="Could not load the run history" />;
  if (!history.data || !ready) return <ChartSkeleton height={height} />;
  if (empty && history.data.every((i) => i.states.length === 0)) return <>{empty}</>;
  return (
    <Suspense fallback={<ChartSkeleton height={height} />}>
      <RunHistoryChart intervals={history.data} domain={[w.start, w.end]} clampEnd={w.end} height={height} />
    </Suspense>
  );
}
