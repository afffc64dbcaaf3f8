import { createFileRoute } from '@tanstack/react-router';
import { buildArtifactQuery } from '../api/artifacts.ts';
import { ArtifactPage } from '../components/artifacts/artifact-page.tsx';
import { isUuid } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/artifacts/artifact/$id')({
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildArtifactQuery(params.id));
  },
  component: function ArtifactRoute() {
    const { id } = Route.useParams();
    return <ArtifactPage key={id} id={id} />;
  },
});
