import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Search, X } from 'lucide-react';
import { buildFlowsQuery } from '../../api/flows.ts';
import { CUSTOM_STATE_NAMES, FLOW_RUN_SORTS, RANGE_LABELS, RELATIVE_RANGES, STATE_TYPES, TASK_RUN_SORTS, type RangeChoice, type RunsSearch } from '../../lib/run-filters.ts';
import { formatDateTime } from '../../lib/time.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox, Input, Select } from '../ui/form.tsx';
import { TagFilter } from '../ui/list-filters.tsx';
import { Popover } from '../ui/popover.tsx';
import { DeploymentFilterPicker, WorkPoolFilterPicker } from '../deployments/pickers.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';
import { SavedSearches } from './saved-searches.tsx';
import { useTypingPause } from '../ui/use-typing-pause.ts';
import { titleCase } from '../ui/state-badge.tsx';

const SORT_LABELS: Record<string, string> = {
  START_TIME_DESC: 'Newest first',
  START_TIME_ASC: 'Oldest first',
  EXPECTED_START_TIME_DESC: 'Newest scheduled first',
  EXPECTED_START_TIME_ASC: 'Oldest scheduled first',
  NAME_ASC: 'Name A–Z',
  NAME_DESC: 'Name Z–A',
  END_TIME_DESC: 'Recently finished',
};

/** Converts between an ISO instant and the value of a `datetime-local` input in the user's zone. */
function toLocalInput(iso: string | undefined, zone: string): string {
  return iso ? formatDateTime(iso, zone, 'seconds', false).replace(' ', 'T').slice(0, 16) : '';
}
function fromLocalInput(value: string, zone: string): string | undefined {
  if (!value) return undefined;
  const asUtc = Date.parse(`${value}:00Z`);
  // The zone's offset at that wall time (two passes settle DST edges).
  let t = asUtc;
  for (let i = 0; i < 2; i++) {
    const shown = Date.parse(`${formatDateTime(t, zone, 'seconds', false).replace(' ', 'T')}Z`);
    t = asUtc - (shown - t);
  }
  return new Date(t).toISOString();
}

