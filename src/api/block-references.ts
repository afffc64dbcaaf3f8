import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from './client.ts';

/**
 * Block documents and schemas as the schema form's block fields need them: the documents
 * of given block types to pick from, a type's newest schema to create one inline. Keys
 * live under the `block-documents` / `block-schemas` roots so any block change refreshes them.
 */

export type BlockDocument = Schemas['BlockDocument'];
export type BlockSchema = Schemas['BlockSchema'];

export const blockReferenceKeys = {
  documents: ['block-documents'] as const,
  bySlugs: (slugs: readonly string[]) => [...blockReferenceKeys.documents, 'by-type-slugs', [...slugs].sort()] as const,
  schemas: ['block-schemas'] as const,
  newestSchema: (slug: string) => [...blockReferenceKeys.schemas, 'newest-for-slug', slug] as const,
};

/** Named documents of these block types, by name. */
export function buildBlockDocumentsBySlugQuery(slugs: readonly string[]) {
  return queryOptions({
    queryKey: blockReferenceKeys.bySlugs(slugs),
    enabled: slugs.length > 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/block_documents/filter', { body: { block_types: { slug: { any_: [...slugs] } }, sort: 'NAME_ASC', limit: 200 }, signal })),
  });
}

/** A block type and its newest schema; `null` when the server has no such type (yet). */
export function buildNewestBlockSchemaQuery(slug: string) {
  return queryOptions({
    queryKey: blockReferenceKeys.newestSchema(slug),
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<BlockSchema | null> => {
      let typeId: string;
      try {
        typeId = (await unwrap(api.GET('/api/block_types/slug/{slug}', { params: { path: { slug } }, signal }))).id;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
      // Block schemas come newest first.
      const [schema] = await unwrap(api.POST('/api/block_schemas/filter', { body: { block_schemas: { block_type_id: { any_: [typeId] } }, limit: 1 }, signal }));
      return schema ?? null;
    },
  });
}

export function useCreateBlockDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['BlockDocumentCreate']) => unwrap(api.POST('/api/block_documents/', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: blockReferenceKeys.documents }),
  });
}
