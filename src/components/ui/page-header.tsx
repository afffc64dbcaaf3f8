import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { ChevronRight } from 'lucide-react';
import { formatCount } from './misc.tsx';

export interface Crumb {
  label: string;
  /** Router path; the current page's crumb has none. */
  to?: string;
  params?: Record<string, string>;
}

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  breadcrumbs?: Crumb[];
  actions?: ReactNode;
  /** Shown after the title (state badge, count). */
  badge?: ReactNode;
  /** A list page's count, shown after the title once known. */
  count?: number;
}

export function PageHeader({ title, description, breadcrumbs, actions, badge, count }: PageHeaderProps) {
  return (
    <header className="mb-5">
      {breadcrumbs && breadcrumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="mb-1.5">
          <ol className="flex flex-wrap items-center gap-1 text-xs text-fg-muted">
            {breadcrumbs.map((c, i) => (
              <li key={i} className="flex items-center gap-1">
                {i > 0 && <ChevronRight className="size-3" aria-hidden="true" />}
                {c.to ? (
                  <Link to={c.to as never} params={c.params as never} className="hover:text-fg hover:underline">
                    {c.label}
                  </Link>
                ) : (
                  <span aria-current="page">{c.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="min-w-0 text-xl font-semibold tracking-tight break-all">{title}</h1>
          {badge}
          {count !== undefined && <span className="text-fg-muted tabular-nums">{formatCount(count)}</span>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
      {description && <div className="mt-1 text-fg-muted">{description}</div>}
    </header>
  );
}
