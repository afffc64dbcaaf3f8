import { createRouter } from '@tanstack/react-router';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { toast } from './components/ui/toast.tsx';
import { RouteError } from './components/shell/route-error.tsx';
import { routeTree } from './routeTree.gen.ts';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000 } },
  // Every failed change says why, in the server's words: in a toast, unless the form that made it shows the error itself (`meta.inlineError`).
  mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => void (mutation.meta?.inlineError || toast(error instanceof Error ? error.message : String(error), 'error')) }),
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

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
