import { useId } from 'react';
import { writeClock } from '../../lib/preferences.ts';
import { Checkbox } from '../ui/form.tsx';
import { useFormatDateTime } from '../ui/time.tsx';
import { useClock, useNow } from '../ui/use-time-zone.ts';

/** The 24-hour clock switch, with the current time as it will be shown. */
export function ClockToggle() {
  const id = useId();
  const clock = useClock();
  const format = useFormatDateTime();
  const now = useNow(1000);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Checkbox id={id} role="switch" checked={clock === '24h'} onChange={(e) => writeClock(e.target.checked ? '24h' : '12h')} />
      <label htmlFor={id}>24-hour clock</label>
      <span className="text-xs text-fg-muted tabular-nums">
        now <time dateTime={new Date(now).toISOString()}>{format(now, 'seconds')}</time>
      </span>
    </span>
  );
}
