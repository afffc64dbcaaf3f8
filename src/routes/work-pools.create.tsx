import { createFileRoute } from '@tanstack/react-router';
import { buildWorkPoolTypesQuery } from '../api/work-pools.ts';
import { CreateWorkPoolPage } from '../components/work-pools/create-work-pool-page.tsx';

export const Route = createFileRoute('/work-pools/create')({
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(buildWorkPoolTypesQuery()),
  component: CreateWorkPoolPage,
});
