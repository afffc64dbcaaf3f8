import { useMemo, useState } from 'react';
import { browserTimeZone, formatDateTime, timeZoneChoices, zoneOffsetMinutes } from '../../../lib/time.ts';
import { offsetOfIso, offsetText, wallTime, wallTimeToIso } from '../../../lib/zoned-input.ts';
import { Input, Select } from '../../ui/form.tsx';
import { useClock, useTimeZone } from '../../ui/use-time-zone.ts';
import { useFormContext } from '../context.ts';
import type { WidgetProps } from './types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value the native picker cannot show is kept as text, with the problem said, until replaced. */
function RawFallback({ value, onChange, id, describedBy, expected }: Pick<WidgetProps, 'onChange' | 'id' | 'describedBy'> & { value: unknown; expected: string }) {
  return (
    <div className="grid gap-1">
      <Input id={id} className="max-w-xl font-mono text-xs" aria-invalid aria-describedby={describedBy} value={typeof value === 'string' ? value : JSON.stringify(value)} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />
      <p className="text-xs text-fg-muted">This value is not {expected}; edit it, or clear it to use the picker.</p>
    </div>
  );
}

export function DateWidget({ value, onChange, id, invalid, describedBy }: WidgetProps) {
  if (value !== undefined && !(typeof value === 'string' && DATE.test(value))) return <RawFallback value={value} onChange={onChange} id={id} describedBy={describedBy} expected="a date (YYYY-MM-DD)" />;
  return <Input id={id} type="date" className="w-44" value={value ?? ''} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
}

/** ISO text → instant; text without an offset is UTC, as the API reads it. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/.test(value)) return null;
  const text = offsetOfIso(value) === null ? `${value.replace(' ', 'T')}Z` : value;
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : t;
}

/**
 * A date and time entered as wall-clock time in a chosen zone (the user's by default) and
 * sent as ISO 8601 with that zone's offset. Changing the zone keeps the wall time.
 */
export function DateTimeWidget({ value, onChange, id, invalid, describedBy, label }: WidgetProps) {
  const { options } = useFormContext();
  const userZone = useTimeZone();
  const clock = useClock();
  const [zone, setZone] = useState(options.timeZone ?? userZone);
  const zones = useMemo(() => timeZoneChoices(zone), [zone]);
  const instant = parseInstant(value);
  if (value !== undefined && instant === null) return <RawFallback value={value} onChange={onChange} id={id} describedBy={describedBy} expected="a date and time" />;
  const local = instant === null ? '' : wallTime(instant, zone);
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Input id={id} type="datetime-local" step={1} className="w-56" value={local} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value === '' ? undefined : (wallTimeToIso(e.target.value, zone) ?? e.target.value))} />
        <Select
          aria-label={`Time zone of ${label}`}
          value={zone}
          className="max-w-56"
          onChange={(e) => {
            setZone(e.target.value);
            if (local) onChange(wallTimeToIso(local, e.target.value) ?? value);
          }}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </Select>
      </div>
      {instant !== null && typeof value === 'string' && (
        <p className="text-xs text-fg-muted tabular-nums">
          Sent as <span className="font-mono">{value}</span>
          {zone !== userZone && <> · your time {formatDateTime(instant, userZone, 'seconds', true, clock)}</>}
        </p>
      )}
    </div>
  );
}

const TIME = /^(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/** A time of day with an explicit offset (`09:30:00+02:00`): the user's zone offset now, or UTC. */
export function TimeWidget({ value, onChange, id, invalid, describedBy, label }: WidgetProps) {
  const userZone = useTimeZone();
  const m = typeof value === 'string' ? TIME.exec(value) : null;
  const here = offsetText(zoneOffsetMinutes(new Date(), userZone || browserTimeZone()));
  const [offset, setOffset] = useState(() => (m?.[2] ? (m[2].toUpperCase() === 'Z' ? 'Z' : m[2]) : here));
  if (value !== undefined && !m) return <RawFallback value={value} onChange={onChange} id={id} describedBy={describedBy} expected="a time such as 09:30:00+00:00" />;
  const time = m?.[1] ?? '';
  const emit = (t: string, o: string) => onChange(t === '' ? undefined : `${t.length === 5 ? `${t}:00` : t}${o}`);
  const offsets = [...new Set([here, 'Z', offset])];
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input id={id} type="time" step={1} className="w-36" value={time} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => emit(e.target.value, offset)} />
      <Select
        aria-label={`Offset of ${label}`}
        value={offset}
        onChange={(e) => {
          setOffset(e.target.value);
          if (time) emit(time, e.target.value);
        }}
      >
        {offsets.map((o) => (
          <option key={o} value={o}>
            {o === 'Z' ? 'UTC' : o === here ? `${o} (${userZone} now)` : o}
          </option>
        ))}
      </Select>
    </div>
  );
}
