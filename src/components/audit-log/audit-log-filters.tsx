import { useId } from 'react';
import { X } from 'lucide-react';
import { AUDIT_OUTCOMES, AUDIT_RANGES, AUDIT_RESOURCE_TYPES, isAuditFiltered, resourceLabel, type AuditOutcome, type AuditRange, type AuditSearch } from '../../lib/audit-log-search.ts';
import { zoneAbbreviation } from '../../lib/time.ts';
import { wallTime, wallTimeToIso } from '../../lib/zoned-input.ts';
import { Button } from '../ui/button.tsx';
import { Input, Select } from '../ui/form.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';
import { useTypingPause } from '../ui/use-typing-pause.ts';

const RANGE_LABELS: Record<AuditRange, string> = { all: 'Any time', '24h': 'Past 24 hours', '7d': 'Past 7 days', '30d': 'Past 30 days', custom: 'Custom range' };
export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: 'Succeeded', denied: 'Denied', failure: 'Failed' };

/** Who, resource type, outcome and time range; every choice goes to the URL. */
export function AuditLogFilters({ search, onChange, actors }: { search: AuditSearch; onChange: (patch: Partial<AuditSearch>) => void; actors: string[] }) {
  const zone = useTimeZone();
  const filtered = isAuditFiltered(search);
  const resources: readonly string[] = search.resource && !(AUDIT_RESOURCE_TYPES as readonly string[]).includes(search.resource) ? [...AUDIT_RESOURCE_TYPES, search.resource] : AUDIT_RESOURCE_TYPES;
  const zoneName = zoneAbbreviation(new Date(), zone);
  const toIso = (value: string) => (value ? (wallTimeToIso(value, zone) ?? undefined) : undefined);

  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
      <WhoInput value={search.who ?? ''} actors={actors} onChange={(who) => onChange({ who: who || undefined, page: 1 })} />
      <Select aria-label="Resource type" value={search.resource ?? ''} onChange={(e) => onChange({ resource: e.target.value || undefined, page: 1 })}>
        <option value="">All resources</option>
        {resources.map((r) => (
          <option key={r} value={r}>
            {resourceLabel(r)}
          </option>
        ))}
      </Select>
      <Select aria-label="Outcome" value={search.outcome ?? ''} onChange={(e) => onChange({ outcome: (e.target.value || undefined) as AuditOutcome | undefined, page: 1 })}>
        <option value="">All outcomes</option>
        {AUDIT_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {OUTCOME_LABELS[o]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Time range"
        value={search.range}
        onChange={(e) => {
          const range = e.target.value as AuditRange;
          onChange(range === 'custom' ? { range, from: new Date(Date.now() - 86_400_000).toISOString(), to: undefined, page: 1 } : { range, from: undefined, to: undefined, page: 1 });
        }}
      >
        {(['all', ...Object.keys(AUDIT_RANGES), 'custom'] as AuditRange[]).map((r) => (
          <option key={r} value={r}>
            {RANGE_LABELS[r]}
          </option>
        ))}
      </Select>
      {search.range === 'custom' && (
        <>
          <label className="flex items-center gap-1 text-xs text-fg-muted">
            From ({zoneName})
            <Input type="datetime-local" step={1} value={search.from ? wallTime(Date.parse(search.from), zone) : ''} onChange={(e) => onChange({ from: toIso(e.target.value), page: 1 })} />
          </label>
          <label className="flex items-center gap-1 text-xs text-fg-muted">
            To ({zoneName})
            <Input type="datetime-local" step={1} value={search.to ? wallTime(Date.parse(search.to), zone) : ''} onChange={(e) => onChange({ to: toIso(e.target.value), page: 1 })} />
          </label>
        </>
      )}
      {filtered && (
        <Button onClick={() => onChange({ who: undefined, resource: undefined, outcome: undefined, range: 'all', from: undefined, to: undefined, page: 1 })}>
          <X aria-hidden="true" />
          Clear filters
        </Button>
      )}
    </div>
  );
}

/** An exact user or key name, sent after a typing pause; names seen on the page are suggested. */
function WhoInput({ value, actors, onChange }: { value: string; actors: string[]; onChange: (who: string) => void }) {
  const [text, setText] = useTypingPause(value, (next) => onChange(next.trim()));
  const listId = useId();
  return (
    <>
      <Input data-page-search type="search" aria-label="Who" placeholder="Who: user or key name" list={listId} value={text} onChange={(e) => setText(e.target.value)} className="w-56" />
      <datalist id={listId}>
        {actors.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
    </>
  );
}
