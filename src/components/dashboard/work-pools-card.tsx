import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Server } from 'lucide-react';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { buildWorkersQuery, buildWorkPoolsPageQuery, type WorkPool } from '../../api/work-pools.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { formatCount } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { StatusLabel } from '../work-pools/status.tsx';

/** Pools shown on the dashboard; the rest are one click away. */
const SHOWN = 6;

/** One row per work pool: status, workers online, runs running and late. */
export function WorkPoolsCard() {
  const pools = useQuery(buildWorkPoolsPageQuery());
  const rows = pools.data ?? [];
  return (
    <Card aria-label="Work pools">
      <CardHeader
        title="Work pools"
        actions={
          rows.length > SHOWN ? (
            <Link to="/work-pools" className="text-sm text-accent hover:underline">
              All {formatCount(rows.length)}
            </Link>
          ) : undefined
        }
      />
      {pools.isError ? (
        <ErrorState error={pools.error} onRetry={() => void pools.refetch()} title="Could not load work pools" />
      ) : pools.isPending ? (
        <div className="p-4">
          <Skeleton className="h-16 w-full" />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState icon={Server} title="No work pools yet">
          Start a worker with <code className="rounded bg-surface-hover px-1 font-mono text-xs">npx syntask worker start --pool local</code>: it creates its pool, and
          the pool shows here with its workers and late runs.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-border">
          {rows.slice(0, SHOWN).map((pool) => (
            <PoolRow key={pool.id} pool={pool} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function PoolRow({ pool }: { pool: WorkPool }) {
  const workers = useQuery(buildWorkersQuery(pool.name));
  const inPool = { work_pools: { name: { any_: [pool.name] } } };
  const running = useQuery(buildFlowRunCountQuery({ ...inPool, flow_runs: { state: { type: { any_: ['RUNNING'] } } } }));
  const late = useQuery(buildFlowRunCountQuery({ ...inPool, flow_runs: { state: { name: { any_: ['Late'] } } } }));
  const online = workers.data?.filter((w) => w.status === 'ONLINE').length;
  return (
    <li className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5">
      <Link to="/work-pools/work-pool/$name" params={{ name: pool.name }} className="truncate font-medium text-accent hover:underline">
        {pool.name}
      </Link>
      <StatusLabel status={pool.status} className="text-xs" />
      <dl className="col-span-2 flex gap-4 text-xs text-fg-muted">
        <Figure label="Workers online" value={online === undefined ? undefined : `${online} of ${workers.data?.length ?? 0}`} />
        <Figure label="Running" value={running.data === undefined ? undefined : formatCount(running.data)} />
        <Figure label="Late" value={late.data === undefined ? undefined : formatCount(late.data)} danger={(late.data ?? 0) > 0} />
      </dl>
    </li>
  );
}

function Figure({ label, value, danger }: { label: string; value: string | undefined; danger?: boolean }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd className={danger ? 'font-medium text-danger tabular-nums' : 'text-fg tabular-nums'}>{value ?? '—'}</dd>
    </div>
  );
}
