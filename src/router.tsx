import { createRouter } from '@tanstack/react-router';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from './api/client.ts';
import { toast } from './components/ui/toast.tsx';
import { RouteError } from './components/shell/route-error.tsx';
import { SIGN_IN_PATH } from './lib/safe-next.ts';
import { routeTree } from './routeTree.gen.ts';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000 } },
  // Every failed change says why, in the server's words; forms that show some statuses next to the field list them in `meta.inlineErrors`.
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      const inline = (mutation.meta?.inlineErrors ?? []) as number[];
      const status = (error as { status?: number }).status ?? -1;
      // A 401 sends the user to the sign-in page, which says what happened.
      if (status === 401 || inline.includes(status)) return;
      toast(error instanceof Error ? error.message : String(error), 'error');
    },
  }),
});

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  // Freshness is React Query's job; the router must not cache loader results on top of it.
  defaultPreloadStaleTime: 0,
  defaultErrorComponent: RouteError,
  scrollRestoration: true,
});

// A session that ended (expired, signed out in another tab) leads to the sign-in page once,
// remembering the page; 401s while going there or on that page lead nowhere.
let leaving = false;
setUnauthorizedHandler(() => {
  const { location } = router.state;
  if (leaving || location.pathname === SIGN_IN_PATH) return;
  leaving = true;
  void router.navigate({ to: SIGN_IN_PATH, search: { next: location.href } }).finally(() => (leaving = false));
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
