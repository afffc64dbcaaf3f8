import { Outlet, useRouterState } from '@tanstack/react-router';
import { Toaster } from '../ui/toast.tsx';
import { AppShell } from './app-shell.tsx';

/** Every page inside the shell, except the sign-in page: nothing there may ask the API for data. */
export function RootLayout() {
  const bare = useRouterState({ select: (s) => s.matches.some((m) => m.routeId === '/sign-in') });
  if (bare) {
    return (
      <>
        <Outlet />
        <Toaster />
      </>
    );
  }
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}
