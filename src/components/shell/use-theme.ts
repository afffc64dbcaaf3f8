import { useCallback, useState } from 'react';
import { applyThemePreference, readThemePreference, type ThemePreference } from '../../lib/theme.ts';

export function useTheme(): [ThemePreference, (preference: ThemePreference) => void] {
  const [preference, setPreference] = useState(readThemePreference);
  const choose = useCallback((next: ThemePreference) => {
    applyThemePreference(next);
    setPreference(next);
  }, []);
  return [preference, choose];
}
