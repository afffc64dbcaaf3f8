import { createFileRoute } from '@tanstack/react-router';
import { buildFlowDetailQuery } from '../api/flows.ts';
import { FlowPage, type FlowTab } from '../components/flows/flow-page.tsx';
import { parseGridRuns } from '../lib/task-grid.ts';

interface FlowSearch {
  tab?: FlowTab;
  page?: number;
  /** Runs in the task grid (default 25). */
  grid?: number;
}

const parseFlowSearch = (raw: Record<string, unknown>): FlowSearch => ({
    ...(raw.tab === 'deployments' || raw.tab === 'details' ? { tab: raw.tab } : {}),
    ...(typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 ? { page: raw.page } : {}),
    ...(parseGridRuns(raw.grid) ? { grid: parseGridRuns(raw.grid) } : {}),
});

export const Route = createFileRoute('/flows/flow/$id')({
  validateSearch: parseFlowSearch,
  loader: ({ context: { queryClient }, params }) => {
    void queryClient.prefetchQuery(buildFlowDetailQuery(params.id));
  },
  component: function FlowRoute() {
    const { id } = Route.useParams();
    const search = parseFlowSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    return <FlowPage id={id} tab={search.tab ?? 'runs'} page={search.page ?? 1} grid={search.grid} onChange={(next) => void navigate({ search: { ...search, ...next } })} />;
  },
});
