export type ThemePreference = 'light' | 'dark' | 'system';

// index.html reads the same key before first paint.
const THEME_STORAGE_KEY = 'syntask.theme';

// The toggle and the command palette both change the theme; each shows the current choice.
const listeners = new Set<() => void>();

export function subscribeThemePreference(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark'];

function parseThemePreference(value: string | null): ThemePreference {
  return value === 'light' || value === 'dark' ? value : 'system';
}

// The choice of this page, also when storage is unavailable and cannot hold it.
let chosen: ThemePreference | undefined;

export function readThemePreference(): ThemePreference {
  if (chosen) return chosen;
  try {
    return parseThemePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    // Storage can be unavailable (privacy modes, sandboxed frames): follow the OS.
    return 'system';
  }
}

/** Persists the preference and applies it; `system` removes the override so CSS follows the OS. */
export function applyThemePreference(preference: ThemePreference): void {
  chosen = preference;
  const root = document.documentElement;
  // Colour transitions would make each element fade to the new theme at its own pace.
  root.dataset.themeSwitching = '';
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
  void document.body.offsetHeight; // force a style flush while transitions are off
  requestAnimationFrame(() => delete root.dataset.themeSwitching);
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // The choice still applies for this page; it just won't survive a reload.
  }
  listeners.forEach((listener) => listener());
}
