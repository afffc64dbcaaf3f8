import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { ArtifactsPage } from '../components/artifacts/artifacts-page.tsx';
import { parseListSearch, type ListSearch } from '../lib/list-search.ts';

export const Route = createFileRoute('/artifacts/')({
  validateSearch: (raw: Record<string, unknown>): ListSearch => parseListSearch(raw),
  component: function ArtifactsRoute() {
    const search = parseListSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    const onChange = useCallback((next: ListSearch) => void navigate({ search: parseListSearch(next as Record<string, unknown>) }), [navigate]);
    return <ArtifactsPage search={search} onChange={onChange} />;
  },
});
