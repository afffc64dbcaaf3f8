import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildDelayExplanationsQuery, buildFlowRunsQuery, buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { buildTaskRunDashboardCountsQuery, buildTaskRunStateCountsQuery } from '../../api/task-runs.ts';
import { RANGE_LABELS, RELATIVE_RANGES, type RelativeRange } from '../../lib/run-filters.ts';
import { dashboardCountRows, dashboardCountsSpan, dashboardFilters, UPCOMING_DAYS } from '../../lib/activity.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { Select } from '../ui/form.tsx';
import { TagFilter } from '../ui/list-filters.tsx';
import { formatCount } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge, stateColor } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { GetStarted } from '../ui/get-started.tsx';
import type { ChartSeries } from '../runs/run-history-chart.tsx';
import { ChartSkeleton, RunHistory, useChartReady } from '../runs/run-history.tsx';
import { ServerStatusCard } from './server-status-card.tsx';
import { WorkPoolsCard } from './work-pools-card.tsx';
import { FailuresCard } from './failures-card.tsx';

const TimeBucketChart = lazy(() => import('../runs/run-history-chart.tsx').then((m) => ({ default: m.TimeBucketChart })));

type ActivityTab = 'all' | 'failed' | 'running' | 'completed' | 'scheduled';
const ACTIVITY_STATES: Record<ActivityTab, string[] | null> = { all: null, failed: ['FAILED', 'CRASHED'], running: ['RUNNING', 'PENDING', 'CANCELLING', 'PAUSED'], completed: ['COMPLETED'], scheduled: ['SCHEDULED'] };

export function DashboardPage({ range, tags, onChange }: { range: RelativeRange; tags: string[]; onChange: (next: { range?: RelativeRange; tag?: string[] }) => void }) {
  // The window ends now: moved on every 30 s (and at once on a new range), so it never reaches into the future.
  const tick = useNow(30_000);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => Date.now(), [tick, range]);
  const filters = useMemo(() => dashboardFilters(RELATIVE_RANGES[range], now, tags), [range, now, tags]);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="What ran, what failed and what is late."
        actions={
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
            <Select aria-label="Time range" value={range} onChange={(e) => onChange({ range: e.target.value as RelativeRange, tag: tags })}>
              {(Object.keys(RELATIVE_RANGES) as RelativeRange[]).map((r) => (
                <option key={r} value={r}>
                  {RANGE_LABELS[r]}
                </option>
              ))}
            </Select>
            <TagFilter tags={tags} onChange={(tag) => onChange({ range, tag })} />
          </div>
        }
      />
      <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-3">
        <div className="grid grid-cols-1 gap-4 xl:col-span-2">
          <ActivityCard filters={filters} tags={tags} />
          <TaskRunTotals filters={filters} />
        </div>
        <div className="grid grid-cols-1 content-start gap-4">
          <LateRunsCard tagFilter={filters.tagFilter} />
          <FailuresCard range={range} tags={tags} />
          <WorkPoolsCard />
          <ServerStatusCard />
        </div>
      </div>
    </>
  );
}

type DashboardFilters = ReturnType<typeof dashboardFilters>;

/** An empty range; on a server without any run yet, how to get the first ones. */
function NoActivity() {
  const total = useQuery(buildFlowRunCountQuery({}));
  if (total.data === 0) {
    return (
      <EmptyState title="No flow runs on this server yet">
        This page charts every flow run by state and duration, the late runs and the work pools. Deploy a flow and start a worker to see it fill up.
        <GetStarted />
      </EmptyState>
    );
  }
  return <EmptyState title="No flow runs in this range">Widen the time range, or run a flow: each run is counted here at the time it was expected to start.</EmptyState>;
}

function ActivityCard({ filters, tags }: { filters: DashboardFilters; tags: string[] }) {
  const [tab, setTab] = useState<ActivityTab>('all');
  const states = ACTIVITY_STATES[tab];
  const flowRuns = { ...filters.flowRuns, ...(states ? { state: { type: { any_: states as never } } } : {}) };
  const count = useQuery(buildFlowRunCountQuery({ flow_runs: flowRuns }));
  return (
    <Card aria-label="Flow run activity">
      <CardHeader title={<span>Flow runs <span className="font-normal text-fg-muted tabular-nums">{formatCount(count.data)}</span></span>} actions={<UpcomingRuns filters={filters} tags={tags} />} />
      <Tabs label="Activity by state" value={tab} onSelect={setTab} items={(Object.keys(ACTIVITY_STATES) as ActivityTab[]).map((t) => ({ id: t, label: t.charAt(0).toUpperCase() + t.slice(1) }))} />
      <div className="px-3 pt-2 pb-2">
        <RunHistory filter={{ flow_runs: flowRuns }} window={filters.window} empty={<NoActivity />} />
      </div>
    </Card>
  );
}

