import { createFileRoute } from '@tanstack/react-router';
import { SignInPage } from '../components/auth/sign-in-page.tsx';
import { safeNext } from '../lib/safe-next.ts';

export const Route = createFileRoute('/sign-in')({
  // `next` is only ever used through safeNext: a crafted link cannot send anyone off-site.
  validateSearch: (raw: Record<string, unknown>): { next?: string } => (typeof raw.next === 'string' ? { next: raw.next } : {}),
  component: function SignInRoute() {
    const { next } = Route.useSearch();
    return <SignInPage next={safeNext(next)} />;
  },
});
