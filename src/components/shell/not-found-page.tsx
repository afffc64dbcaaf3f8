import { Link } from '@tanstack/react-router';
import { SearchX } from 'lucide-react';
import { buttonClassName } from '../ui/button.tsx';

export function NotFoundPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-20 text-center">
      <SearchX className="size-8 text-fg-muted" aria-hidden="true" />
      <h1 className="mt-4 text-xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-1 text-fg-muted">There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <Link to="/dashboard" className={buttonClassName('primary', 'mt-5')}>
        Go to the dashboard
      </Link>
    </div>
  );
}
