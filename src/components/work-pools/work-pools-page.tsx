import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plus, Server } from 'lucide-react';
import { buildWorkersQuery, buildWorkPoolsPageQuery, buildWorkPoolTypesQuery, buildWorkQueuesQuery, type WorkPool, type WorkPoolType } from '../../api/work-pools.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { formatCount } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { DeletePoolButton, PausePoolButton } from './pool-actions.tsx';
import { StatusLabel } from './status.tsx';

const code = 'rounded bg-surface-hover px-1 font-mono text-xs';

export function WorkPoolsPage() {
  const pools = useQuery(buildWorkPoolsPageQuery());
  const types = useQuery(buildWorkPoolTypesQuery());
  const rows = pools.data ?? [];
  const create = (
    <RequireRole role="admin">
      <Link to="/work-pools/create" className={buttonClassName('primary')}>
        <Plus aria-hidden="true" />
        Create work pool
      </Link>
    </RequireRole>
  );
  return (
    <>
      <PageHeader
        title="Work Pools"
        description="Where deployments run: each pool has queues that workers poll for scheduled runs."
        count={pools.data?.length}
        actions={create}
      />
      <Card>
        {pools.isError ? (
          <ErrorState error={pools.error} onRetry={() => void pools.refetch()} title="Could not load work pools" />
        ) : pools.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Server} title="No work pools yet" action={create}>
            A work pool is where a deployment's runs wait until a worker picks them up. Create one here, or start a worker with{' '}
            <code className={code}>syntask worker start --pool &lt;name&gt;</code>, which creates a process pool of that name if it is missing.
          </EmptyState>
        ) : (
          <Table
            label="Work pools"
            head={
              <>
                <th className={th + ' w-full'}>Work pool</th>
                <th className={th}>Type</th>
                <th className={th}>Status</th>
                <th className={th + ' text-right'}>Workers online</th>
                <th className={th + ' text-right'}>Queues</th>
                <th className={th + ' text-right'}>Concurrency</th>
                <th className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </>
            }
          >
            {pools.isPending ? <SkeletonRows columns={7} rows={4} /> : rows.map((p) => <Row key={p.id} pool={p} type={types.data?.find((t) => t.type === p.type)} />)}
          </Table>
        )}
      </Card>
    </>
  );
}

function Row({ pool, type }: { pool: WorkPool; type?: WorkPoolType }) {
  const workers = useQuery(buildWorkersQuery(pool.name));
  const queues = useQuery(buildWorkQueuesQuery(pool.name));
  const online = workers.data?.filter((w) => w.status === 'ONLINE').length;
  return (
    <tr className="hover:bg-surface-hover/60">
      <td className={tdFlex + ' py-1.5'}>
        <Link to="/work-pools/work-pool/$name" params={{ name: pool.name }} className="block truncate font-medium text-accent hover:underline">
          {pool.name}
        </Link>
        {pool.description && <span className="block truncate text-xs text-fg-muted">{pool.description}</span>}
      </td>
      <td className={td}>
        {type?.displayName ?? pool.type}
        {type && type.displayName.toLowerCase() !== pool.type.toLowerCase() && <span className="ml-1 font-mono text-xs text-fg-muted">{pool.type}</span>}
      </td>
      <td className={td}>
        <StatusLabel status={pool.status} />
      </td>
      <td className={td + ' text-right tabular-nums'}>
        {workers.isPending ? <Skeleton className="w-10" /> : workers.isError ? <span className="text-fg-muted">?</span> : <span aria-label={`${online} of ${workers.data.length} workers online`}>{online} / {workers.data.length}</span>}
      </td>
      <td className={td + ' text-right tabular-nums'}>{queues.isPending ? <Skeleton className="w-6" /> : formatCount(queues.data?.length)}</td>
      <td className={td + ' text-right tabular-nums'}>{pool.concurrency_limit ?? <span className="text-fg-muted">unlimited</span>}</td>
      <td className={td}>
        <div className="flex justify-end gap-1">
          <PausePoolButton pool={pool} compact />
          <DeletePoolButton pool={pool} compact after={() => undefined} />
        </div>
      </td>
    </tr>
  );
}