export function RunsFilters({ search, onChange }: { search: RunsSearch; onChange: (patch: Partial<RunsSearch>) => void }) {
  const zone = useTimeZone();
  // Typing updates the URL after a pause, not on every key.
  const [q, setQ] = useTypingPause(search.q, (next) => onChange({ q: next, page: 1 }));
  const sorts = search.tab === 'task-runs' ? TASK_RUN_SORTS : FLOW_RUN_SORTS;
  const filtered = search.state.length + search.flow.length + search.deployment.length + search.pool.length + search.tag.length > 0 || search.q !== '' || search.subflows === 'hide' || search.range !== '7d';

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <label className="relative">
        <span className="sr-only">Search run names</span>
        <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
        <Input data-page-search value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by run name" className="w-56 pl-7" />
      </label>
      <label className="flex items-center gap-1">
        <span className="sr-only">Time range</span>
        <Select aria-label="Time range" value={search.range} onChange={(e) => onChange(e.target.value === 'custom' ? { range: 'custom', from: new Date(Date.now() - 86_400_000).toISOString(), to: undefined, page: 1 } : { range: e.target.value as RangeChoice, from: undefined, to: undefined, page: 1 })}>
          {([...Object.keys(RELATIVE_RANGES), 'custom'] as RangeChoice[]).map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </Select>
      </label>
      {search.range === 'custom' && (
        <>
          <label className="flex items-center gap-1 text-xs text-fg-muted">
            From
            <Input type="datetime-local" aria-label="From" value={toLocalInput(search.from, zone)} onChange={(e) => onChange({ from: fromLocalInput(e.target.value, zone), page: 1 })} />
          </label>
          <label className="flex items-center gap-1 text-xs text-fg-muted">
            To
            <Input type="datetime-local" aria-label="To" value={toLocalInput(search.to, zone)} onChange={(e) => onChange({ to: fromLocalInput(e.target.value, zone), page: 1 })} />
          </label>
        </>
      )}
      <Popover label={search.state.length ? `States (${search.state.length})` : 'All states'} buttonLabel="States">
        {() => (
          <fieldset className="grid max-h-80 gap-0.5 overflow-y-auto p-1">
            <legend className="sr-only">States</legend>
            {[...STATE_TYPES, ...CUSTOM_STATE_NAMES].map((s) => (
              <label key={s} className="flex h-7 items-center gap-2 rounded px-1.5 hover:bg-surface-hover">
                <Checkbox checked={search.state.includes(s)} onChange={() => onChange({ state: search.state.includes(s) ? search.state.filter((x) => x !== s) : [...search.state, s], page: 1 })} />
                {(STATE_TYPES as readonly string[]).includes(s) ? titleCase(s) : <span>{s} <span className="text-xs text-fg-muted">(state name)</span></span>}
              </label>
            ))}
          </fieldset>
        )}
      </Popover>
      <FlowPicker selected={search.flow} onChange={(flow) => onChange({ flow, page: 1 })} />
      <DeploymentFilterPicker selected={search.deployment} onChange={(deployment) => onChange({ deployment, page: 1 })} />
      <WorkPoolFilterPicker selected={search.pool} onChange={(pool) => onChange({ pool, page: 1 })} />
      <div className="flex items-center gap-1">
        <TagFilter tags={search.tag} onChange={(tag) => onChange({ tag, page: 1 })} />
      </div>
      {search.tab === 'flow-runs' && (
        <label className="flex items-center gap-1.5 text-sm">
          <Checkbox checked={search.subflows === 'hide'} onChange={(e) => onChange({ subflows: e.target.checked ? 'hide' : 'show', page: 1 })} />
          Hide subflows
        </label>
      )}
      <SavedSearches search={search} onApply={onChange} />
      <label className="ml-auto flex items-center gap-1 text-xs text-fg-muted">
        Sort
        <Select aria-label="Sort" value={search.sort} onChange={(e) => onChange({ sort: e.target.value, page: 1 })}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </Select>
      </label>
      {filtered && (
        <Button onClick={() => onChange({ range: '7d', from: undefined, to: undefined, state: [], flow: [], deployment: [], pool: [], tag: [], q: '', subflows: 'show', page: 1 })}>
          <X aria-hidden="true" />
          Clear filters
        </Button>
      )}
    </div>
  );
}

function FlowPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  // Fetched when the picker opens (or flows are already selected), not on every runs page load.
  const flows = useQuery({ ...buildFlowsQuery({ flows: filter ? { name: { like_: filter } } : undefined, limit: 50, sort: 'NAME_ASC' }), enabled: open || selected.length > 0 });
  return (
    <div onFocusCapture={() => setOpen(true)} onMouseEnter={() => setOpen(true)}>
      <Popover label={selected.length ? `Flows (${selected.length})` : 'All flows'} buttonLabel="Flows">
        {() => (
          <div className="grid gap-1 p-1">
            <Input aria-label="Find a flow" placeholder="Find a flow" value={filter} onChange={(e) => setFilter(e.target.value)} />
            <fieldset className="grid max-h-72 gap-0.5 overflow-y-auto">
              <legend className="sr-only">Flows</legend>
              {flows.isPending && <span className="px-1.5 py-1 text-fg-muted">Loading flows…</span>}
              {flows.data?.length === 0 && <span className="px-1.5 py-1 text-fg-muted">No flow matches.</span>}
              {flows.data?.map((f) => (
                <label key={f.id} className="flex h-7 items-center gap-2 rounded px-1.5 hover:bg-surface-hover">
                  <Checkbox checked={selected.includes(f.id)} onChange={() => onChange(selected.includes(f.id) ? selected.filter((x) => x !== f.id) : [...selected, f.id])} />
                  <span className="truncate">{f.name}</span>
                </label>
              ))}
            </fieldset>
          </div>
        )}
      </Popover>
    </div>
  );
}
