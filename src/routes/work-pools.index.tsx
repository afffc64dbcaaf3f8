import { createFileRoute } from '@tanstack/react-router';
import { buildWorkPoolsPageQuery } from '../api/work-pools.ts';
import { WorkPoolsPage } from '../components/work-pools/work-pools-page.tsx';

export const Route = createFileRoute('/work-pools/')({
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(buildWorkPoolsPageQuery()),
  component: WorkPoolsPage,
});
