import { createFileRoute } from '@tanstack/react-router';
import { buildHealthQuery, buildVersionQuery } from '../api/server.ts';
import { DashboardPage } from '../components/dashboard/dashboard-page.tsx';

export const Route = createFileRoute('/dashboard')({
  // Not awaited: the page renders its skeletons at once and fills in as data arrives.
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(buildHealthQuery());
    void queryClient.prefetchQuery(buildVersionQuery());
  },
  component: DashboardPage,
});
