import { useEffect, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Keyboard } from 'lucide-react';
import { Dialog } from '../ui/dialog.tsx';

/** Every keyboard shortcut of the dashboard, in one registry (shown by `?`). */
export const SHORTCUTS: { keys: string; description: string; to?: string }[] = [
  { keys: '?', description: 'Show this list' },
  { keys: 'g d', description: 'Go to the dashboard', to: '/dashboard' },
  { keys: 'g r', description: 'Go to runs', to: '/runs' },
  { keys: 'g f', description: 'Go to flows', to: '/flows' },
  { keys: '/', description: 'Focus the search field of the page' },
  { keys: 'Esc', description: 'Close a dialog, menu or side panel' },
];

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  useEffect(() => {
    let prefix = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '?') return setOpen(true);
      if (e.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-page-search]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
        return;
      }
      const keys = prefix ? `${prefix} ${e.key}` : e.key;
      const match = SHORTCUTS.find((s) => s.keys === keys && s.to);
      if (match?.to) {
        prefix = '';
        void navigate({ to: match.to as never });
        return;
      }
      prefix = e.key === 'g' ? 'g' : '';
      clearTimeout(timer);
      timer = setTimeout(() => (prefix = ''), 1000);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
  return (
    <>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setOpen(true)} className="grid size-6 place-items-center rounded text-fg-muted hover:text-fg">
        <Keyboard className="size-4" aria-hidden="true" />
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
        <dl className="grid grid-cols-[5rem_1fr] gap-y-2">
          {SHORTCUTS.map((s) => (
            <div key={s.keys} className="contents">
              <dt>
                <kbd className="rounded border border-border bg-surface px-1.5 font-mono text-xs">{s.keys}</kbd>
              </dt>
              <dd className="text-fg-muted">{s.description}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
}
