import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Pencil } from 'lucide-react';
import { buildDeploymentCountQuery } from '../../api/deployments.ts';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { buildWorkersQuery, buildWorkPoolQuery, buildWorkQueuesQuery, type WorkPool } from '../../api/work-pools.ts';
import type { WorkPoolSearch, WorkPoolTab } from '../../lib/work-pool-search.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { FlowRunsTable } from '../flow-runs/flow-runs-table.tsx';
import { DeletePoolButton, PausePoolButton } from './pool-actions.tsx';
import { DeploymentsTab, DetailsTab } from './pool-tabs.tsx';
import { QueuesTab } from './queues-tab.tsx';
import { StatusLabel } from './status.tsx';
import { WorkerHint } from './worker-command.tsx';
import { WorkersTab } from './workers-tab.tsx';
import { WatchingAutomations } from '../automations/watching-automations.tsx';

/** An unknown pool name: said plainly, with the way back. */
function WorkPoolNotFound({ name }: { name: string }) {
  return (
    <>
      <PageHeader breadcrumbs={[{ label: 'Work Pools', to: '/work-pools' }, { label: name }]} title="Work pool not found" />
      <Card>
        <EmptyState title="No such work pool">
          No work pool is named “{name}”; it may have been deleted.{' '}
          <Link to="/work-pools" className="text-accent hover:underline">
            Back to work pools
          </Link>
        </EmptyState>
      </Card>
    </>
  );
}

export function WorkPoolPage({ name, search, onSearch }: { name: string; search: WorkPoolSearch; onSearch: (next: WorkPoolSearch) => void }) {
  const pool = useQuery(buildWorkPoolQuery(name));
  if (pool.isError && (pool.error as { status?: number }).status === 404) return <WorkPoolNotFound name={name} />;
  if (pool.isError) return <ErrorState error={pool.error} onRetry={() => void pool.refetch()} title="Could not load the work pool" />;
  if (!pool.data) {
    return (
      <div aria-busy="true" aria-label="Loading the work pool" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
      </div>
    );
  }
  return <Loaded pool={pool.data} search={search} onSearch={onSearch} />;
}

function Loaded({ pool, search, onSearch }: { pool: WorkPool; search: WorkPoolSearch; onSearch: (next: WorkPoolSearch) => void }) {
  const tab: WorkPoolTab = search.tab ?? 'details';
  const runsFilter = { work_pools: { name: { any_: [pool.name] } } };
  const runCount = useQuery(buildFlowRunCountQuery(runsFilter));
  const queues = useQuery(buildWorkQueuesQuery(pool.name));
  const workers = useQuery(buildWorkersQuery(pool.name));
  const deployments = useQuery(buildDeploymentCountQuery(runsFilter));
  const page = search.page ?? 1;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Work Pools', to: '/work-pools' }, { label: pool.name }]}
        title={pool.name}
        badge={<StatusLabel status={pool.status} className="text-sm" />}
        description={pool.description || undefined}
        actions={
          <>
            <PausePoolButton pool={pool} />
            <RequireRole role="admin">
              <Link to="/work-pools/work-pool/$name/edit" params={{ name: pool.name }} className={buttonClassName()}>
                <Pencil aria-hidden="true" />
                Edit
              </Link>
            </RequireRole>
            <DeletePoolButton pool={pool} />
          </>
        }
      />
      <WorkerHint pool={pool} />
      <WatchingAutomations resourceId={`syntask.work-pool.${pool.id}`} />
      <Card>
        <Tabs
          label="Work pool views"
          value={tab}
          onSelect={(t) => onSearch({ tab: t === 'details' ? undefined : t })}
          items={[
            { id: 'details', label: 'Details' },
            { id: 'runs', label: 'Runs', count: runCount.data },
            { id: 'queues', label: 'Queues', count: queues.data?.length },
            { id: 'workers', label: 'Workers', count: workers.data?.length },
            { id: 'deployments', label: 'Deployments', count: deployments.data },
          ]}
        />
        <div role="tabpanel" aria-label={tab}>
          {tab === 'details' && <DetailsTab pool={pool} />}
          {tab === 'runs' && (
            <FlowRunsTable
              filter={runsFilter}
              sort="START_TIME_DESC"
              page={page}
              pageSize={25}
              onPage={(p) => onSearch({ ...search, page: p > 1 ? p : undefined })}
              empty={<EmptyState title="No runs in this pool yet">Runs of deployments that use this pool appear here once they are scheduled or started.</EmptyState>}
            />
          )}
          {tab === 'queues' && <QueuesTab pool={pool} query={queues} />}
          {tab === 'workers' && <WorkersTab pool={pool} query={workers} />}
          {tab === 'deployments' && <DeploymentsTab pool={pool} />}
        </div>
      </Card>
    </>
  );
}
