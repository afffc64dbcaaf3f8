import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Rocket } from 'lucide-react';
import { buildDeploymentsQuery } from '../../api/deployments.ts';
import { describeSchedule } from '../../lib/schedules.ts';
import { TagList } from '../ui/misc.tsx';
import { StatusDot } from '../ui/status-dot.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { PausedSwitch } from './paused-switch.tsx';

/** A flow's deployments with their schedules, pause switch, status and work pool (the flow page's tab). */
export function FlowDeployments({ flowId }: { flowId: string }) {
  const deployments = useQuery(buildDeploymentsQuery({ flows: { id: { any_: [flowId] } }, sort: 'NAME_ASC', limit: 200 }));
  if (deployments.isError) return <ErrorState error={deployments.error} onRetry={() => void deployments.refetch()} title="Could not load deployments" />;
  if (deployments.data?.length === 0) {
    return (
      <EmptyState icon={Rocket} title="No deployments of this flow">
        Deploy it with <code className="rounded bg-surface-hover px-1 font-mono text-xs">syntask deploy</code> to run it on a schedule or start runs from the dashboard.
      </EmptyState>
    );
  }
  return (
    <Table
      label="Deployments of this flow"
      head={
        <>
          <th className={th}>Deployment</th>
          <th className={th}>Schedules</th>
          <th className={th}>Paused</th>
          <th className={th}>Status</th>
          <th className={th}>Work pool</th>
          <th className={th}>Tags</th>
        </>
      }
    >
      {deployments.isPending ? (
        <SkeletonRows columns={6} rows={3} />
      ) : (
        deployments.data.map((d) => (
          <tr key={d.id} className="hover:bg-surface-hover/60">
            <td className={td}>
              <Link to="/deployments/deployment/$id" params={{ id: d.id }} className="font-medium text-accent hover:underline">
                {d.name}
              </Link>
            </td>
            <td className={td + ' max-w-80'}>
              {d.schedules.length === 0 ? (
                <span className="text-fg-muted">No schedule</span>
              ) : (
                <ul>
                  {d.schedules.map((s) => (
                    <li key={s.id} className={s.active ? '' : 'text-fg-muted'}>
                      {describeSchedule(s.schedule)}
                      {!s.active && ' (inactive)'}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className={td}>
              <PausedSwitch deployment={d} />
            </td>
            <td className={td}>
              <span className="inline-flex items-center gap-1.5 text-xs">
                <StatusDot tone={d.status === 'READY' ? 'success' : 'neutral'} />
                {d.status === 'READY' ? 'Ready' : 'Not ready'}
              </span>
            </td>
            <td className={td}>{d.work_pool_name ?? <span className="text-fg-muted">—</span>}</td>
            <td className={td}>
              <TagList tags={d.tags} max={2} />
            </td>
          </tr>
        ))
      )}
    </Table>
  );
}
