import type { ReactNode } from 'react';
import { CircleAlert, Inbox, RefreshCw, type LucideIcon } from 'lucide-react';
import { Button } from './button.tsx';

/** What a list shows when it has nothing: what this is, and what to do next. */
export function EmptyState({ title, children, icon: Icon = Inbox, action }: { title: string; children?: ReactNode; icon?: LucideIcon; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center px-6 py-12 text-center">
      <Icon className="size-7 text-fg-muted" aria-hidden="true" />
      <h2 className="mt-3 font-semibold">{title}</h2>
      {children && <div className="mt-1 max-w-lg text-fg-muted">{children}</div>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

/** A failed load, with the server's message and a retry. */
export function ErrorState({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div role="alert" className="flex flex-col items-center px-6 py-10 text-center">
      <CircleAlert className="size-7 text-danger" aria-hidden="true" />
      <h2 className="mt-3 font-semibold">{title}</h2>
      <p className="mt-1 max-w-lg break-words text-fg-muted">{error instanceof Error ? error.message : String(error)}</p>
      {onRetry && (
        <Button className="mt-4" onClick={onRetry}>
          <RefreshCw aria-hidden="true" />
          Retry
        </Button>
      )}
    </div>
  );
}
