import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { buildBlockTypesQuery } from '../api/blocks.ts';
import { BlockCatalogPage } from '../components/blocks/block-catalog-page.tsx';
import { catalogFilterBody, parseCatalogSearch, type CatalogSearch } from '../lib/blocks/search.ts';

export const Route = createFileRoute('/blocks/catalog/')({
  validateSearch: (raw: Record<string, unknown>): CatalogSearch => parseCatalogSearch(raw),
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient }, deps }) => void queryClient.prefetchQuery(buildBlockTypesQuery(catalogFilterBody(deps))),
  component: function BlockCatalogRoute() {
    const search = parseCatalogSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    const onChange = useCallback((next: CatalogSearch) => void navigate({ search: parseCatalogSearch(next as Record<string, unknown>), replace: true }), [navigate]);
    return <BlockCatalogPage search={search} onChange={onChange} />;
  },
});
