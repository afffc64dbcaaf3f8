import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { BlocksPage } from '../components/blocks/blocks-page.tsx';
import { parseBlocksSearch, type BlocksSearch } from '../lib/blocks/search.ts';

export const Route = createFileRoute('/blocks/')({
  validateSearch: (raw: Record<string, unknown>): BlocksSearch => parseBlocksSearch(raw),
  component: function BlocksRoute() {
    const search = parseBlocksSearch(Route.useSearch() as Record<string, unknown>);
    const navigate = Route.useNavigate();
    const onChange = useCallback((next: BlocksSearch) => void navigate({ search: parseBlocksSearch(next as Record<string, unknown>) }), [navigate]);
    return <BlocksPage search={search} onChange={onChange} />;
  },
});
