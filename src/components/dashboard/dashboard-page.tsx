import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildFlowRunActivityQuery, buildFlowRunsQuery, buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { buildTaskRunDashboardCountsQuery, buildTaskRunStateCountsQuery } from '../../api/task-runs.ts';
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
import { formatDateTime, formatDuration } from '../../lib/time.ts';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';
import { GetStarted } from '../ui/get-started.tsx';
import { ServerStatusCard } from './server-status-card.tsx';
import { WorkPoolsCard } from './work-pools-card.tsx';

export const HOME_RANGES = { '1h': 3600, '24h': 86_400, '7d': 604_800, '30d': 2_592_000 } as const;
export type HomeRange = keyof typeof HOME_RANGES;
const RANGE_LABELS: Record<HomeRange, string> = { '1h': 'Past hour', '24h': 'Past 24 hours', '7d': 'Past 7 days', '30d': 'Past 30 days' };

type ActivityTab = 'all' | 'failed' | 'running' | 'completed' | 'scheduled';
const ACTIVITY_STATES: Record<ActivityTab, string[] | null> = { all: null, failed: ['FAILED', 'CRASHED'], running: ['RUNNING', 'PENDING', 'CANCELLING', 'PAUSED'], completed: ['COMPLETED'], scheduled: ['SCHEDULED'] };

export function DashboardPage({ range, tags, onChange }: { range: HomeRange; tags: string[]; onChange: (next: { range?: HomeRange; tag?: string[] }) => void }) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const since = useMemo(() => new Date(Math.floor((Date.now() - HOME_RANGES[range] * 1000) / 60_000) * 60_000).toISOString(), [range]);
  const tagFilter = tags.length ? { tags: { all_: tags } } : {};
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="What ran, what failed and what is late."
        actions={
          <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
            <Select aria-label="Time range" value={range} onChange={(e) => onChange({ range: e.target.value as HomeRange, tag: tags })}>
              {(Object.keys(HOME_RANGES) as HomeRange[]).map((r) => (
                <option key={r} value={r}>
                  {RANGE_LABELS[r]}
                </option>
              ))}
            </Select>
            <TagFilter tags={tags} onChange={(tag) => onChange({ range, tag })} />
          </div>
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-3">
        <div className="grid gap-4 xl:col-span-2">
          <ActivityCard since={since} tagFilter={tagFilter} />
          <TaskRunTotals since={since} tagFilter={tagFilter} />
        </div>
        <div className="grid content-start gap-4">
          <LateRunsCard tagFilter={tagFilter} />
          <WorkPoolsCard />
          <ServerStatusCard />
        </div>
      </div>
    </>
  );
}

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
  return <EmptyState title="No flow runs in this range">Widen the time range, or run a flow: each run shows here as a bar.</EmptyState>;
}

function ActivityCard({ since, tagFilter }: { since: string; tagFilter: object }) {
  const [tab, setTab] = useState<ActivityTab>('all');
  const states = ACTIVITY_STATES[tab];
  const body = { flow_runs: { expected_start_time: { after_: since }, ...tagFilter, ...(states ? { state: { type: { any_: states as never } } } : {}) }, sort: 'EXPECTED_START_TIME_DESC' as const, limit: 500 };
  const activity = useQuery(buildFlowRunActivityQuery(body));
  const count = useQuery(buildFlowRunCountQuery({ flow_runs: body.flow_runs }));
  const zone = useTimeZone();
  const clock = useClock();
  const points = useMemo(() => [...(activity.data ?? [])].reverse(), [activity.data]);
  const maxDuration = Math.max(1, ...points.map((p) => p.duration));
  return (
    <Card aria-label="Flow run activity">
      <CardHeader title={<span>Flow runs <span className="font-normal text-fg-muted tabular-nums">{formatCount(count.data)}</span></span>} />
      <Tabs label="Activity by state" value={tab} onSelect={setTab} items={(Object.keys(ACTIVITY_STATES) as ActivityTab[]).map((t) => ({ id: t, label: t.charAt(0).toUpperCase() + t.slice(1) }))} />
      <div className="px-4 py-3">
        {activity.isError ? (
          <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
        ) : !activity.data ? (
          <Skeleton className="h-32 w-full" />
        ) : points.length === 0 ? (
          <NoActivity />
        ) : (
          <>
            <div className="flex h-32 items-end gap-px" role="list" aria-label="One bar per run, height by duration">
              {points.map((p) => (
                <Link
                  key={p.id}
                  role="listitem"
                  to="/runs/flow-run/$id"
                  params={{ id: p.id }}
                  title={`${p.state_type ?? ''} · ${p.timestamp ? formatDateTime(p.timestamp, zone, 'datetime', true, clock) : ''} · ${formatDuration(p.duration)}`}
                  className="min-w-[2px] flex-1 rounded-t-sm hover:opacity-80"
                  style={{ height: `${Math.max(4, (Math.sqrt(p.duration) / Math.sqrt(maxDuration)) * 100)}%`, background: stateColor(p.state_type) }}
                />
              ))}
            </div>
            <div className="mt-1 flex justify-between text-[11px] text-fg-muted tabular-nums">
              <span>{points[0]?.timestamp && formatDateTime(points[0].timestamp, zone, 'datetime', true, clock)}</span>
              <span>bar height: duration (longest {formatDuration(maxDuration)})</span>
              <span>{points.at(-1)?.timestamp && formatDateTime(points.at(-1)!.timestamp!, zone, 'datetime', true, clock)}</span>
            </div>
          </>
        )}
      </div>
    </Card>
  );
}

