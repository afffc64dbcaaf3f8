import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { FlowsPage } from '../components/flows/flows-page.tsx';

interface FlowsSearch {
  q?: string;
  page?: number;
}

const parseFlowsSearch = (raw: Record<string, unknown>): FlowsSearch => ({
    ...(typeof raw.q === 'string' && raw.q ? { q: raw.q.slice(0, 200) } : {}),
    ...(typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 ? { page: raw.page } : {}),
});

export const Route = createFileRoute('/flows/')({
  validateSearch: parseFlowsSearch,
  component: FlowsRoute,
});

function FlowsRoute() {
  const search = parseFlowsSearch(Route.useSearch() as Record<string, unknown>);
  const navigate = Route.useNavigate();
  const onChange = useCallback((next: FlowsSearch) => void navigate({ search: next }), [navigate]);
  return <FlowsPage q={search.q ?? ''} page={search.page ?? 1} onChange={onChange} />;
}
