import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { buildTaskRunCountQuery } from '../../api/task-runs.ts';
import { flowRunFilterBody, historyBuckets, PAGE_SIZE, searchWindow, taskRunFilterBody, type RunsSearch } from '../../lib/run-filters.ts';
import { Card } from '../ui/card.tsx';
import { formatCount } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { FlowRunsTable, NoFlowRuns } from '../flow-runs/flow-runs-table.tsx';
import { RunHistory } from './run-history.tsx';
import { RunsFilters } from './runs-filters.tsx';

const TaskRunsTable = lazy(() => import('../task-runs/task-runs-table.tsx').then((m) => ({ default: m.TaskRunsTable })));

export function RunsPage({ search, onChange }: { search: RunsSearch; onChange: (patch: Partial<RunsSearch>) => void }) {
  // One "now" per filter change keeps every query of the page on the same window (and key).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => Date.now(), [search.range, search.from, search.to]);
  const flowFilter = useMemo(() => flowRunFilterBody(search, now), [search, now]);
  const taskFilter = useMemo(() => taskRunFilterBody(search, now), [search, now]);
  const flowCount = useQuery(buildFlowRunCountQuery(flowFilter));
  const taskCount = useQuery(buildTaskRunCountQuery(taskFilter));
  const setPage = useCallback((page: number) => onChange({ page }), [onChange]);
  const filtered = search.state.length + search.flow.length + search.deployment.length + search.tag.length > 0 || search.q !== '' || search.subflows === 'hide';
  const clear = () => onChange({ state: [], flow: [], deployment: [], pool: [], tag: [], q: '', subflows: 'show', page: 1 });

  return (
    <>
      <PageHeader title="Runs" description="Every flow run and task run on this server, filtered by time, state, flow and tags." />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4">
        <RunsFilters search={search} onChange={onChange} />
        {search.tab === 'flow-runs' && <HistoryCard search={search} filter={flowFilter} now={now} total={flowCount.data} />}
        <Card>
          <Tabs
            label="Run kind"
            value={search.tab}
            onSelect={(tab) => onChange({ tab, page: 1, sort: undefined })}
            items={[
              { id: 'flow-runs', label: 'Flow runs', count: flowCount.data },
              { id: 'task-runs', label: 'Task runs', count: taskCount.data },
            ]}
          />
          {search.tab === 'flow-runs' ? (
            <FlowRunsTable filter={flowFilter} sort={search.sort} page={search.page} pageSize={PAGE_SIZE} onPage={setPage} empty={<NoFlowRuns filtered={filtered} onClear={clear} />} />
          ) : (
            <Suspense fallback={<Skeleton className="m-3 h-40 w-[calc(100%-1.5rem)]" />}>
              <TaskRunsTable filter={taskFilter} sort={search.sort} page={search.page} pageSize={PAGE_SIZE} onPage={setPage} filtered={filtered} onClear={clear} />
            </Suspense>
          )}
        </Card>
      </div>
    </>
  );
}

function HistoryCard({ search, filter, now, total }: { search: RunsSearch; filter: ReturnType<typeof flowRunFilterBody>; now: number; total: number | undefined }) {
  const range = searchWindow(search, now);
  const start = range.after ? Date.parse(range.after) : now - 7 * 86_400_000;
  const end = range.before ? Date.parse(range.before) : now;
  const buckets = historyBuckets(start, end);
  const span = useMemo(() => ({ start: Date.parse(buckets.start), end: Date.parse(buckets.end), intervalSeconds: buckets.intervalSeconds }), [buckets.start, buckets.end, buckets.intervalSeconds]);
  return (
    <Card aria-label="Run history" className="px-3 pt-2 pb-1">
      <div className="flex items-baseline justify-between px-1 text-xs text-fg-muted">
        <span className="font-medium text-fg">Run history</span>
        <span className="tabular-nums">{formatCount(total)} flow runs by expected start time</span>
      </div>
      <RunHistory filter={filter} window={span} />
    </Card>
  );
}