function TaskRunTotals({ since, tagFilter }: { since: string; tagFilter: object }) {
  const zone = useTimeZone();
  const clock = useClock();
  const filter = { task_runs: { start_time: { after_: since } }, ...(Object.keys(tagFilter).length ? { flow_runs: tagFilter } : {}) };
  const counts = useQuery(buildTaskRunStateCountsQuery(filter));
  const buckets = useQuery(buildTaskRunDashboardCountsQuery(filter));
  const c = counts.data;
  const total = c ? Object.values(c).reduce((a, b) => a + b, 0) : undefined;
  const finished = c ? c.COMPLETED + c.FAILED + c.CRASHED + c.CANCELLED : 0;
  const pct = (n: number) => (finished ? `${((n / finished) * 100).toFixed(1)}%` : '—');
  const maxBucket = Math.max(1, ...(buckets.data ?? []).map((b) => b.completed + b.failed));
  return (
    <Card aria-label="Task runs">
      <CardHeader title="Task runs" />
      {counts.isError ? (
        <ErrorState error={counts.error} onRetry={() => void counts.refetch()} />
      ) : (
        <div className="grid gap-4 px-4 py-3 md:grid-cols-[16rem_minmax(0,1fr)]">
          <dl className="grid grid-cols-2 gap-3">
            <Stat label="Total" value={formatCount(total)} />
            <Stat label="Running" value={formatCount(c?.RUNNING)} />
            <Stat label="Completed" value={c ? `${formatCount(c.COMPLETED)} · ${pct(c.COMPLETED)}` : undefined} token="completed" />
            <Stat label="Failed" value={c ? `${formatCount(c.FAILED + c.CRASHED)} · ${pct(c.FAILED + c.CRASHED)}` : undefined} token="failed" />
          </dl>
          <div>
            <div className="flex h-20 items-end gap-1" role="img" aria-label="Finished task runs over the range: completed and failed per interval">
              {(buckets.data ?? []).map((b, i) => (
                <div key={i} className="flex h-full flex-1 flex-col justify-end" title={`${b.completed} completed, ${b.failed} failed`}>
                  <div style={{ height: `${(b.failed / maxBucket) * 100}%`, background: stateColor('FAILED') }} className="min-h-0 rounded-t-sm" />
                  <div style={{ height: `${(b.completed / maxBucket) * 100}%`, background: stateColor('COMPLETED') }} className="min-h-0" />
                </div>
              ))}
              {!buckets.data && <Skeleton className="h-20 w-full" />}
            </div>
            <p className="mt-1 flex justify-between text-[11px] text-fg-muted">
              <span>{formatDateTime(since, zone, 'datetime', true, clock)}</span>
              <span>finished task runs per interval: completed (green), failed (red)</span>
              <span>now</span>
            </p>
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
            <li key={r.id} className="flex items-center gap-2 px-4 py-2">
              <StateBadge type={r.state_type} name={r.state_name} size="sm" />
              <Link to="/runs/flow-run/$id" params={{ id: r.id }} className="min-w-0 flex-1 truncate text-accent hover:underline">
                {r.name}
              </Link>
              <span className="text-xs text-fg-muted">
                due <RelativeTime value={r.expected_start_time} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
