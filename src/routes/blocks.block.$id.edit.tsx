import { createFileRoute } from '@tanstack/react-router';
import { buildBlockDocumentQuery } from '../api/blocks.ts';
import { BlockEditPage } from '../components/blocks/block-edit-page.tsx';
import { isUuid } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/blocks/block/$id/edit')({
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildBlockDocumentQuery(params.id));
  },
  component: function BlockEditRoute() {
    const { id } = Route.useParams();
    return <BlockEditPage key={id} id={id} />;
  },
});
