import { createFileRoute } from '@tanstack/react-router';
import { BlockCreatePage } from '../components/blocks/block-create-page.tsx';

export const Route = createFileRoute('/blocks/catalog/$slug/create')({
  component: function BlockCreateRoute() {
    const { slug } = Route.useParams();
    return <BlockCreatePage key={slug} slug={slug} />;
  },
});
