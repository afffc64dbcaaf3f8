import { createFileRoute } from '@tanstack/react-router';
import { buildConcurrencyLimitsQuery } from '../api/concurrency-limits.ts';
import { buildGlobalLimitsQuery } from '../api/global-concurrency-limits.ts';
import { ConcurrencyPage } from '../components/concurrency/concurrency-page.tsx';
import { parseConcurrencySearch } from '../lib/concurrency-search.ts';

export const Route = createFileRoute('/concurrency-limits')({
  validateSearch: parseConcurrencySearch,
  loaderDeps: ({ search }) => ({ tab: search.tab }),
  loader: ({ context: { queryClient }, deps }) => {
    if (deps.tab === 'global') void queryClient.prefetchQuery(buildGlobalLimitsQuery());
    else void queryClient.prefetchQuery(buildConcurrencyLimitsQuery());
  },
  component: function ConcurrencyRoute() {
    const search = parseConcurrencySearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    return <ConcurrencyPage tab={search.tab ?? 'tag'} onTab={(tab) => void navigate({ search: tab === 'global' ? { tab } : {}, replace: true })} />;
  },
});
