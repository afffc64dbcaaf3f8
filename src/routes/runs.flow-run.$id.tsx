import { useCallback, useMemo } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildFlowRunDetailQuery } from '../api/flow-runs.ts';
import { FlowRunPage } from '../components/flow-runs/flow-run-page.tsx';
import { parseFlowRunSearch, type FlowRunSearch } from '../lib/run-page-search.ts';

export const Route = createFileRoute('/runs/flow-run/$id')({
  validateSearch: (raw: Record<string, unknown>): FlowRunSearch => parseFlowRunSearch(raw),
  loader: ({ context: { queryClient }, params }) => {
    void queryClient.prefetchQuery(buildFlowRunDetailQuery(params.id));
  },
  component: FlowRunRoute,
});

function FlowRunRoute() {
  const { id } = Route.useParams();
  const raw = Route.useSearch();
  // The root passes unknown params through; only the validated ones count.
  const search = useMemo(() => parseFlowRunSearch(raw as Record<string, unknown>), [raw]);
  const navigate = Route.useNavigate();
  const onSearch = useCallback((next: FlowRunSearch) => void navigate({ search: parseFlowRunSearch(next as Record<string, unknown>), replace: true }), [navigate]);
  return <FlowRunPage key={id} id={id} search={search} onSearch={onSearch} />;
}
