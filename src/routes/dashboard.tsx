import { createFileRoute } from '@tanstack/react-router';
import { buildHealthQuery, buildVersionQuery } from '../api/server.ts';
import { DashboardPage } from '../components/dashboard/dashboard-page.tsx';
import { RELATIVE_RANGES, type RelativeRange } from '../lib/run-filters.ts';

interface HomeSearch {
  range?: RelativeRange;
  tag?: string[];
}

const parseHomeSearch = (raw: Record<string, unknown>): HomeSearch => ({
    ...(typeof raw.range === 'string' && Object.hasOwn(RELATIVE_RANGES, raw.range) && raw.range !== '24h' ? { range: raw.range as RelativeRange } : {}),
    ...(Array.isArray(raw.tag) && raw.tag.length ? { tag: raw.tag.filter((t): t is string => typeof t === 'string').slice(0, 20) } : {}),
});

export const Route = createFileRoute('/dashboard')({
  validateSearch: parseHomeSearch,
  // Not awaited: the page renders its skeletons at once and fills in as data arrives.
  loader: ({ context: { queryClient } }) => {
    void queryClient.prefetchQuery(buildHealthQuery());
    void queryClient.prefetchQuery(buildVersionQuery());
  },
  component: function DashboardRoute() {
    // The root passes unknown params through; only the validated ones count.
    const search = parseHomeSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    return (
      <DashboardPage
        range={search.range ?? '24h'}
        tags={search.tag ?? []}
        onChange={(next) => void navigate({ search: { ...(next.range && next.range !== '24h' ? { range: next.range } : {}), ...(next.tag?.length ? { tag: next.tag } : {}) } })}
      />
    );
  },
});
