import { createFileRoute } from '@tanstack/react-router';
import { buildDeploymentDetailQuery } from '../api/deployments.ts';
import { isUuid } from '../lib/deployment-search.ts';
import { DeploymentEditPage } from '../components/deployments/deployment-edit-page.tsx';

export const Route = createFileRoute('/deployments/deployment/$id/edit')({
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildDeploymentDetailQuery(params.id));
  },
  component: function DeploymentEditRoute() {
    const { id } = Route.useParams();
    return <DeploymentEditPage key={id} id={id} />;
  },
});
