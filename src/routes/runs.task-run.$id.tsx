import { useCallback, useMemo } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildTaskRunDetailQuery } from '../api/task-runs.ts';
import { TaskRunPage } from '../components/task-runs/task-run-page.tsx';
import { parseTaskRunSearch, type TaskRunSearch } from '../lib/run-page-search.ts';

export const Route = createFileRoute('/runs/task-run/$id')({
  validateSearch: (raw: Record<string, unknown>): TaskRunSearch => parseTaskRunSearch(raw),
  loader: ({ context: { queryClient }, params }) => {
    void queryClient.prefetchQuery(buildTaskRunDetailQuery(params.id));
  },
  component: TaskRunRoute,
});

function TaskRunRoute() {
  const { id } = Route.useParams();
  const navigate = Route.useNavigate();
  const onSearch = useCallback((next: TaskRunSearch) => void navigate({ search: parseTaskRunSearch(next as Record<string, unknown>), replace: true }), [navigate]);
  const raw = Route.useSearch();
  const search = useMemo(() => parseTaskRunSearch(raw as Record<string, unknown>), [raw]);
  return <TaskRunPage key={id} id={id} search={search} onSearch={onSearch} />;
}
