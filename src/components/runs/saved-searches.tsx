import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Bookmark, Check, Trash2 } from 'lucide-react';
import { needsRole, useCan } from '../../api/auth.ts';
import { buildSavedSearchesQuery, useDeleteSavedSearch, useSaveSearch } from '../../api/saved-searches.ts';
import type { RunsSearch } from '../../lib/run-filters.ts';
import { fromSavedFilters, matchesSavedFilters, toSavedFilters, type SavedFilter } from '../../lib/saved-searches.ts';
import { Button } from '../ui/button.tsx';
import { Input } from '../ui/form.tsx';
import { Popover } from '../ui/popover.tsx';
import { toast } from '../ui/toast.tsx';

/** Named filter sets stored on the server (`/saved_searches`): apply one, save the current filters, delete. */
export function SavedSearches({ search, onApply }: { search: RunsSearch; onApply: (patch: Partial<RunsSearch>) => void }) {
  const saved = useQuery(buildSavedSearchesQuery());
  const active = saved.data?.find((s) => matchesSavedFilters(search, s.filters as SavedFilter[]));
  return (
    <Popover
      align="end"
      buttonLabel={active ? `Saved search: ${active.name}` : 'Saved searches'}
      label={
        <>
          <Bookmark aria-hidden="true" />
          {active ? active.name : 'Saved searches'}
        </>
      }
    >
      {(close) => <SavedSearchPanel search={search} activeId={active?.id} onApply={(patch) => (onApply(patch), close())} />}
    </Popover>
  );
}

function SavedSearchPanel({ search, activeId, onApply }: { search: RunsSearch; activeId?: string; onApply: (patch: Partial<RunsSearch>) => void }) {
  const saved = useQuery(buildSavedSearchesQuery());
  const save = useSaveSearch();
  const remove = useDeleteSavedSearch();
  const can = useCan('operator');
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const replaces = saved.data?.some((s) => s.name === trimmed);
  const apply = (filters: SavedFilter[]) => {
    const { range, from, to, state, flow, deployment, pool, tag, q, subflows } = fromSavedFilters(filters);
    onApply({ range, from, to, state, flow, deployment, pool, tag, q, subflows, page: 1 });
  };
  const submit = () => {
    if (!trimmed) return;
    save.mutate({ name: trimmed, filters: toSavedFilters(search) }, { onSuccess: () => (toast(`Saved the search “${trimmed}”.`), setName('')) });
  };
  return (
    <div className="grid w-72 gap-2 p-1">
      {saved.isError ? (
        <p role="alert" className="px-1 text-danger">Could not load saved searches: {saved.error.message}</p>
      ) : saved.data?.length === 0 ? (
        <p className="px-1 text-fg-muted">No saved searches yet: set filters, name them below and save.</p>
      ) : (
        <ul aria-label="Saved searches" className="grid gap-0.5">
          {saved.data?.map((s) => (
            <li key={s.id} className="flex items-center gap-1">
              <button type="button" onClick={() => apply(s.filters as SavedFilter[])} className="flex h-7 min-w-0 flex-1 items-center gap-2 rounded px-2 text-left hover:bg-surface-hover">
                <Check aria-hidden="true" className={s.id === activeId ? 'size-3.5 shrink-0 text-accent' : 'size-3.5 shrink-0 invisible'} />
                <span className="truncate">{s.name}</span>
                {s.id === activeId && <span className="sr-only">(current)</span>}
              </button>
              <button
                type="button"
                aria-label={`Delete saved search ${s.name}`}
                title={can ? undefined : needsRole('operator')}
                disabled={remove.isPending || !can}
                onClick={() => remove.mutate(s.id, { onSuccess: () => toast(`Deleted the saved search “${s.name}”.`) })}
                className="grid size-7 place-items-center rounded text-fg-muted hover:bg-surface-hover hover:text-danger disabled:opacity-50 disabled:hover:bg-transparent disabled:hover:text-fg-muted"
              >
                <Trash2 aria-hidden="true" className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {!can ? (
        <p className="border-t border-border px-1 pt-2 text-xs text-fg-muted">Saving a search needs the operator role.</p>
      ) : (
        <form
          className="grid gap-1 border-t border-border pt-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <label htmlFor="saved-search-name" className="px-1 text-xs text-fg-muted">
            Save the current filters as
          </label>
          <div className="flex gap-1">
            <Input id="saved-search-name" value={name} maxLength={5000} onChange={(e) => setName(e.target.value)} placeholder="e.g. Failed last 24 hours" className="min-w-0 flex-1" aria-describedby="saved-search-hint" />
            <Button type="submit" variant="primary" disabled={!trimmed || save.isPending}>
              Save
            </Button>
          </div>
          <p id="saved-search-hint" className="px-1 text-xs text-fg-muted" role={save.isError ? 'alert' : undefined}>
            {save.isError ? <span className="text-danger">{save.error.message}</span> : replaces ? 'A saved search has this name: saving replaces its filters.' : 'Saved on the server, for everyone using it.'}
          </p>
        </form>
      )}
    </div>
  );
}
