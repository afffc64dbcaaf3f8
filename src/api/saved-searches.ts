import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

export type SavedSearch = Schemas['SavedSearch'];

export const savedSearchKeys = { all: ['saved-searches'] as const };

/** Every saved search (names are unique; a few dozen at most in practice). */
export function buildSavedSearchesQuery() {
  return queryOptions({
    queryKey: savedSearchKeys.all,
    queryFn: ({ signal }) => unwrap(api.POST('/api/saved_searches/filter', { body: { limit: 200 }, signal })),
  });
}

/** Saves under a name; the contract upserts by name, so saving again replaces that search's filters. */
export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['SavedSearchCreate']) => unwrap(api.PUT('/api/saved_searches/', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
    meta: { inlineErrors: [409, 422] },
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/saved_searches/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: savedSearchKeys.all }),
  });
}
