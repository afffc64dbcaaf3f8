import { X } from 'lucide-react';
import { DEFAULT_EVENT_SEARCH, EVENT_RANGES, type EventRange, type EventSearch } from '../../lib/event-search.ts';
import { Button } from '../ui/button.tsx';
import { Input, Select } from '../ui/form.tsx';
import { useTypingPause } from '../ui/use-typing-pause.ts';

const RANGE_LABELS: Record<EventRange, string> = { '1h': 'Past hour', '24h': 'Past 24 hours', '7d': 'Past 7 days', '30d': 'Past 30 days' };
/** Prefixes worth one click: the kinds of event the server and the SDK record. */
const PREFIXES = ['syntask.flow-run.', 'syntask.task-run.', 'syntask.deployment.', 'syntask.work-pool.', 'syntask.work-queue.', 'syntask.worker.'];

/** Event name prefix, resource and time range; every choice goes to the URL. */
export function EventFilters({ search, onChange }: { search: EventSearch; onChange: (patch: Partial<EventSearch>) => void }) {
  const [prefix, setPrefix] = useTypingPause(search.prefix ?? '', (next) => onChange({ prefix: next.trim() || undefined }));
  const [resource, setResource] = useTypingPause(search.resource ?? '', (next) => onChange({ resource: next.trim() || undefined }));
  const filtered = Boolean(search.prefix || search.resource || search.range !== DEFAULT_EVENT_SEARCH.range);
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
      <Input data-page-search type="search" aria-label="Event name starts with" placeholder="Event: syntask.flow-run." list="event-prefixes" value={prefix} onChange={(e) => setPrefix(e.target.value)} className="w-64" />
      <datalist id="event-prefixes">
        {PREFIXES.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <Input type="search" aria-label="Resource id" placeholder="Resource: syntask.flow-run.<id>" value={resource} onChange={(e) => setResource(e.target.value)} className="w-80" />
      <Select aria-label="Time range" value={search.range} onChange={(e) => onChange({ range: e.target.value as EventRange })}>
        {(Object.keys(EVENT_RANGES) as EventRange[]).map((r) => (
          <option key={r} value={r}>
            {RANGE_LABELS[r]}
          </option>
        ))}
      </Select>
      {filtered && (
        <Button onClick={() => onChange({ prefix: undefined, resource: undefined, range: DEFAULT_EVENT_SEARCH.range })}>
          <X aria-hidden="true" />
          Clear filters
        </Button>
      )}
    </div>
  );
}
