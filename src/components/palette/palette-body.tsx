import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { clsx } from 'clsx';
import { ArrowRight, Search } from 'lucide-react';
import { PALETTE_GROUPS } from '../../lib/palette.ts';
import { StateBadge } from '../ui/state-badge.tsx';
import { usePaletteItems, type PaletteItem } from './use-palette-items.ts';

/** The palette's combobox (ARIA 1.2 pattern: focus stays in the input, the active option by aria-activedescendant). */
export function PaletteBody({ close }: { close: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { items, searching, errors, busy } = usePaletteItems(query, close);
  const id = useId();
  const optionId = (i: number) => `${id}-option-${i}`;
  const current = Math.min(active, items.length - 1);

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      e.preventDefault();
      if (items.length) setActive((to + items.length) % items.length);
    };
    if (e.key === 'ArrowDown') move(current + 1);
    else if (e.key === 'ArrowUp') move(current - 1);
    else if (e.key === 'Home' && e.ctrlKey) move(0);
    else if (e.key === 'End' && e.ctrlKey) move(items.length - 1);
    else if (e.key === 'Enter' && items[current] && !busy) {
      e.preventDefault();
      items[current].perform();
    }
  };

  let index = -1;
  return (
    <div className="-mx-4 -my-4">
      <label className="relative block border-b border-border focus-within:border-accent">
        <span className="sr-only">Search pages, runs, flows, deployments, work pools and blocks</span>
        <Search className="pointer-events-none absolute top-3 left-4 size-4 text-fg-muted" aria-hidden="true" />
        <input
          data-autofocus
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Type a name, a run id, a page, “dark” or a time zone…"
          className="h-10 w-full bg-transparent pr-4 pl-10 text-sm outline-none placeholder:text-fg-muted"
        />
      </label>
      {items.length === 0 && (
        <p className="px-4 py-8 text-center text-fg-muted">{searching ? 'Searching…' : `Nothing matches “${query.trim()}”. Try part of a name, a full run id, a page or a time zone.`}</p>
      )}
      <div id={`${id}-list`} role="listbox" aria-label="Results" className="max-h-[min(26rem,60vh)] overflow-y-auto py-1">
        {PALETTE_GROUPS.map((group) => {
          const members = items.filter((item) => item.group === group);
          if (members.length === 0) return null;
          const headingId = `${id}-${group.replace(/ /g, '-')}`;
          return (
            <div key={group} role="group" aria-labelledby={headingId}>
              <div id={headingId} role="presentation" className="px-4 pt-2 pb-1 text-[11px] font-semibold tracking-wide text-fg-muted uppercase">
                {group}
              </div>
              {members.map((item) => {
                index += 1;
                const i = index;
                return <Option key={item.key} id={optionId(i)} item={item} selected={i === current} onHover={() => setActive(i)} />;
              })}
            </div>
          );
        })}
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-border px-4 py-2 text-xs text-fg-muted" role="status" aria-live="polite">
        <span>
          {errors.length > 0
            ? `Some results could not be loaded: ${errors[0]}`
            : searching
              ? 'Searching…'
              : busy
                ? 'Starting the run…'
                : `${items.length} result${items.length === 1 ? '' : 's'}`}
        </span>
        <span className="whitespace-nowrap">↑ ↓ to choose · Enter to open · Esc to close</span>
      </div>
    </div>
  );
}

function Option({ id, item, selected, onHover }: { id: string; item: PaletteItem; selected: boolean; onHover: () => void }) {
  const Icon = item.icon ?? ArrowRight;
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      onMouseMove={selected ? undefined : onHover}
      // Keep focus in the input: a click chooses without moving focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={item.perform}
      className={clsx('mx-1 flex h-8 cursor-pointer items-center gap-2.5 rounded px-3', selected ? 'bg-accent/12 shadow-[inset_2px_0_0_var(--color-accent)]' : 'hover:bg-surface-hover')}
    >
      {item.state ? <StateBadge type={item.state.type} name={item.state.name} size="sm" /> : <Icon className="size-4 shrink-0 text-fg-muted" aria-hidden="true" />}
      <span className="truncate font-medium">{item.label}</span>
      {item.detail && <span className="ml-auto truncate pl-3 text-xs text-fg-muted">{item.detail}</span>}
    </div>
  );
}
