import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { FailuresPage } from '../components/failures/failures-page.tsx';
import { compactRunsSearch, parseRunsSearch, type RunsSearch } from '../lib/run-filters.ts';

export const Route = createFileRoute('/failures')({
  validateSearch: (raw: Record<string, unknown>): Partial<RunsSearch> => compactRunsSearch(parseRunsSearch(raw)),
  component: function FailuresRoute() {
    const search = parseRunsSearch(Route.useSearch());
    const navigate = Route.useNavigate();
    const onChange = useCallback((patch: Partial<RunsSearch>) => void navigate({ search: (prev: Partial<RunsSearch>) => compactRunsSearch(parseRunsSearch({ ...prev, ...patch })) }), [navigate]);
    return <FailuresPage search={search} onChange={onChange} />;
  },
});
