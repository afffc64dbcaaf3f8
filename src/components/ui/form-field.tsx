import type { ReactNode } from 'react';

/** Ids a control needs to be described by its field's hint and error. */
export const fieldIds = (id: string) => ({ hint: `${id}-hint`, error: `${id}-error` });

/**
 * A labelled form field with its hint and inline error (announced when it appears). The
 * control takes `id`, `aria-invalid` and `aria-describedby` from `describedBy(id, error)`.
 */
export function FormField({ id, label, required, hint, error, children }: { id: string; label: string; required?: boolean; hint?: ReactNode; error?: string; children: ReactNode }) {
  const ids = fieldIds(id);
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
        {required && (
          <span className="ml-0.5 text-danger" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children}
      {hint && (
        <span id={ids.hint} className="text-xs text-fg-muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={ids.error} role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </div>
  );
}

/** The aria attributes of a field's control. */
export function describedBy(id: string, error: string | undefined, hint = true) {
  const ids = fieldIds(id);
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined };
}
