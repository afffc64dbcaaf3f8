import { createFileRoute } from '@tanstack/react-router';
import { buildBlockDocumentQuery } from '../api/blocks.ts';
import { BlockPage } from '../components/blocks/block-page.tsx';
import { isUuid } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/blocks/block/$id/')({
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildBlockDocumentQuery(params.id));
  },
  component: function BlockRoute() {
    const { id } = Route.useParams();
    return <BlockPage key={id} id={id} />;
  },
});
