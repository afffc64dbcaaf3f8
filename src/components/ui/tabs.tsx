import type { ReactNode } from 'react';
import { clsx } from 'clsx';

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
  count?: number | null;
}

/** Tabs whose selection lives in the URL (the caller navigates in `onSelect`); arrow keys move between them. */
export function Tabs<T extends string>({ items, value, onSelect, label }: { items: TabItem<T>[]; value: T; onSelect: (id: T) => void; label: string }) {
  const onKey = (e: React.KeyboardEvent, index: number) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = items[(index + (e.key === 'ArrowRight' ? 1 : items.length - 1)) % items.length];
    onSelect(next.id);
    (e.currentTarget.parentElement?.querySelector(`[data-tab="${next.id}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b border-border">
      {items.map((item, i) => {
        const selected = item.id === value;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            data-tab={item.id}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(item.id)}
            onKeyDown={(e) => onKey(e, i)}
            className={clsx('-mb-px flex h-9 items-center gap-1.5 border-b-2 px-3 whitespace-nowrap transition-colors', selected ? 'border-accent font-medium text-fg' : 'border-transparent text-fg-muted hover:text-fg')}
          >
            {item.label}
            {item.count !== undefined && item.count !== null && <span className="rounded-full bg-surface-hover px-1.5 text-xs text-fg-muted tabular-nums">{item.count.toLocaleString('en')}</span>}
          </button>
        );
      })}
    </div>
  );
}
