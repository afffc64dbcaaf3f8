import { createFileRoute } from '@tanstack/react-router';
import { DeploymentPage } from '../components/placeholder/planned-pages.tsx';

export const Route = createFileRoute('/deployments/deployment/$id')({
  component: function DeploymentRoute() {
    return <DeploymentPage id={Route.useParams().id} />;
  },
});
