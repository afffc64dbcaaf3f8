import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { Plus } from 'lucide-react';
import { needsRole, useCan, type Role } from '../../api/auth.ts';
import { Button } from '../ui/button.tsx';
import { PageHeader, type Crumb } from '../ui/page-header.tsx';

interface Gateable {
  disabled?: boolean;
  title?: string;
}

/**
 * An action only `role` (or higher) may take. For a lower role the child (a Button, MenuItem
 * or Link) is disabled and says which role it needs, or is replaced by `fallback` with `hide`.
 * This is guidance only: the server enforces the same table.
 */
export function RequireRole({ role, children, hide, fallback = null, block }: { role: Role; children: ReactElement<Gateable>; hide?: boolean; fallback?: ReactNode; block?: boolean }) {
  const can = useCan(role);
  if (can) return children;
  if (hide) return fallback;
  const reason = needsRole(role);
  // A disabled button gets no pointer events: the wrapper carries the tooltip.
  return (
    <span title={reason} className={clsx('cursor-not-allowed', block ? 'block' : 'inline-flex')}>
      {cloneElement(children, { disabled: true, title: reason })}
    </span>
  );
}

/** A list page's "New …" action, for its header and its empty state alike. */
export function NewButton({ role, onClick, children }: { role: Role; onClick: () => void; children: ReactNode }) {
  return (
    <RequireRole role={role}>
      <Button variant="primary" onClick={onClick}>
        <Plus aria-hidden="true" />
        {children}
      </Button>
    </RequireRole>
  );
}

/** Explains a page or form a lower role cannot use, in place of it. */
export function NeedsRole({ role, children }: { role: Role; children?: ReactNode }) {
  return (
    <div role="status" className="rounded-lg border border-border bg-surface-raised px-4 py-6 text-center">
      <p className="font-semibold">{needsRole(role)}</p>
      <p className="mt-1 text-fg-muted">{children ?? `Ask an administrator to do this, or to give you the ${role} role.`}</p>
    </div>
  );
}

/** A whole page (a create or edit form) that a lower role gets instead. */
export function NeedsRolePage({ role, title, breadcrumbs, children }: { role: Role; title: string; breadcrumbs?: Crumb[]; children?: ReactNode }) {
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} />
      <NeedsRole role={role}>{children}</NeedsRole>
    </>
  );
}
