import type { Zone } from 'luxon';
import { DAY, resolve, toWall } from './zone.ts';

/**
 * Dates `anchor + n·interval` (n may be negative) at or after `start`. Whole days are
 * added in local calendar time (09:00 stays 09:00 across DST); the rest of an interval
 * steps in absolute time. A local time that does not exist moves forward by the gap; a
 * repeated one takes its first occurrence.
 */
export function* intervalDates(intervalSeconds: number, anchor: number, zone: Zone, start: number): Generator<number> {
  const ms = intervalSeconds * 1000;
  const days = Math.floor(intervalSeconds / 86400);
  const rest = ms - days * DAY;
  const fromWall = (wall: number) => {
    const r = resolve(zone, wall);
    return r.kind === 'ok' ? r.instant : r.kind === 'overlap' ? r.first : r.shifted;
  };

  if (days === 0) {
    let t = anchor + Math.ceil((start - anchor) / ms) * ms;
    for (;;) {
      yield t;
      t += ms;
    }
  }

  if (rest === 0) {
    const anchorWall = toWall(zone, anchor);
    const step = days * DAY;
    let n = Math.floor((toWall(zone, start) - anchorWall) / step) - 1;
    for (;;) {
      const t = fromWall(anchorWall + n * step);
      n += 1;
      if (t >= start) yield t;
    }
  }

  // Mixed days and hours: step one interval at a time from the anchor (calendar days, then absolute rest).
  const next = (t: number) => fromWall(toWall(zone, t) + days * DAY) + rest;
  const previous = (t: number) => fromWall(toWall(zone, t - rest) - days * DAY);
  let t = anchor;
  while (t >= start) t = previous(t);
  for (;;) {
    if (t >= start) yield t;
    t = next(t);
  }
}
