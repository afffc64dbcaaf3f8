import { useCallback, useSyncExternalStore } from 'react';

/** Whether the side navigation shows icons only; a local preference (localStorage), like the theme. */
const SIDEBAR_KEY = 'syntask.sidebar';

// The choice of this page, also when storage is unavailable and cannot hold it.
let chosen: boolean | undefined;
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== SIDEBAR_KEY) return;
    chosen = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function readCollapsed(): boolean {
  if (chosen !== undefined) return chosen;
  try {
    return localStorage.getItem(SIDEBAR_KEY) === 'collapsed';
  } catch {
    return false;
  }
}

export function useSidebarCollapsed(): [boolean, (collapsed: boolean) => void] {
  const collapsed = useSyncExternalStore(subscribe, readCollapsed, () => false);
  const set = useCallback((next: boolean) => {
    chosen = next;
    try {
      if (next) localStorage.setItem(SIDEBAR_KEY, 'collapsed');
      else localStorage.removeItem(SIDEBAR_KEY);
    } catch {
      // Applies until reload only.
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [collapsed, set];
}
