import { useSyncExternalStore } from 'react';
import { clsx } from 'clsx';
import { CircleAlert, CircleCheck, X } from 'lucide-react';

export interface Toast {
  id: number;
  message: string;
  tone: 'success' | 'error';
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** Shows a short message; errors stay longer. Callable from anywhere (mutation handlers). */
export function toast(message: string, tone: Toast['tone'] = 'success') {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { id, message, tone }];
  emit();
  setTimeout(() => dismissToast(id), tone === 'error' ? 8000 : 4000);
}

export function Toaster() {
  const list = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => toasts,
  );
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
      {list.map((t) => (
        <div key={t.id} role={t.tone === 'error' ? 'alert' : 'status'} className={clsx('pointer-events-auto flex items-start gap-2 rounded-md border bg-surface-raised px-3 py-2.5 shadow-lg', t.tone === 'error' ? 'border-danger/50' : 'border-border')}>
          {t.tone === 'error' ? <CircleAlert className="mt-0.5 size-4 shrink-0 text-danger" aria-hidden="true" /> : <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true" />}
          <p className="min-w-0 flex-1 break-words">{t.message}</p>
          <button type="button" aria-label="Dismiss" onClick={() => dismissToast(t.id)} className="text-fg-muted hover:text-fg">
            <X className="size-4" aria-hidden="true" />
          </button>
        </div>
      ))}
    </div>
  );
}
