import { useCallback, useMemo } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildDeploymentDetailQuery } from '../api/deployments.ts';
import { DeploymentPage } from '../components/deployments/deployment-page.tsx';
import { isUuid, parseDeploymentSearch, type DeploymentSearch } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/deployments/deployment/$id/')({
  validateSearch: (raw: Record<string, unknown>): DeploymentSearch => parseDeploymentSearch(raw),
  loader: ({ context: { queryClient }, params }) => {
    if (isUuid(params.id)) void queryClient.prefetchQuery(buildDeploymentDetailQuery(params.id));
  },
  component: function DeploymentRoute() {
    const { id } = Route.useParams();
    const raw = Route.useSearch();
    const search = useMemo(() => parseDeploymentSearch(raw as Record<string, unknown>), [raw]);
    const navigate = Route.useNavigate();
    const onSearch = useCallback((next: DeploymentSearch) => void navigate({ search: parseDeploymentSearch(next as Record<string, unknown>), replace: true }), [navigate]);
    return <DeploymentPage key={id} id={id} search={search} onSearch={onSearch} />;
  },
});
