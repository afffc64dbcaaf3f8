import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { CircleAlert, RefreshCw } from 'lucide-react';
import { Button } from '../ui/button.tsx';

/** Shown inside the shell when a route fails to load or render. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center py-20 text-center">
      <CircleAlert className="size-8 text-danger" aria-hidden="true" />
      <h1 className="mt-4 text-xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-1 text-fg-muted">{error instanceof Error ? error.message : String(error)}</p>
      <Button className="mt-5" onClick={retry}>
        <RefreshCw aria-hidden="true" />
        Try again
      </Button>
    </div>
  );
}
