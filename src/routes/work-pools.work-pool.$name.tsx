import { createFileRoute } from '@tanstack/react-router';
import { WorkPoolPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/work-pools/work-pool/$name')({
  component: function WorkPoolRoute() {
    return <WorkPoolPage name={Route.useParams().name} />;
  },
});
