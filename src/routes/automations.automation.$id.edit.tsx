import { createFileRoute } from '@tanstack/react-router';
import { isUuid } from '../lib/deployment-search.ts';
import { buildAutomationQuery } from '../api/automations.ts';
import { EditAutomationPage } from '../components/automations/automation-form-pages.tsx';

export const Route = createFileRoute('/automations/automation/$id/edit')({
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildAutomationQuery(params.id));
  },
  component: function EditAutomationRoute() {
    const { id } = Route.useParams();
    return <EditAutomationPage key={id} id={id} />;
  },
});
