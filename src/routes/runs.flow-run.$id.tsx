import { useCallback, useMemo } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildFlowRunDetailQuery, buildFlowRunGraphQuery } from '../api/flow-runs.ts';
import { buildLogWindowQuery, runLogScope } from '../api/logs.ts';
import { FlowRunPage } from '../components/flow-runs/flow-run-page.tsx';
import { parseFlowRunSearch, parseLineRef, type FlowRunSearch } from '../lib/run-page-search.ts';

export const Route = createFileRoute('/runs/flow-run/$id')({
  validateSearch: (raw: Record<string, unknown>): FlowRunSearch => parseFlowRunSearch(raw),
  loaderDeps: ({ search }) => ({ tab: search.tab, level: search.level, q: search.q, line: search.line, source: search.source, attempt: search.attempt }),
  loader: ({ context: { queryClient }, params, deps }) => {
    void queryClient.prefetchQuery(buildFlowRunDetailQuery(params.id));
    // The graph (default tab) loads while its code does.
    if (!deps.tab) void queryClient.prefetchQuery(buildFlowRunGraphQuery(params.id));
    // The first window of logs loads alongside the run, not after it (same key as the log view's);
    // an attempt's window waits for the run's state history.
    if (deps.tab === 'logs' && !deps.q && !deps.attempt) {
      const linked = deps.line ? parseLineRef(deps.line) : null;
      const scope = runLogScope({ flowRunId: params.id }, deps, { canSearch: false, canFilterFlowOnly: true });
      void queryClient.prefetchInfiniteQuery(buildLogWindowQuery(scope, linked ? { at: 'time', timestamp: linked.timestamp } : { at: 'start' }));
    }
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
