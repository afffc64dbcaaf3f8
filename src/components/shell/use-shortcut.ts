import { useEffect, useRef } from 'react';
import type { ShortcutId } from '../../lib/shortcuts.ts';

/** Returns `false` when it had nothing to do, so the key keeps its usual meaning. */
export type ShortcutHandler = () => boolean | void;

// A stack per entry: the most recently mounted component (a side panel over a page) answers first.
const handlers = new Map<string, ShortcutHandler[]>();

export const hasShortcutHandler = (id: string) => (handlers.get(id)?.length ?? 0) > 0;

/** Runs the newest handler of `id`; `true` when it handled the key. */
export function runShortcut(id: string): boolean {
  const stack = handlers.get(id);
  const handler = stack?.[stack.length - 1];
  return handler ? handler() !== false : false;
}

/** Gives a registry entry its behaviour while the calling component is mounted (and `enabled`). */
export function useShortcut(id: ShortcutId, handler: ShortcutHandler, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const entry: ShortcutHandler = () => latest.current();
    handlers.set(id, [...(handlers.get(id) ?? []), entry]);
    return () => {
      handlers.set(id, (handlers.get(id) ?? []).filter((h) => h !== entry));
    };
  }, [id, enabled]);
}

/** ⌘ instead of Ctrl in the key labels. */
export const isMacPlatform = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
