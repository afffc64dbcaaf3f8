import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildArtifactsCountQuery, buildArtifactsQuery } from '../../api/artifacts.ts';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { ArtifactType } from './artifact-data.tsx';

/** The artifacts a flow run published (its result artifacts left out): the filter the tab and its count share. */
export const runArtifactsFilter = (flowRunId: string) => ({ artifacts: { flow_run_id: { any_: [flowRunId] }, type: { not_any_: ['result'] } } });

/** The flow run page's Artifacts tab: what the run published, newest first, each linking to its page. */
export function RunArtifacts({ flowRunId, page, onPage }: { flowRunId: string; page: number; onPage: (page: number) => void }) {
  const filter = runArtifactsFilter(flowRunId);
  const pageSize = 50;
  const artifacts = useQuery(buildArtifactsQuery({ ...filter, sort: 'CREATED_DESC', limit: pageSize, offset: (page - 1) * pageSize }));
  const count = useQuery(buildArtifactsCountQuery(filter));
  if (artifacts.isError) return <ErrorState error={artifacts.error} onRetry={() => void artifacts.refetch()} title="Could not load the artifacts" />;
  if (artifacts.isSuccess && artifacts.data.length === 0) return <EmptyState title="No artifacts">Tables, links and reports this run publishes appear here.</EmptyState>;
  return (
    <>
      <Table
        label="Artifacts of this run"
        head={
          <>
            <th className={th}>Artifact</th>
            <th className={th}>Type</th>
            <th className={th}>Description</th>
            <th className={th}>Created</th>
          </>
        }
      >
        {artifacts.isPending ? (
          <SkeletonRows columns={4} rows={3} />
        ) : (
          artifacts.data.map((a) => (
            <tr key={a.id} className="hover:bg-surface-hover/60">
              <td className={td + ' max-w-72 truncate'}>
                <Link to="/artifacts/artifact/$id" params={{ id: a.id }} className="font-medium text-accent hover:underline">
                  {a.key ?? `Unkeyed ${a.type ?? 'artifact'} ${a.id.slice(0, 8)}`}
                </Link>
              </td>
              <td className={td}>
                <ArtifactType type={a.type} />
              </td>
              <td className={td + ' max-w-96 truncate text-fg-muted'} title={a.description ?? undefined}>
                {a.description ?? '—'}
              </td>
              <td className={td}>
                <DateTime value={a.created} style="seconds" />
              </td>
            </tr>
          ))
        )}
      </Table>
      <Pagination page={page} pageSize={pageSize} total={count.data} onPage={onPage} noun="artifacts" />
    </>
  );
}
