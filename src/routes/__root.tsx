import { createRootRouteWithContext, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { isSignedIn } from '../api/auth.ts';
import { NotFoundPage } from '../components/shell/not-found-page.tsx';
import { RootLayout } from '../components/shell/root-layout.tsx';
import { SIGN_IN_PATH } from '../lib/safe-next.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  // With sign-in on, no page renders (or asks for data) before someone is signed in.
  beforeLoad: async ({ context: { queryClient }, location }) => {
    if (location.pathname !== SIGN_IN_PATH && !(await isSignedIn(queryClient))) throw redirect({ to: SIGN_IN_PATH, search: { next: location.href }, replace: true });
  },
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});
