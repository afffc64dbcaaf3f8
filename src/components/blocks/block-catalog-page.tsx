import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { LibraryBig, Plus, X } from 'lucide-react';
import { buildBlockTypesQuery, buildNewestSchemasByTypeQuery, type BlockType } from '../../api/blocks.ts';
import { catalogFilterBody, type CatalogSearch } from '../../lib/blocks/search.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { BlockLogo } from './block-logo.tsx';
import { CapabilitySelect } from './capability-select.tsx';
import { SearchBox } from '../ui/list-filters.tsx';

/** `/blocks/catalog`: every block type, searchable by name and filtered by capability. */
export function BlockCatalogPage({ search, onChange }: { search: CatalogSearch; onChange: (next: CatalogSearch) => void }) {
  const types = useQuery(buildBlockTypesQuery(catalogFilterBody(search)));
  const schemas = useQuery(buildNewestSchemasByTypeQuery());
  const filtered = Boolean(search.q || search.capability);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Blocks', to: '/blocks' }, { label: 'Catalog' }]}
        title="Block catalog"
        description="The kinds of block this server knows. Choose one to see what it stores, how flows use it, and to create a block of it."
        count={types.data?.length}
      />
      <div role="group" aria-label="Filters" className="mb-3 flex flex-wrap items-center gap-2">
        <SearchBox value={search.q ?? ''} onChange={(q) => onChange({ ...search, q: q.trim() ? q : undefined })} label="Search block types" placeholder="Search block types" />
        <CapabilitySelect value={search.capability} onChange={(capability) => onChange({ ...search, capability })} />
        {filtered && (
          <Button onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
      {types.isError ? (
        <Card>
          <ErrorState error={types.error} onRetry={() => void types.refetch()} title="Could not load the block types" />
        </Card>
      ) : types.isPending ? (
        <div aria-busy="true" aria-label="Loading block types" className="grid grid-cols-[repeat(auto-fill,minmax(18rem,1fr))] gap-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Card key={i} className="grid gap-2 p-4">
              <Skeleton className="h-8 w-8" />
              <Skeleton className="w-40" />
              <Skeleton className="w-full" />
            </Card>
          ))}
        </div>
      ) : types.data.length === 0 ? (
        <Card>
          <EmptyState icon={LibraryBig} title={filtered ? 'No block type matches these filters' : 'No block types on this server'} action={filtered ? <Button onClick={() => onChange({})}>Clear filters</Button> : undefined}>
            {filtered
              ? 'Search for another name or choose another capability.'
              : 'Built-in block types are registered when the server starts; flows register their own block types when they save a block.'}
          </EmptyState>
        </Card>
      ) : (
        <ul aria-label="Block types" className="grid grid-cols-[repeat(auto-fill,minmax(18rem,1fr))] gap-3">
          {types.data.map((type) => (
            <TypeCard key={type.id} type={type} capabilities={schemas.data?.[type.id]?.capabilities} />
          ))}
        </ul>
      )}
    </>
  );
}

function TypeCard({ type, capabilities }: { type: BlockType; capabilities?: string[] }) {
  return (
    <li aria-label={type.name} className="flex flex-col gap-2 rounded-lg border border-border bg-surface-raised p-4">
      <div className="flex items-center gap-3">
        <BlockLogo url={type.logo_url} />
        <Link to="/blocks/catalog/$slug" params={{ slug: type.slug }} className="min-w-0 font-semibold break-words text-accent hover:underline">
          {type.name}
        </Link>
      </div>
      {/* flex-1 on a wrapper: on the clamped paragraph itself it would stretch past three lines and show a fourth. */}
      <div className="flex-1">
        <p className="line-clamp-3 text-fg-muted">{type.description ?? 'No description.'}</p>
      </div>
      {capabilities && capabilities.length > 0 && <TagList tags={capabilities} />}
      <div className="flex flex-wrap gap-2 pt-1">
        <RequireRole role="admin">
          <Link to="/blocks/catalog/$slug/create" params={{ slug: type.slug }} className={buttonClassName('primary')} aria-label={`Create a ${type.name} block`}>
            <Plus aria-hidden="true" />
            Create
          </Link>
        </RequireRole>
        <Link to="/blocks/catalog/$slug" params={{ slug: type.slug }} className={buttonClassName()} aria-label={`Details of ${type.name}`}>
          Details
        </Link>
      </div>
    </li>
  );
}
