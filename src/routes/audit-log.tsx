import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildAuditLogPageQuery } from '../api/audit-log.ts';
import { AuditLogPage } from '../components/audit-log/audit-log-page.tsx';
import { compactAuditSearch, parseAuditSearch, type AuditSearch } from '../lib/audit-log-search.ts';

export const Route = createFileRoute('/audit-log')({
  // Only non-default filters stay in the URL, so links are short and shareable.
  validateSearch: (raw: Record<string, unknown>): Partial<AuditSearch> => compactAuditSearch(parseAuditSearch(raw)),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => void queryClient.prefetchQuery(buildAuditLogPageQuery(parseAuditSearch(deps), Date.now())),
  component: AuditLogRoute,
});

function AuditLogRoute() {
  const search = parseAuditSearch(Route.useSearch());
  const navigate = Route.useNavigate();
  const onChange = useCallback((patch: Partial<AuditSearch>) => void navigate({ search: (prev: Partial<AuditSearch>) => compactAuditSearch(parseAuditSearch({ ...prev, ...patch })) }), [navigate]);
  return <AuditLogPage search={search} onChange={onChange} />;
}