/** Scheduled runs after now: not part of the past range, counted apart, with the way to them. */
function UpcomingRuns({ filters, tags }: { filters: DashboardFilters; tags: string[] }) {
  const upcoming = useQuery(buildFlowRunCountQuery({ flow_runs: filters.upcoming }));
  const text = `Upcoming: ${formatCount(upcoming.data)} in the next ${UPCOMING_DAYS} days`;
  if (!upcoming.data) return <span className="text-xs text-fg-muted tabular-nums">{text}</span>;
  const { after_: from, before_: to } = filters.upcoming.expected_start_time;
  return (
    <Link to="/runs" search={{ range: 'custom', from, to, state: ['SCHEDULED'], ...(tags.length ? { tag: tags } : {}) }} className="text-xs text-accent tabular-nums hover:underline">
      {text}
    </Link>
  );
}

const TASK_SERIES: ChartSeries[] = [
  { key: 'COMPLETED', label: 'Completed or cancelled', color: stateColor('COMPLETED') },
  { key: 'FAILED', label: 'Failed or crashed', color: stateColor('FAILED') },
];

function TaskRunTotals({ filters }: { filters: DashboardFilters }) {
  const filter = { task_runs: filters.taskRuns, ...(Object.keys(filters.tagFilter).length ? { flow_runs: filters.tagFilter } : {}) };
  const counts = useQuery(buildTaskRunStateCountsQuery(filter));
  const buckets = useQuery(buildTaskRunDashboardCountsQuery(filter));
  const ready = useChartReady();
  const { start, end } = filters.window;
  const rows = useMemo(() => (buckets.data ? dashboardCountRows(start, end, buckets.data) : undefined), [buckets.data, start, end]);
  const c = counts.data;
  const total = c ? Object.values(c).reduce((a, b) => a + b, 0) : undefined;
  const finished = c ? c.COMPLETED + c.FAILED + c.CRASHED + c.CANCELLED : 0;
  const pct = (n: number) => (finished ? `${((n / finished) * 100).toFixed(1)}%` : '—');
  return (
    <Card aria-label="Task runs">
      <CardHeader title="Task runs" />
      {counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <div className="grid gap-4 px-4 py-3 md:grid-cols-[16rem_minmax(0,1fr)]">
          <dl className="grid grid-cols-2 content-start gap-3">
            <Stat label="Total" value={formatCount(total)} />
            <Stat label="Running" value={formatCount(c?.RUNNING)} />
            <Stat label="Completed" value={c ? `${formatCount(c.COMPLETED)} · ${pct(c.COMPLETED)}` : undefined} token="completed" />
            <Stat label="Failed" value={c ? `${formatCount(c.FAILED + c.CRASHED)} · ${pct(c.FAILED + c.CRASHED)}` : undefined} token="failed" />
          </dl>
          <div className="min-w-0">
            {buckets.isError ? (
              <ErrorState error={buckets.error} onRetry={() => void buckets.refetch()} title="Could not load the task-run chart" />
            ) : rows && ready ? (
              <Suspense fallback={<ChartSkeleton height={110} />}>
                <TimeBucketChart rows={rows} series={TASK_SERIES} domain={[dashboardCountsSpan(start, end).start, end]} what="finished task runs" unit="runs" height={110} />
              </Suspense>
            ) : (
              <ChartSkeleton height={110} />
            )}
          </div>
        </div>
      )}
    </Card>
  );
}

function Stat({ label, value, token }: { label: string; value: string | undefined; token?: string }) {
  return (
    <div>
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" style={token ? { color: `var(--color-state-${token})` } : undefined}>
        {value ?? <Skeleton className="w-16" />}
      </dd>
    </div>
  );
}

function LateRunsCard({ tagFilter }: { tagFilter: object }) {
  const filter = { flow_runs: { state: { name: { any_: ['Late'] } }, ...tagFilter } };
  const late = useQuery(buildFlowRunsQuery({ ...filter, sort: 'EXPECTED_START_TIME_ASC', limit: 5 }));
  const count = useQuery(buildFlowRunCountQuery(filter));
  const flags = useFeatureFlags();
  const why = useQuery(buildDelayExplanationsQuery(late.data?.map((r) => r.id) ?? [], Boolean(flags?.has('flow_run_delay_explanation'))));
  return (
    <Card aria-label="Late runs">
      <CardHeader title={<span>Late runs <span className="font-normal text-fg-muted tabular-nums">{formatCount(count.data)}</span></span>} actions={count.data ? <Link to="/runs" search={{ state: ['Late'] }} className="text-xs text-accent hover:underline">Show all</Link> : undefined} />
      {late.isError ? (
        <ErrorState error={late.error} onRetry={() => void late.refetch()} />
      ) : !late.data ? (
        <div className="p-4"><Skeleton className="w-40" /></div>
      ) : late.data.length === 0 ? (
        <p className="px-4 py-5 text-fg-muted">No run is late: every scheduled run started on time.</p>
      ) : (
        <ul className="divide-y divide-border">
          {late.data.map((r) => (
            <li key={r.id} className="grid gap-0.5 px-4 py-2">
              <span className="flex items-center gap-2">
                <StateBadge type={r.state_type} name={r.state_name} size="sm" />
                <Link to="/runs/flow-run/$id" params={{ id: r.id }} className="min-w-0 flex-1 truncate text-accent hover:underline">
                  {r.name}
                </Link>
                <span className="text-xs text-fg-muted">
                  due <RelativeTime value={r.expected_start_time} />
                </span>
              </span>
              {why.data?.[r.id] && <span className="truncate text-xs text-fg-muted">{why.data[r.id]!.title}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
