import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildBlockTypeQuery, buildNewestBlockSchemaQuery, useCreateBlockDocument, type BlockSchema, type BlockType } from '../../api/blocks.ts';
import { initialValue } from '../../lib/schema-form/defaults.ts';
import { withSecretFields } from '../../lib/blocks/data.ts';
import { useCan } from '../../api/auth.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { BlockForm } from './block-form.tsx';
import { BlockLogo } from './block-logo.tsx';
import { BlockNotFound } from './not-found.tsx';

const SLUG = /^[a-z0-9-]+$/;

/** `/blocks/catalog/{slug}/create`: a new block of a type, from the type's newest schema. */
export function BlockCreatePage({ slug }: { slug: string }) {
  const type = useQuery({ ...buildBlockTypeQuery(slug), enabled: SLUG.test(slug) });
  const schema = useQuery({ ...buildNewestBlockSchemaQuery(slug), enabled: SLUG.test(slug) });
  const can = useCan('admin');
  const crumbs = [
    { label: 'Blocks', to: '/blocks' },
    { label: 'Catalog', to: '/blocks/catalog' },
    { label: type.data?.name ?? slug, to: '/blocks/catalog/$slug', params: { slug } },
    { label: 'Create' },
  ];
  if (!can) return <NeedsRolePage role="admin" title="Create a block" breadcrumbs={crumbs} />;
  if (!SLUG.test(slug) || (type.isError && (type.error as { status?: number }).status === 404)) return <BlockNotFound what="block type" value={slug} crumbs={crumbs} />;
  const failed = type.error ?? schema.error;
  if (failed) return <ErrorState error={failed} onRetry={() => void Promise.all([type.refetch(), schema.refetch()])} title="Could not load the block type" />;
  if (!type.data || schema.data === undefined) {
    return (
      <div aria-busy="true" aria-label="Loading the block type" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  const header = (
    <PageHeader
      breadcrumbs={crumbs}
      title={
        <span className="flex items-center gap-3">
          <BlockLogo url={type.data.logo_url} />
          New {type.data.name} block
        </span>
      }
    />
  );
  if (schema.data === null) {
    return (
      <>
        {header}
        <Card>
          <EmptyState title="This block type has no schema">A block is created from its type's schema, and this server has none for {type.data.name} yet. A flow that defines the block type registers it when it saves a block.</EmptyState>
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      <CreateForm type={type.data} schema={schema.data} />
    </>
  );
}

function CreateForm({ type, schema }: { type: BlockType; schema: BlockSchema }) {
  const create = useCreateBlockDocument();
  const initial = useMemo(() => initialValue(withSecretFields(schema.fields as Record<string, unknown>)), [schema.fields]);
  return (
    <BlockForm
      schema={schema}
      typeName={type.name}
      initialValue={initial}
      mode={{ kind: 'create' }}
      cancel={{ to: '/blocks/catalog/$slug', params: { slug: type.slug } }}
      save={(name, data) => create.mutateAsync({ name, data, block_schema_id: schema.id, block_type_id: type.id })}
    />
  );
}
