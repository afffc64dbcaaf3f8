import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

/** Global concurrency and rate limits shared by name (contract §3.10, v2). */

export type GlobalLimit = Schemas['GlobalConcurrencyLimit'];
export type GlobalLimitCreate = Schemas['GlobalConcurrencyLimitCreate'];
export type GlobalLimitUpdate = Schemas['GlobalConcurrencyLimitUpdate'];

export const globalLimitKeys = {
  all: ['global-concurrency-limits'] as const,
  list: () => [...globalLimitKeys.all, 'list'] as const,
};

const PAGE = 200;
/**
 * Slots taken and released arrive with the change stream; slots that decay over time change
 * with no write at all, so the list also re-reads itself while it is shown.
 */
export const GLOBAL_LIMITS_POLL_MS = 2_000;

/** Every global limit, ordered by name (paged through: the server caps a page at 200). */
export function buildGlobalLimitsQuery() {
  return queryOptions({
    queryKey: globalLimitKeys.list(),
    refetchInterval: GLOBAL_LIMITS_POLL_MS,
    queryFn: async ({ signal }) => {
      const all: GlobalLimit[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(api.POST('/api/v2/concurrency_limits/filter', { body: { limit: PAGE, offset }, signal }));
        all.push(...page);
        if (page.length < PAGE) return all;
      }
    },
  });
}

function useInvalidateGlobalLimits() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: globalLimitKeys.all });
}

export function useCreateGlobalLimit() {
  const invalidate = useInvalidateGlobalLimits();
  return useMutation({ mutationFn: (body: GlobalLimitCreate) => unwrap(api.POST('/api/v2/concurrency_limits/', { body })), onSettled: invalidate, meta: { inlineErrors: [409, 422] } });
}

/** Edits by id: a rename keeps addressing the same limit. */
export function useUpdateGlobalLimit() {
  const invalidate = useInvalidateGlobalLimits();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GlobalLimitUpdate }) => unwrap(api.PATCH('/api/v2/concurrency_limits/{id_or_name}', { params: { path: { id_or_name: id } }, body })),
    onSettled: invalidate,
    meta: { inlineErrors: [409, 422] },
  });
}

/** Turns a limit on or off, or frees its slots, from the list (errors toast; the dialog's edits show inline). */
export function useQuickUpdateGlobalLimit() {
  const invalidate = useInvalidateGlobalLimits();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Pick<GlobalLimitUpdate, 'active' | 'active_slots'>> }) => unwrap(api.PATCH('/api/v2/concurrency_limits/{id_or_name}', { params: { path: { id_or_name: id } }, body })),
    onSettled: invalidate,
  });
}

export function useDeleteGlobalLimit() {
  const invalidate = useInvalidateGlobalLimits();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/v2/concurrency_limits/{id_or_name}', { params: { path: { id_or_name: id } } })), onSettled: invalidate });
}
