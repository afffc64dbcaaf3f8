import type { UseQueryResult } from '@tanstack/react-query';
import { Cpu } from 'lucide-react';
import type { Worker, WorkPool } from '../../api/work-pools.ts';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime, RelativeTime } from '../ui/time.tsx';
import { StatusLabel } from './status.tsx';
import { hasLocalWorker } from '../../lib/work-pool-types.ts';
import { WorkerCommand } from './worker-command.tsx';

/** The pool's workers with their last heartbeat; re-read every 10 s. */
export function WorkersTab({ pool, query }: { pool: WorkPool; query: UseQueryResult<Worker[]> }) {
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load the workers" />;
  if (query.isSuccess && query.data.length === 0) {
    return (
      <EmptyState icon={Cpu} title="No worker has polled this pool">
        {hasLocalWorker(pool.type) ? (
          <>
            <p className="mb-3">A worker registers here with its first heartbeat. Start one where the flows' code lives:</p>
            <div className="flex justify-center">
              <WorkerCommand pool={pool.name} />
            </div>
          </>
        ) : (
          // The page's note above says which worker this type needs; no command that would ignore it.
          <p>A worker registers here with its first heartbeat: one that understands this pool's type, {pool.type}.</p>
        )}
      </EmptyState>
    );
  }
  return (
    <Table
      label="Workers"
      head={
        <>
          <th className={th}>Worker</th>
          <th className={th}>Status</th>
          <th className={th}>Last heartbeat</th>
          <th className={th}>When</th>
          <th className={th + ' text-right'}>Heartbeat every</th>
        </>
      }
    >
      {query.isPending ? (
        <SkeletonRows columns={5} rows={2} />
      ) : (
        query.data.map((w) => (
          <tr key={w.id}>
            <td className={td + ' font-mono text-xs'}>{w.name}</td>
            <td className={td}>
              <StatusLabel status={w.status} />
            </td>
            <td className={td}>
              <DateTime value={w.last_heartbeat_time} style="seconds" />
            </td>
            <td className={td}>
              <RelativeTime value={w.last_heartbeat_time} />
            </td>
            <td className={td + ' text-right tabular-nums'}>{w.heartbeat_interval_seconds ? `${w.heartbeat_interval_seconds}s` : <span className="text-fg-muted">30s (default)</span>}</td>
          </tr>
        ))
      )}
    </Table>
  );
}
