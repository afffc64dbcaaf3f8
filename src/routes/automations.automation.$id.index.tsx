import { createFileRoute } from '@tanstack/react-router';
import { isUuid } from '../lib/deployment-search.ts';
import { buildAutomationFiringsQuery, buildAutomationQuery } from '../api/automations.ts';
import { AutomationPage } from '../components/automations/automation-page.tsx';

export const Route = createFileRoute('/automations/automation/$id/')({
  loader: ({ context: { queryClient }, params }) => {
    if (!isUuid(params.id)) return;
    void queryClient.prefetchQuery(buildAutomationQuery(params.id));
    void queryClient.prefetchQuery(buildAutomationFiringsQuery(params.id));
  },
  component: function AutomationRoute() {
    const { id } = Route.useParams();
    return <AutomationPage key={id} id={id} />;
  },
});
