import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { DeploymentsPage } from '../components/deployments/deployments-page.tsx';
import { parseDeploymentsSearch, type DeploymentsSearch } from '../lib/deployment-search.ts';

export const Route = createFileRoute('/deployments/')({
  validateSearch: (raw: Record<string, unknown>): DeploymentsSearch => parseDeploymentsSearch(raw),
  component: function DeploymentsRoute() {
    const search = parseDeploymentsSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    const onChange = useCallback((next: DeploymentsSearch) => void navigate({ search: parseDeploymentsSearch(next as Record<string, unknown>) }), [navigate]);
    return <DeploymentsPage search={search} onChange={onChange} />;
  },
});
