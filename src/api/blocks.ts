import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { referencedSlugs, referencesTo } from '../lib/blocks/data.ts';
import { blockReferenceKeys, type BlockDocument, type BlockSchema } from './block-references.ts';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

/**
 * Block types, schemas and documents for the block pages. Document and schema keys sit
 * under the roots the schema form's block picker uses (`block-references.ts`), so a change
 * here refreshes its lists too.
 */

export type { BlockDocument, BlockSchema } from './block-references.ts';
export { buildNewestBlockSchemaQuery, useCreateBlockDocument } from './block-references.ts';
export type BlockType = Schemas['BlockType'];
export type BlockDocumentFilterBody = NonNullable<operations['filterBlockDocuments']['requestBody']>['content']['application/json'];
export type BlockDocumentCountBody = NonNullable<operations['countBlockDocuments']['requestBody']>['content']['application/json'];
export type BlockTypeFilterBody = NonNullable<operations['filterBlockTypes']['requestBody']>['content']['application/json'];

export const blockKeys = {
  types: ['block-types'] as const,
  typeList: (body: BlockTypeFilterBody) => [...blockKeys.types, 'list', body] as const,
  typeBySlug: (slug: string) => [...blockKeys.types, 'slug', slug] as const,
  capabilities: () => [...blockKeys.types, 'capabilities'] as const,
  schemas: blockReferenceKeys.schemas,
  newestSchemasByType: () => [...blockKeys.schemas, 'newest-by-type'] as const,
  documents: blockReferenceKeys.documents,
  documentList: (body: BlockDocumentFilterBody) => [...blockKeys.documents, 'list', body] as const,
  documentCount: (body: BlockDocumentCountBody) => [...blockKeys.documents, 'count', body] as const,
  document: (id: string) => [...blockKeys.documents, 'detail', id] as const,
  referencing: (id: string) => [...blockKeys.documents, 'referencing', id] as const,
};

const PAGE = 200;

/** Every item of a paged `/filter` endpoint (block types, schemas and the documents of a few types are few). */
async function allPages<T>(page: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const items = await page(offset);
    out.push(...items);
    if (items.length < PAGE) return out;
  }
}

/** Block types (by name) matching a catalog search; all of them for `{}`. */
export function buildBlockTypesQuery(body: Omit<BlockTypeFilterBody, 'limit' | 'offset'> = {}) {
  return queryOptions({
    queryKey: blockKeys.typeList(body),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => allPages((offset) => unwrap(api.POST('/api/block_types/filter', { body: { ...body, limit: PAGE, offset }, signal }))),
  });
}

export function buildBlockTypeQuery(slug: string) {
  return queryOptions({ queryKey: blockKeys.typeBySlug(slug), queryFn: ({ signal }) => unwrap(api.GET('/api/block_types/slug/{slug}', { params: { path: { slug } }, signal })) });
}

export function buildBlockCapabilitiesQuery() {
  return queryOptions({ queryKey: blockKeys.capabilities(), staleTime: 60_000, queryFn: ({ signal }) => unwrap(api.GET('/api/block_capabilities/', { signal })) });
}

/** The newest schema of every block type, by type id: capabilities and fields for the catalog. */
export function buildNewestSchemasByTypeQuery() {
  return queryOptions({
    queryKey: blockKeys.newestSchemasByType(),
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      // Schemas come newest first: the first one seen of a type is its newest.
      const schemas = await allPages((offset) => unwrap(api.POST('/api/block_schemas/filter', { body: { limit: PAGE, offset }, signal })));
      const out: Record<string, BlockSchema> = {};
      for (const schema of schemas) out[schema.block_type_id] ??= schema;
      return out;
    },
  });
}

export function buildBlockDocumentsQuery(body: BlockDocumentFilterBody) {
  return queryOptions({
    queryKey: blockKeys.documentList(body),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/block_documents/filter', { body, signal })),
  });
}

export function buildBlockDocumentCountQuery(body: BlockDocumentCountBody) {
  return queryOptions({
    queryKey: blockKeys.documentCount(body),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/block_documents/count', { body, signal })),
  });
}

/** One document, secrets masked (the dashboard never asks for them). */
export function buildBlockDocumentQuery(id: string) {
  return queryOptions({
    queryKey: blockKeys.document(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/block_documents/{id}', { params: { path: { id }, query: { include_secrets: false } }, signal })),
  });
}

/**
 * The documents that reference a document, through the contract's filters: the schemas
 * whose `block_schema_references` name its type, then those schemas' documents (anonymous
 * ones too), kept when one of their references is this document.
 */
export function buildReferencingDocumentsQuery(doc: Pick<BlockDocument, 'id' | 'block_type'>) {
  return queryOptions({
    queryKey: blockKeys.referencing(doc.id),
    queryFn: async ({ signal }) => {
      const slug = doc.block_type?.slug;
      if (!slug) return [];
      const schemas = await allPages((offset) => unwrap(api.POST('/api/block_schemas/filter', { body: { limit: PAGE, offset }, signal })));
      const ids = schemas.filter((s) => referencedSlugs(s.fields).includes(slug)).map((s) => s.id);
      if (ids.length === 0) return [];
      const documents = await allPages((offset) =>
        unwrap(api.POST('/api/block_documents/filter', { body: { block_documents: { is_anonymous: null }, block_schemas: { id: { any_: ids } }, sort: 'NAME_ASC', limit: PAGE, offset }, signal })),
      );
      return referencesTo(documents, doc.id);
    },
  });
}

export function useUpdateBlockDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['BlockDocumentUpdate'] }) => unwrap(api.PATCH('/api/block_documents/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: blockKeys.documents }),
  });
}

/** Deletes many documents; resolves with how many went and how many failed. */
export function useDeleteBlockDocuments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const results = await Promise.allSettled(ids.map((id) => unwrap(api.DELETE('/api/block_documents/{id}', { params: { path: { id } } }))));
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed.length === ids.length && failed.length > 0) throw failed[0].reason;
      return { done: ids.length - failed.length, failed: failed.length };
    },
    onSettled: (_result, _error, ids) => {
      // A deleted document is not fetched again (a 404) while its page is still on screen; everything else refreshes.
      const gone = new Set(ids.flatMap((id) => [JSON.stringify(blockKeys.document(id)), JSON.stringify(blockKeys.referencing(id))]));
      return queryClient.invalidateQueries({ queryKey: blockKeys.documents, predicate: (query) => !gone.has(JSON.stringify(query.queryKey)) });
    },
  });
}
