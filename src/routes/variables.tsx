import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { VariablesPage } from '../components/variables/variables-page.tsx';
import { parseListSearch, type ListSearch } from '../lib/list-search.ts';

export const Route = createFileRoute('/variables')({
  validateSearch: (raw: Record<string, unknown>): ListSearch => parseListSearch(raw),
  component: function VariablesRoute() {
    const search = parseListSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    const onChange = useCallback((next: ListSearch) => void navigate({ search: parseListSearch(next as Record<string, unknown>) }), [navigate]);
    return <VariablesPage search={search} onChange={onChange} />;
  },
});
