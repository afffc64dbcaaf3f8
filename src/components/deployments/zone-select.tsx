import { useMemo } from 'react';
import { timeZoneChoices } from '../../lib/time.ts';
import { Select } from '../ui/form.tsx';

/** An IANA time zone picker (the user's and common zones first). */
export function ZoneSelect({ value, onChange, label }: { value: string; onChange: (zone: string) => void; label: string }) {
  const zones = useMemo(() => timeZoneChoices(value), [value]);
  return (
    <Select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} className="max-w-64">
      {zones.map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </Select>
  );
}
