import { useEffect, useRef, type ReactNode } from 'react';
import { clsx } from 'clsx';
import { X } from 'lucide-react';
import { Button } from './button.tsx';

/** A modal on the native <dialog>: focus trapping, Escape and the backdrop come with it. */
export function Dialog({ open, onClose, title, children, footer, wide, top }: { open: boolean; onClose: () => void; title: string; children: ReactNode; footer?: ReactNode; wide?: boolean; top?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // A field marked `data-autofocus` takes the keys at once (showModal would focus the Close button).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onCancel={onClose}
      className={clsx(top ? 'mx-auto mt-[12vh]' : 'm-auto', 'max-h-[calc(100vh-2rem)] max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-surface-raised p-0 text-fg shadow-xl backdrop:bg-black/40', wide ? 'w-[44rem]' : 'w-[28rem]')}
    >
      {open && (
        <>
          <header className="flex h-11 items-center justify-between border-b border-border px-4">
            <h2 className="font-semibold">{title}</h2>
            <button type="button" aria-label="Close" onClick={onClose} className="text-fg-muted hover:text-fg">
              <X className="size-4" aria-hidden="true" />
            </button>
          </header>
          <div className="px-4 py-4">{children}</div>
          {footer && <footer className="flex justify-end gap-2 border-t border-border px-4 py-3">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}

/**
 * The end of a form in a dialog: the form's own error (one that belongs to no field), then
 * Cancel and the submit button, which says "Saving…" and is disabled while `busy`.
 */
export function DialogFooter({ error, onCancel, busy, submitLabel }: { error?: string; onCancel: () => void; busy: boolean; submitLabel: string }) {
  return (
    <>
      {error && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 border-t border-border pt-3">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </>
  );
}
