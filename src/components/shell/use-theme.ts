import { useSyncExternalStore } from 'react';
import { applyThemePreference, readThemePreference, subscribeThemePreference, type ThemePreference } from '../../lib/theme.ts';

export function useTheme(): [ThemePreference, (preference: ThemePreference) => void] {
  const preference = useSyncExternalStore(subscribeThemePreference, readThemePreference, readThemePreference);
  return [preference, applyThemePreference];
}
