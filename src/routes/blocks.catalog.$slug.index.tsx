import { createFileRoute } from '@tanstack/react-router';
import { buildBlockTypeQuery } from '../api/blocks.ts';
import { BlockTypePage } from '../components/blocks/block-type-page.tsx';

export const Route = createFileRoute('/blocks/catalog/$slug/')({
  loader: ({ context: { queryClient }, params }) => void queryClient.prefetchQuery(buildBlockTypeQuery(params.slug)),
  component: function BlockTypeRoute() {
    const { slug } = Route.useParams();
    return <BlockTypePage key={slug} slug={slug} />;
  },
});
