import { FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/**
 * Wall-clock arithmetic in a time zone. A "wall" time is an epoch-ms number whose UTC
 * fields are the local fields (floating time); `resolve` turns it into real instants,
 * reporting DST gaps (no instant) and overlaps (two instants) explicitly.
 */

const zones = new Map<string, Zone>();

/** `UTC`, any IANA name, or a fixed offset `+05:30` / `-04:00`. Null when unknown. */
export function zoneFor(name: string): Zone | null {
  let zone = zones.get(name);
  if (zone) return zone;
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(name);
  if (fixed) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    if (Math.abs(minutes) > 18 * 60) return null;
    zone = FixedOffsetZone.instance(minutes);
  } else if (name === 'UTC' || name === 'Etc/UTC' || name === 'Z') {
    zone = FixedOffsetZone.utcInstance;
  } else if (IANAZone.isValidZone(name)) {
    zone = IANAZone.create(name);
  } else {
    return null;
  }
  zones.set(name, zone);
  return zone;
}

export const isValidZone = (name: string) => zoneFor(name) !== null;

const offsetMs = (zone: Zone, instant: number) => zone.offset(instant) * 60_000;

/** The wall time of an instant in a zone. */
export const toWall = (zone: Zone, instant: number) => instant + offsetMs(zone, instant);

export type Resolution = { kind: 'ok'; instant: number } | { kind: 'overlap'; first: number; second: number } | { kind: 'gap'; gapEnd: number; shifted: number };

const HOUR = 3_600_000;

/** Every instant whose wall time in `zone` is `wall`. */
export function resolve(zone: Zone, wall: number): Resolution {
  const before = offsetMs(zone, wall - 14 * HOUR);
  const after = offsetMs(zone, wall + 14 * HOUR);
  const candidates = [...new Set([before, after])]
    .map((o) => wall - o)
    .filter((instant) => toWall(zone, instant) === wall)
    .sort((a, b) => a - b);
  if (candidates.length === 1) return { kind: 'ok', instant: candidates[0] };
  if (candidates.length === 2) return { kind: 'overlap', first: candidates[0], second: candidates[1] };
  // A gap: find the transition instant between the two readings of the wall time.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2 / 1000) * 1000;
    if (offsetMs(zone, mid) === offsetMs(zone, lo)) lo = mid;
    else hi = mid;
  }
  // `shifted` moves the wall time forward by the gap's length, as calendar libraries do.
  return { kind: 'gap', gapEnd: hi, shifted: wall - Math.min(before, after) };
}

/** Wall-time helpers on floating epoch-ms values. */
export function wallParts(wall: number) {
  const d = new Date(wall);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay() };
}

export const wallOf = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0) => Date.UTC(year, month - 1, day, hour, minute, second, ms);

export const DAY = 86_400_000;
