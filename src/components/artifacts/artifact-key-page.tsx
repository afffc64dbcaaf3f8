import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildArtifactsCountQuery, buildArtifactsQuery, buildLatestArtifactOfKeyQuery } from '../../api/artifacts.ts';
import { ApiError } from '../../api/client.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { ArtifactType } from './artifact-data.tsx';
import { ArtifactDetails, ArtifactNotFound } from './artifact-details.tsx';
import { FlowRunLink, useFlowRunsById } from './run-links.tsx';

const KEY = /^[a-z0-9-]+$/;
const PAGE = 25;

/** `/artifacts/key/{key}`: the key's latest version rendered, then every version, newest first. */
export function ArtifactKeyPage({ artifactKey: key, page, onPage }: { artifactKey: string; page: number; onPage: (page: number) => void }) {
  const valid = KEY.test(key);
  const latest = useQuery({ ...buildLatestArtifactOfKeyQuery(key), enabled: valid });
  const crumbs = [{ label: 'Artifacts', to: '/artifacts' }, { label: key }];
  if (!valid || (latest.error instanceof ApiError && latest.error.status === 404)) return <ArtifactNotFound what={`No artifact has the key “${key}”.`} breadcrumbs={crumbs} />;
  return (
    <>
      <PageHeader breadcrumbs={crumbs} title={key} description="The latest version of this key, and every version before it." />
      {latest.isError ? (
        <ErrorState error={latest.error} onRetry={() => void latest.refetch()} title="Could not load the artifact" />
      ) : latest.data ? (
        <div className="grid gap-4">
          <ArtifactDetails artifact={latest.data} dataTitle="Latest version" />
          <VersionHistory artifactKey={key} latestId={latest.data.id} page={page} onPage={onPage} />
        </div>
      ) : (
        <div aria-busy="true" className="grid gap-3">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      )}
    </>
  );
}

function VersionHistory({ artifactKey: key, latestId, page, onPage }: { artifactKey: string; latestId: string; page: number; onPage: (page: number) => void }) {
  const filter = { artifacts: { key: { any_: [key] } } };
  const versions = useQuery(buildArtifactsQuery({ ...filter, sort: 'CREATED_DESC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildArtifactsCountQuery(filter));
  const rows = versions.data ?? [];
  const runs = useFlowRunsById(rows.map((a) => a.flow_run_id));
  return (
    <Card aria-label="Version history">
      <CardHeader title={`Version history${count.data !== undefined ? ` (${count.data.toLocaleString('en')})` : ''}`} />
      {versions.isError ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} title="Could not load the versions" />
      ) : (
        <>
          <Table
            label="Versions"
            head={
              <>
                <th className={th}>Created</th>
                <th className={th}>Type</th>
                <th className={th}>Description</th>
                <th className={th}>Made by run</th>
              </>
            }
          >
            {versions.isPending ? (
              <SkeletonRows columns={4} rows={3} />
            ) : (
              rows.map((a) => (
                <tr key={a.id} className="hover:bg-surface-hover/60">
                  <td className={td}>
                    <Link to="/artifacts/artifact/$id" params={{ id: a.id }} className="text-accent hover:underline">
                      <DateTime value={a.created} style="seconds" />
                    </Link>
                    {a.id === latestId && <span className="ml-2 rounded-full border border-border px-1.5 text-xs text-fg-muted">latest</span>}
                  </td>
                  <td className={td}>
                    <ArtifactType type={a.type} />
                  </td>
                  <td className={td + ' max-w-96 truncate text-fg-muted'} title={a.description ?? undefined}>
                    {a.description ?? '—'}
                  </td>
                  <td className={td + ' max-w-56 truncate'}>
                    <FlowRunLink id={a.flow_run_id} run={a.flow_run_id ? runs.get(a.flow_run_id) : undefined} />
                  </td>
                </tr>
              ))
            )}
          </Table>
          <Pagination page={page} pageSize={PAGE} total={count.data} onPage={onPage} noun="versions" />
        </>
      )}
    </Card>
  );
}
