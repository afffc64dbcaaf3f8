import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

export type ApiKey = Schemas['ApiKey'];
export type ApiKeyCreate = Schemas['ApiKeyCreate'];
export type ApiKeyCreated = Schemas['ApiKeyCreated'];

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => [...apiKeyKeys.all, 'list'] as const,
};

/** The keys this user may see (an admin sees everyone's); never the key itself. */
export function buildApiKeysQuery() {
  return queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/api_keys/', { signal })),
  });
}

/**
 * Creates a key. The answer carries the key once: it is returned to the caller only (a
 * mutation's data lives as long as the component using it), never written into the cache.
 */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => unwrap(api.POST('/api/api_keys/', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
    // Forgotten as soon as the dialog lets go of it.
    gcTime: 0,
    meta: { inlineErrors: [403, 422] },
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/api_keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
