import { useCallback, useMemo } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildWorkPoolQuery } from '../api/work-pools.ts';
import { WorkPoolPage } from '../components/work-pools/work-pool-page.tsx';
import { parseWorkPoolSearch, type WorkPoolSearch } from '../lib/work-pool-search.ts';

export const Route = createFileRoute('/work-pools/work-pool/$name/')({
  validateSearch: (raw: Record<string, unknown>): WorkPoolSearch => parseWorkPoolSearch(raw),
  loader: ({ context: { queryClient }, params }) => void queryClient.prefetchQuery(buildWorkPoolQuery(params.name)),
  component: function WorkPoolRoute() {
    const { name } = Route.useParams();
    const raw = Route.useSearch();
    const search = useMemo(() => parseWorkPoolSearch(raw as Record<string, unknown>), [raw]);
    const navigate = Route.useNavigate();
    const onSearch = useCallback((next: WorkPoolSearch) => void navigate({ search: parseWorkPoolSearch(next as Record<string, unknown>), replace: true }), [navigate]);
    return <WorkPoolPage key={name} name={name} search={search} onSearch={onSearch} />;
  },
});
