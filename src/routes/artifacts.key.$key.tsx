import { createFileRoute } from '@tanstack/react-router';
import { buildLatestArtifactOfKeyQuery } from '../api/artifacts.ts';
import { ArtifactKeyPage } from '../components/artifacts/artifact-key-page.tsx';
import { parseListSearch } from '../lib/list-search.ts';

export const Route = createFileRoute('/artifacts/key/$key')({
  validateSearch: (raw: Record<string, unknown>): { page?: number } => ({ page: parseListSearch(raw).page }),
  loader: ({ context: { queryClient }, params }) => {
    if (/^[a-z0-9-]+$/.test(params.key)) void queryClient.prefetchQuery(buildLatestArtifactOfKeyQuery(params.key));
  },
  component: function ArtifactKeyRoute() {
    const { key } = Route.useParams();
    const { page } = Route.useSearch();
    const navigate = Route.useNavigate();
    return <ArtifactKeyPage key={key} artifactKey={key} page={page ?? 1} onPage={(p) => void navigate({ search: { page: p > 1 ? p : undefined } })} />;
  },
});
