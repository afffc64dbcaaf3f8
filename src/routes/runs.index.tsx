import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { compactRunsSearch, parseRunsSearch, type RunsSearch } from '../lib/run-filters.ts';
import { RunsPage } from '../components/runs/runs-page.tsx';

export const Route = createFileRoute('/runs/')({
  // Only non-default filters stay in the URL, so links are short and shareable.
  validateSearch: (raw: Record<string, unknown>): Partial<RunsSearch> => compactRunsSearch(parseRunsSearch(raw)),
  component: RunsRoute,
});

function RunsRoute() {
  const search = parseRunsSearch(Route.useSearch());
  const navigate = Route.useNavigate();
  const onChange = useCallback(
    (patch: Partial<RunsSearch>) => void navigate({ search: (prev: Partial<RunsSearch>) => compactRunsSearch(parseRunsSearch({ ...prev, ...patch })), replace: patch.q !== undefined && Object.keys(patch).length <= 2 }),
    [navigate],
  );
  return <RunsPage search={search} onChange={onChange} />;
}
