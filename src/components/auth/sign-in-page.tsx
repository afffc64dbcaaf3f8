import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { LogIn } from 'lucide-react';
import { SignInError, useLogin } from '../../api/auth.ts';
import { buildUiSettingsQuery } from '../../api/server.ts';
import { Button } from '../ui/button.tsx';
import { Input } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';

/** Seconds left until `until` (ms), ticking each second; 0 once passed. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * Name and password, then back to `next`. The password lives in this component's state only
 * (the server answers with an HttpOnly cookie); what was typed stays after a refusal.
 */
export function SignInPage({ next }: { next: string }) {
  const id = useId();
  const navigate = useNavigate();
  const login = useLogin();
  const settings = useQuery(buildUiSettingsQuery());
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const wait = useCountdown(blockedUntil);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name || !password) return setError('Enter your name and password.');
    setError(null);
    setBlockedUntil(null);
    login.mutate(
      { name, password },
      {
        onSuccess: () => void navigate({ href: next, replace: true }),
        onError: (failure) => {
          setError(failure.message);
          if (failure instanceof SignInError && failure.retryAfter) setBlockedUntil(Date.now() + failure.retryAfter * 1000);
          passwordRef.current?.select();
        },
      },
    );
  };

  const off = settings.data?.auth_enabled === false;
  const errorId = `${id}-error`;
  return (
    // A fixed top offset, not centring: an error appearing must not move the form under the pointer.
    <main id="main" className="min-h-dvh bg-surface px-4 pt-[14vh] pb-10">
      <div className="mx-auto w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="size-6" />
          Syntask
        </div>
        <section className="rounded-lg border border-border bg-surface-raised p-6 shadow-sm" aria-labelledby={`${id}-title`}>
          <h1 id={`${id}-title`} className="text-base font-semibold">
            Sign in
          </h1>
          <p className="mt-1 text-fg-muted">{next === '/dashboard' ? 'Use the name and password your administrator gave you.' : 'Sign in to continue where you were.'}</p>
          {off && (
            <p role="status" className="mt-4 rounded-md border border-border bg-surface px-3 py-2">
              Sign-in is off on this server: everyone has full access.{' '}
              <Link to="/dashboard" className="text-accent underline">
                Go to the dashboard
              </Link>
            </p>
          )}
          <form onSubmit={submit} noValidate aria-label="Sign in" className="mt-5 grid gap-4" aria-describedby={error ? errorId : undefined}>
            <FormField id={`${id}-name`} label="Name">
              <Input {...describedBy(`${id}-name`, undefined, false)} value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus required className="h-8" />
            </FormField>
            <FormField id={`${id}-password`} label="Password">
              <Input ref={passwordRef} {...describedBy(`${id}-password`, undefined, false)} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required className="h-8" />
            </FormField>
            {error && (
              <p id={errorId} role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
                {blockedUntil === null ? error : wait > 0 ? `Too many failed sign-ins. Try again in ${wait} s.` : 'You can try again now.'}
              </p>
            )}
            <Button type="submit" variant="primary" disabled={login.isPending || wait > 0} className="h-8 justify-center">
              <LogIn aria-hidden="true" />
              {login.isPending ? 'Signing in…' : wait > 0 ? `Wait ${wait} s` : 'Sign in'}
            </Button>
          </form>
        </section>
      </div>
    </main>
  );
}
