import { createFileRoute } from '@tanstack/react-router';
import { buildAutomationsQuery } from '../api/automations.ts';
import { AutomationsPage } from '../components/automations/automations-page.tsx';

export const Route = createFileRoute('/automations/')({
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(buildAutomationsQuery()),
  component: AutomationsPage,
});
