import { Monitor, Moon, Sun, type LucideIcon } from 'lucide-react';
import { clsx } from 'clsx';
import { THEME_PREFERENCES, type ThemePreference } from '../../lib/theme.ts';
import { useTheme } from './use-theme.ts';

const OPTIONS: Record<ThemePreference, { label: string; icon: LucideIcon }> = {
  system: { label: 'System theme', icon: Monitor },
  light: { label: 'Light theme', icon: Sun },
  dark: { label: 'Dark theme', icon: Moon },
};

export function ThemeToggle() {
  const [preference, setPreference] = useTheme();
  return (
    <div role="group" aria-label="Theme" className="flex items-center rounded-md border border-border p-0.5">
      {THEME_PREFERENCES.map((option) => {
        const { label, icon: Icon } = OPTIONS[option];
        const selected = option === preference;
        return (
          <button
            key={option}
            type="button"
            aria-label={label}
            aria-pressed={selected}
            title={label}
            onClick={() => setPreference(option)}
            className={clsx(
              'grid size-6 place-items-center rounded transition-colors',
              selected ? 'bg-surface-hover text-fg' : 'text-fg-muted hover:text-fg',
            )}
          >
            <Icon className="size-3.5" aria-hidden="true" />
          </button>
        );
      })}
    </div>
  );
}
