import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildBlockDocumentQuery, useUpdateBlockDocument, type BlockDocument, type BlockSchema } from '../../api/blocks.ts';
import { formValueOfDocument, updateBodyOf } from '../../lib/blocks/data.ts';
import { useCan } from '../../api/auth.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { NeedsRole } from '../auth/require-role.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { BlockForm } from './block-form.tsx';
import { BlockLogo } from './block-logo.tsx';
import { BlockNotFound } from './not-found.tsx';

/** `/blocks/block/{id}/edit`: a block's values; secrets stay stored unless a new one is typed. */
export function BlockEditPage({ id }: { id: string }) {
  // Read once: a refetch (another block created inline) must not reset what is being edited.
  const doc = useQuery({ ...buildBlockDocumentQuery(id), enabled: isUuid(id), staleTime: Infinity });
  const can = useCan('admin');
  const label = doc.data?.name ?? id;
  const crumbs = [{ label: 'Blocks', to: '/blocks' }, { label, to: '/blocks/block/$id', params: { id } }, { label: 'Edit' }];
  if (!isUuid(id) || (doc.isError && (doc.error as { status?: number }).status === 404)) return <BlockNotFound what="block" value={id} crumbs={crumbs.slice(0, 1).concat({ label: id })} />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => void doc.refetch()} title="Could not load the block" />;
  if (!doc.data) {
    return (
      <div aria-busy="true" aria-label="Loading the block" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  return (
    <>
      <PageHeader
        breadcrumbs={crumbs}
        title={
          <span className="flex items-center gap-3">
            <BlockLogo url={doc.data.block_type?.logo_url} />
            Edit {label}
          </span>
        }
      />
      {!can ? (
        <NeedsRole role="admin">Blocks are configuration: an admin changes them. You can still read this block’s values.</NeedsRole>
      ) : doc.data.block_schema ? (
        <EditForm doc={doc.data} schema={doc.data.block_schema} />
      ) : (
        <ErrorState error="The server sent this block without its schema, so it cannot be edited here." title="Cannot edit this block" />
      )}
    </>
  );
}

function EditForm({ doc, schema }: { doc: BlockDocument; schema: BlockSchema }) {
  const update = useUpdateBlockDocument();
  const initial = useMemo(() => formValueOfDocument(doc), [doc]);
  return (
    <BlockForm
      schema={schema}
      typeName={doc.block_type?.name ?? doc.block_type_name ?? 'Block'}
      initialValue={initial}
      mode={{ kind: 'edit', name: doc.name ?? doc.id }}
      cancel={{ to: '/blocks/block/$id', params: { id: doc.id } }}
      save={async (_name, data) => {
        await update.mutateAsync({ id: doc.id, body: updateBodyOf(data) });
        return doc;
      }}
    />
  );
}
