import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildDeploymentDetailQuery, type Deployment } from '../../api/deployments.ts';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { buildFlowDetailQuery } from '../../api/flows.ts';
import type { DeploymentSearch, DeploymentTab } from '../../lib/deployment-search.ts';
import { Card } from '../ui/card.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StatusDot } from '../ui/status-dot.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { FlowRunsTable, NoFlowRuns } from '../flow-runs/flow-runs-table.tsx';
import { RunActivityCard } from '../runs/run-activity-card.tsx';
import { TaskGridSection } from '../runs/task-grid.tsx';
import { DeploymentActions } from './deployment-actions.tsx';
import { ConfigurationTab, DescriptionTab, ParametersTab } from './deployment-tabs.tsx';
import { SchedulesSection } from './schedules-section.tsx';
import { WatchingAutomations } from '../automations/watching-automations.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A deployment id that is malformed or unknown: said plainly, with the way back. */
export function DeploymentNotFound({ id }: { id: string }) {
  return (
    <>
      <PageHeader breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, { label: id }]} title="Deployment not found" />
      <Card>
        <EmptyState title="No such deployment">
          No deployment has the id “{id}”; it may have been deleted. <Link to="/deployments" className="text-accent hover:underline">Back to deployments</Link>
        </EmptyState>
      </Card>
    </>
  );
}

export function DeploymentPage({ id, search, onSearch }: { id: string; search: DeploymentSearch; onSearch: (next: DeploymentSearch) => void }) {
  // A malformed id cannot exist: no request for it.
  const deployment = useQuery({ ...buildDeploymentDetailQuery(id), enabled: UUID.test(id) });
  if (!UUID.test(id) || (deployment.isError && (deployment.error as { status?: number }).status === 404)) return <DeploymentNotFound id={id} />;
  if (deployment.isError) return <ErrorState error={deployment.error} onRetry={() => void deployment.refetch()} title="Could not load the deployment" />;
  if (!deployment.data) {
    return (
      <div aria-busy="true" aria-label="Loading the deployment" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
      </div>
    );
  }
  return <Loaded deployment={deployment.data} search={search} onSearch={onSearch} />;
}

function Loaded({ deployment: d, search, onSearch }: { deployment: Deployment; search: DeploymentSearch; onSearch: (next: DeploymentSearch) => void }) {
  const flow = useQuery(buildFlowDetailQuery(d.flow_id));
  const tab: DeploymentTab = search.tab ?? 'runs';
  const runsFilter = { deployments: { id: { any_: [d.id] } } };
  const upcomingFilter = { ...runsFilter, flow_runs: { state: { type: { any_: ['SCHEDULED' as const] } } } };
  const runCount = useQuery(buildFlowRunCountQuery(runsFilter));
  const upcomingCount = useQuery(buildFlowRunCountQuery(upcomingFilter));
  const page = search.page ?? 1;
  const setPage = (p: number) => onSearch({ ...search, page: p > 1 ? p : undefined });
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, ...(flow.data ? [{ label: flow.data.name, to: '/flows/flow/$id', params: { id: d.flow_id } }] : []), { label: d.name }]}
        title={d.name}
        badge={
          <span className="inline-flex items-center gap-1.5 text-xs text-fg-muted" title={d.last_polled ? `Last polled ${d.last_polled}` : 'Never polled by a worker'}>
            <StatusDot tone={d.status === 'READY' ? 'success' : 'neutral'} />
            {d.status === 'READY' ? 'Ready' : 'Not ready'}
          </span>
        }
        actions={<DeploymentActions deployment={d} flowName={flow.data?.name} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm" aria-label="Deployment summary">
        <span className="flex items-center gap-1.5">
          <span className="text-fg-muted">Flow</span>
          <Link to="/flows/flow/$id" params={{ id: d.flow_id }} className="text-accent hover:underline">
            {flow.data?.name ?? '…'}
          </Link>
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-fg-muted">Work pool</span>
          {d.work_pool_name ? (
            <Link to="/work-pools/work-pool/$name" params={{ name: d.work_pool_name }} className="text-accent hover:underline">
              {d.work_pool_name}
            </Link>
          ) : (
            '—'
          )}
          {d.work_queue_name && <span className="text-fg-muted">/ {d.work_queue_name}</span>}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="text-fg-muted">Last polled</span>
          <RelativeTime value={d.last_polled} />
        </span>
        {d.version && (
          <span className="flex items-center gap-1.5">
            <span className="text-fg-muted">Version</span>
            {d.version}
          </span>
        )}
        {d.tags.length > 0 && <TagList tags={d.tags} />}
      </div>
      <WatchingAutomations resourceId={`syntask.deployment.${d.id}`} />
      <SchedulesSection deployment={d} />
      <RunActivityCard deploymentId={d.id} subject="this deployment" />
      <TaskGridSection deploymentId={d.id} runs={search.grid} onRuns={(grid) => onSearch({ ...search, grid })} />
      <Card>
        <Tabs
          label="Deployment views"
          value={tab}
          onSelect={(t) => onSearch({ grid: search.grid, tab: t === 'runs' ? undefined : t })}
          items={[
            { id: 'runs', label: 'Runs', count: runCount.data },
            { id: 'upcoming', label: 'Upcoming', count: upcomingCount.data },
            { id: 'parameters', label: 'Parameters' },
            { id: 'configuration', label: 'Configuration' },
            { id: 'description', label: 'Description' },
          ]}
        />
        <div role="tabpanel" aria-label={tab}>
          {tab === 'runs' && <FlowRunsTable filter={runsFilter} sort="START_TIME_DESC" page={page} pageSize={25} onPage={setPage} hideFlow hideDeployment empty={<NoFlowRuns filtered={false} />} />}
          {tab === 'upcoming' && (
            <FlowRunsTable
              filter={upcomingFilter}
              sort="NEXT_SCHEDULED_START_TIME_ASC"
              page={page}
              pageSize={25}
              onPage={setPage}
              hideFlow
              hideDeployment
              label="Upcoming runs"
              empty={<EmptyState title="No upcoming runs">{d.paused ? 'The deployment is paused.' : d.schedules.some((s) => s.active) ? 'The scheduler creates the next runs within a minute.' : 'Add an active schedule, or start a run from Run ▾.'}</EmptyState>}
            />
          )}
          {tab === 'parameters' && <ParametersTab deployment={d} />}
          {tab === 'configuration' && <ConfigurationTab deployment={d} />}
          {tab === 'description' && <DescriptionTab deployment={d} />}
        </div>
      </Card>
    </>
  );
}
