import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Columns3Cog } from 'lucide-react';
import { chooseColumn, columnStorageKey, parseColumnChoices, visibleColumns, type ColumnChoices, type TableColumn } from '../../lib/table-columns.ts';
import { Checkbox } from './form.tsx';
import { Popover } from './popover.tsx';

export type { TableColumn } from '../../lib/table-columns.ts';

/** What a table needs from `useTableColumns`: which columns show, the chooser, and the element to measure. */
export interface TableColumns {
  /** Whether the column shows (required columns always do). */
  shows: (id: string) => boolean;
  /** How many columns show, for skeleton rows. */
  count: number;
  columns: readonly TableColumn[];
  choices: ColumnChoices;
  choose: (id: string, shown: boolean) => void;
  reset: () => void;
  /** Attached by `Table` to its scroll container: the room the columns fill. */
  measure: (element: HTMLElement | null) => void;
}

/** What the chooser's button takes from the last column (its header's `pr-10` over `px-3`). */
const CHOOSER_ROOM = 28;

// Every table of a kind (and every tab of the browser) shows the same choice.
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => event.key?.startsWith('syntask.columns.') && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
function readRaw(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The columns of the list table `table` (a stable name, the localStorage key): the user's
 * choices from the chooser, and for the rest as many columns as fit the table's width, most
 * important first. `columns` must be stable (a module constant or memoized).
 */
export function useTableColumns(table: string, columns: readonly TableColumn[]): TableColumns {
  const key = columnStorageKey(table);
  const raw = useSyncExternalStore(subscribe, () => readRaw(key), () => null);
  const choices = useMemo(() => parseColumnChoices(raw, columns), [raw, columns]);
  const [room, setRoom] = useState<number>();
  const observer = useRef<ResizeObserver | null>(null);
  const measure = useCallback((element: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    // Measured while React commits, so the first paint already has the columns that fit.
    setRoom(element.clientWidth - CHOOSER_ROOM);
    observer.current = new ResizeObserver(() => setRoom(element.clientWidth - CHOOSER_ROOM));
    observer.current.observe(element);
  }, []);
  const write = useCallback(
    (next: ColumnChoices) => {
      try {
        if (Object.keys(next).length === 0) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage unavailable: the choice cannot be kept.
      }
      listeners.forEach((listener) => listener());
    },
    [key],
  );
  const visible = useMemo(() => visibleColumns(columns, choices, room), [columns, choices, room]);
  return {
    shows: (id) => visible.has(id),
    count: visible.size,
    columns,
    choices,
    choose: (id, shown) => write(chooseColumn(columns, visible, id, shown)),
    reset: () => write({}),
    measure,
  };
}

/** The button over the right end of a table's header row: a checkbox per optional column. */
export function ColumnChooser({ label, columns }: { label: string; columns: TableColumns }) {
  const optional = columns.columns.filter((c) => !c.required);
  if (optional.length === 0) return null;
  return (
    <Popover
      align="end"
      buttonLabel={`Columns of ${label.toLowerCase()}`}
      chevron={false}
      className="h-6 border-transparent bg-surface-raised px-1 text-fg-muted hover:text-fg"
      label={<Columns3Cog aria-hidden="true" />}
    >
      {() => (
        <div role="group" aria-label={`Columns of ${label.toLowerCase()}`} className="py-0.5">
          <p className="px-2 py-1 text-xs text-fg-muted">{Object.keys(columns.choices).length > 0 ? 'Your choice, kept for this browser.' : 'The columns that fit the width; choose to keep others.'}</p>
          {optional.map((c) => (
            <label key={c.id} className="flex h-7 items-center gap-2 rounded px-2 hover:bg-surface-hover">
              <Checkbox checked={columns.shows(c.id)} onChange={(e) => columns.choose(c.id, e.target.checked)} />
              {c.label}
            </label>
          ))}
          {Object.keys(columns.choices).length > 0 && (
            <button type="button" onClick={columns.reset} className="mt-0.5 flex h-7 w-full items-center rounded px-2 text-left text-accent hover:bg-surface-hover">
              Fit to width
            </button>
          )}
        </div>
      )}
    </Popover>
  );
}
