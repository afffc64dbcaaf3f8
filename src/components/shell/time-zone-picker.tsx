import { useMemo } from 'react';
import { Globe } from 'lucide-react';
import { writeTimeZone } from '../../lib/preferences.ts';
import { browserTimeZone, timeZoneChoices, zoneAbbreviation } from '../../lib/time.ts';
import { useTimeZone } from '../ui/use-time-zone.ts';

/** The zone every time is shown in; the browser's by default. */
export function TimeZonePicker() {
  const zone = useTimeZone();
  // Names only: an abbreviation per option would build ~400 date formatters on every page load.
  const choices = useMemo(() => timeZoneChoices(zone), [zone]);
  const browser = browserTimeZone();
  return (
    <label className="flex items-center gap-1.5 text-xs text-fg-muted">
      <Globe className="size-3.5" aria-hidden="true" />
      <select
        aria-label="Time zone"
        value={zone}
        onChange={(e) => writeTimeZone(e.target.value === browser ? null : e.target.value)}
        className="h-6 max-w-44 rounded border border-border bg-surface-raised px-1 text-xs text-fg"
      >
        {choices.map((z) => (
          <option key={z} value={z}>
            {z === browser ? `${z} (browser)` : z}
          </option>
        ))}
      </select>
      <span className="tabular-nums" title="Current abbreviation of the zone">
        {zoneAbbreviation(new Date(), zone)}
      </span>
    </label>
  );
}
