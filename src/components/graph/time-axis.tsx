import { ViewportPortal } from '@xyflow/react';
import { ticks } from '../../lib/gantt.ts';
import { formatDateTime, zoneAbbreviation } from '../../lib/time.ts';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';
import type { TimeAxis } from './use-graph-layout.ts';

/** Ticks above the drawing, in the user's time zone, with faint lines down through the lanes; drawn in graph coordinates, so they pan and zoom with the nodes. */
export function TimeAxisTicks({ axis }: { axis: TimeAxis }) {
  const zone = useTimeZone();
  const span = axis.width / axis.pxPerMs;
  const { step, times } = ticks({ start: axis.origin, end: axis.origin + span, width: axis.width }, 160);
  const clock = useClock();
  // Below a second apart, ticks also show milliseconds.
  const label = (t: number) => formatDateTime(t, zone, 'time', false, clock) + (step < 1000 ? `.${String(t % 1000).padStart(3, '0')}` : '');
  return (
    <ViewportPortal>
      <div aria-label={`Time axis (${zoneAbbreviation(new Date(axis.origin), zone)})`} role="group" className="pointer-events-none absolute top-0 left-0">
        {times.map((t) => {
          const x = (t - axis.origin) * axis.pxPerMs;
          return (
            <div key={t} className="absolute" style={{ transform: `translate(${x}px, -32px)` }}>
              <span className="block -translate-x-1/2 text-[11px] whitespace-nowrap text-fg-muted tabular-nums">{label(t)}</span>
              <span className="absolute top-5 left-0 block w-px bg-border" style={{ height: axis.height + 16 }} />
            </div>
          );
        })}
      </div>
    </ViewportPortal>
  );
}
