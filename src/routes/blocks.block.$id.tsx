import { createFileRoute } from '@tanstack/react-router';
import { BlockPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/blocks/block/$id')({
  component: function BlockRoute() {
    return <BlockPage id={Route.useParams().id} />;
  },
});
