import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

/** Task-run concurrency limits by tag (contract §3.10, v1). */

export type ConcurrencyLimit = Schemas['ConcurrencyLimit'];

export const concurrencyLimitKeys = {
  all: ['concurrency-limits'] as const,
  list: () => [...concurrencyLimitKeys.all, 'list'] as const,
};

const PAGE = 200;

/** Every tag limit, ordered by tag (paged through: the server caps a page at 200). */
export function buildConcurrencyLimitsQuery() {
  return queryOptions({
    queryKey: concurrencyLimitKeys.list(),
    queryFn: async ({ signal }) => {
      const all: ConcurrencyLimit[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(api.POST('/api/concurrency_limits/filter', { body: { limit: PAGE, offset }, signal }));
        all.push(...page);
        if (page.length < PAGE) return all;
      }
    },
  });
}

function useInvalidateLimits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: concurrencyLimitKeys.all });
}

/** Creates a limit, or changes the limit of an existing tag (the server upserts by tag and keeps its slots). */
export function useUpsertConcurrencyLimit() {
  const invalidate = useInvalidateLimits();
  return useMutation({ mutationFn: (body: { tag: string; concurrency_limit: number }) => unwrap(api.POST('/api/concurrency_limits/', { body })), onSettled: invalidate, meta: { inlineErrors: [422] } });
}

/** Frees every slot of a tag (task runs holding them keep running; new ones may start). */
export function useResetConcurrencyLimit() {
  const invalidate = useInvalidateLimits();
  return useMutation({ mutationFn: (tag: string) => unwrap(api.POST('/api/concurrency_limits/tag/{tag}/reset', { params: { path: { tag } }, body: {} })), onSettled: invalidate });
}

export function useDeleteConcurrencyLimit() {
  const invalidate = useInvalidateLimits();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/concurrency_limits/{id}', { params: { path: { id } } })), onSettled: invalidate });
}
