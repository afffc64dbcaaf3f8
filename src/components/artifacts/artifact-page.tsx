import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildArtifactQuery, buildLatestArtifactOfKeyQuery } from '../../api/artifacts.ts';
import { ApiError } from '../../api/client.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { CopyButton } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { ArtifactDetails, ArtifactNotFound } from './artifact-details.tsx';

/** `/artifacts/artifact/{id}`: one artifact (any version of a key, or an unkeyed one). */
export function ArtifactPage({ id }: { id: string }) {
  const artifact = useQuery({ ...buildArtifactQuery(id), enabled: isUuid(id) });
  const key = artifact.data?.key ?? null;
  const latest = useQuery({ ...buildLatestArtifactOfKeyQuery(key ?? ''), enabled: key !== null });
  if (!isUuid(id) || (artifact.error instanceof ApiError && artifact.error.status === 404))
    return <ArtifactNotFound what={`No artifact has the id “${id}”.`} breadcrumbs={[{ label: 'Artifacts', to: '/artifacts' }, { label: id }]} />;
  if (artifact.isError) return <ErrorState error={artifact.error} onRetry={() => void artifact.refetch()} title="Could not load the artifact" />;
  if (!artifact.data)
    return (
      <div aria-busy="true" className="grid gap-3">
        <Skeleton className="h-6 w-80" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  const a = artifact.data;
  const crumbs = key ? [{ label: 'Artifacts', to: '/artifacts' }, { label: key, to: '/artifacts/key/$key', params: { key } }, { label: id.slice(0, 8) }] : [{ label: 'Artifacts', to: '/artifacts' }, { label: id.slice(0, 8) }];
  const outdated = latest.data && latest.data.id !== a.id;
  return (
    <>
      <PageHeader
        breadcrumbs={crumbs}
        title={key ?? `Artifact ${id.slice(0, 8)}`}
        badge={key && latest.data && <span className="rounded-full border border-border px-2 text-xs text-fg-muted">{outdated ? 'older version' : 'latest version'}</span>}
        actions={<CopyButton value={a.id} />}
        description={
          outdated && key ? (
            <>
              A newer version of this key exists.{' '}
              <Link to="/artifacts/key/$key" params={{ key }} className="text-accent hover:underline">
                See the latest and the history
              </Link>
            </>
          ) : undefined
        }
      />
      <ArtifactDetails artifact={a} />
    </>
  );
}
