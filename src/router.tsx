import { createRouter } from '@tanstack/react-router';
import { QueryClient } from '@tanstack/react-query';
import { RouteError } from './components/shell/route-error.tsx';
import { routeTree } from './routeTree.gen.ts';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000 } },
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
