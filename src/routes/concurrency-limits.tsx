import { createFileRoute } from '@tanstack/react-router';
import { buildConcurrencyLimitsQuery } from '../api/concurrency-limits.ts';
import { ConcurrencyLimitsPage } from '../components/concurrency/concurrency-limits-page.tsx';

export const Route = createFileRoute('/concurrency-limits')({
  loader: ({ context: { queryClient } }) => void queryClient.prefetchQuery(buildConcurrencyLimitsQuery()),
  component: ConcurrencyLimitsPage,
});
