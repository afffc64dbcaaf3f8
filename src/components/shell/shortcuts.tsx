import { Fragment, useEffect, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { Keyboard } from 'lucide-react';
import { formatKeys, SHORTCUT_GROUPS, ShortcutMatcher, SHORTCUTS, type Shortcut } from '../../lib/shortcuts.ts';
import { Dialog } from '../ui/dialog.tsx';
import { moveRowSelection, openSelectedRow } from '../ui/row-navigation.ts';
import { hasShortcutHandler, isMacPlatform, runShortcut, useShortcut } from './use-shortcut.ts';

const isActive = (s: Shortcut) => s.to !== undefined || hasShortcutHandler(s.id);

function focusPageSearch(): boolean {
  const search = [...document.querySelectorAll<HTMLElement>('[data-page-search]')].find((el) => el.getClientRects().length > 0);
  search?.focus();
  return !!search;
}

/** The one keydown listener of the dashboard: matches presses against the registry and runs the entry. */
export function ShortcutDispatcher() {
  const navigate = useNavigate();
  useShortcut('search', focusPageSearch);
  useShortcut('row-next', () => moveRowSelection(1));
  useShortcut('row-previous', () => moveRowSelection(-1));
  useShortcut('row-open', openSelectedRow);
  useEffect(() => {
    const matcher = new ShortcutMatcher(SHORTCUTS);
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // A modal dialog owns the keyboard (its focus trap, Escape and its own keys).
      if (document.querySelector('dialog[open]')) return matcher.reset();
      // Escape leaves the page's search field, so the next keys are shortcuts again.
      if (e.key === 'Escape' && e.target instanceof HTMLElement && e.target.hasAttribute('data-page-search')) return e.target.blur();
      // When the key was pressed, not when a busy page got to it: `g` then `x` stays a sequence behind a long render.
      const hit = matcher.press(e, isActive, performance.timeOrigin + e.timeStamp);
      if (hit === null || hit === 'pending') return;
      const handled = hit.to ? (void navigate({ to: hit.to as never }), true) : runShortcut(hit.id);
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate]);
  return null;
}

/** The `?` overlay: the registry by group, the reference of every shortcut. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useShortcut('help', () => setOpen(true));
  const mac = isMacPlatform();
  return (
    <>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setOpen(true)} className="grid size-6 place-items-center rounded text-fg-muted hover:text-fg">
        <Keyboard className="size-4" aria-hidden="true" />
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts" wide>
        <p className="mb-3 text-xs text-fg-muted">Keys pressed one after the other (like g then r) within a second and a half. Shortcuts are off while you type in a field; Ctrl/⌘ K works everywhere.</p>
        <div className="grid grid-cols-2 gap-x-8 gap-y-4">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group} aria-labelledby={`shortcuts-${group}`}>
              <h3 id={`shortcuts-${group}`} className="mb-1.5 text-xs font-semibold tracking-wide text-fg-muted uppercase">
                {group}
              </h3>
              <dl className="grid grid-cols-[auto_1fr] items-baseline gap-x-3 gap-y-1.5">
                {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                  <div key={s.id} className="contents" data-shortcut={s.id}>
                    <dt className="flex gap-1 whitespace-nowrap">
                      {formatKeys(s, mac).map((k, i) => (
                        <Fragment key={i}>
                          {i > 0 && <span className="text-xs text-fg-muted">then</span>}
                          <kbd className="rounded border border-border bg-surface px-1.5 font-mono text-xs">{k}</kbd>
                        </Fragment>
                      ))}
                    </dt>
                    <dd className="text-fg-muted">{s.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </Dialog>
    </>
  );
}
