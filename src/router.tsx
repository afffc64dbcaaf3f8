import { createRouter } from '@tanstack/react-router';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { toast } from './components/ui/toast.tsx';
import { RouteError } from './components/shell/route-error.tsx';
import { routeTree } from './routeTree.gen.ts';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000 } },
  // Every failed change says why, in the server's words; forms that show some statuses next to the field list them in `meta.inlineErrors`.
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      const inline = (mutation.meta?.inlineErrors ?? []) as number[];
      if (inline.includes((error as { status?: number }).status ?? -1)) return;
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

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
