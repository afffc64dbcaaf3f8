import type { InvalidateQueryFilters, QueryClient } from '@tanstack/react-query';

type RefetchType = InvalidateQueryFilters['refetchType'];

/** Per client: queries whose fetch was in flight at a change, by hash, with how to read them again. */
const readAgain = new WeakMap<QueryClient, Map<string, RefetchType>>();

function pendingOf(queryClient: QueryClient): Map<string, RefetchType> {
  let pending = readAgain.get(queryClient);
  if (pending) return pending;
  const created = new Map<string, RefetchType>();
  readAgain.set(queryClient, created);
  queryClient.getQueryCache().subscribe((event) => {
    const { action } = event.type === 'updated' ? event : { action: undefined };
    // A fetch lands as `success` or `error`; `setQueryData` is a manual success, not a read.
    if (!action || (action.type !== 'success' && action.type !== 'error') || (action.type === 'success' && action.manual)) return;
    const hash = event.query.queryHash;
    if (!created.has(hash)) return;
    const refetchType = created.get(hash);
    created.delete(hash);
    // An error keeps the query invalidated (read again on the next chance); only a success hides the change.
    if (action.type === 'success') void invalidateAfterChange(queryClient, { queryKey: event.query.queryKey, exact: true, refetchType });
  });
  return created;
}

/**
 * What changed is read again: matching queries are marked stale and the active ones refetch.
 * A fetch in flight is left to land (cancelling it would restart a slow count over and over
 * on a busy server), then the query is read once more: that fetch may have read before the
 * change, and its landing would clear the invalidation, so the page would keep the old
 * figure (a run page stuck on Running after its run completed).
 */
export function invalidateAfterChange(queryClient: QueryClient, filters: InvalidateQueryFilters): Promise<void> {
  const pending = pendingOf(queryClient);
  for (const query of queryClient.getQueryCache().findAll(filters)) {
    if (query.state.fetchStatus !== 'fetching') continue;
    // A change seen on screen outranks one seen while the tab was hidden (`none` only marks).
    if (!pending.has(query.queryHash) || pending.get(query.queryHash) === 'none') pending.set(query.queryHash, filters.refetchType);
  }
  return queryClient.invalidateQueries(filters, { cancelRefetch: false });
}
