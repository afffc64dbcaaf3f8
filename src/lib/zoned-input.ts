import { zoneOffsetMinutes } from './time.ts';

/**
 * Wall-clock input in a chosen time zone ↔ instants, for date-time fields and schedule
 * anchors: what `<input type="datetime-local">` shows and what the API receives (ISO 8601
 * with the zone's offset at that instant). Pure; the zone's rules come from Intl.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+02:00`, `-05:00`, `+00:00` for an offset in minutes east of UTC. */
export function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The wall time of an instant in a zone, as a `datetime-local` value with seconds: `2024-03-10T03:30:00`. */
export function wallTime(instant: number, zone: string): string {
  const shifted = new Date(instant + zoneOffsetMinutes(new Date(instant), zone) * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
}

/**
 * The instant a wall time denotes in a zone. A time repeated when clocks go back is its
 * first occurrence; a time skipped when they go forward moves ahead by the gap (02:30 on
 * a spring-forward night in New York is 03:30 EDT). `null` for malformed input.
 */
export function instantFromWallTime(local: string, zone: string): number | null {
  const m = WALL.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), Number((m[7] ?? '0').padEnd(3, '0')));
  if (Number.isNaN(asUtc)) return null;
  const before = zoneOffsetMinutes(new Date(asUtc - 86_400_000), zone);
  const after = zoneOffsetMinutes(new Date(asUtc + 86_400_000), zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((t) => zoneOffsetMinutes(new Date(t), zone) * 60_000 === asUtc - t)
    .sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before * 60_000;
}

/** ISO 8601 with the zone's offset at that instant: `2024-03-10T03:30:00-04:00` (milliseconds only when non-zero). */
export function isoInZone(instant: number, zone: string): string {
  const offset = zoneOffsetMinutes(new Date(instant), zone);
  const ms = new Date(instant).getUTCMilliseconds();
  return `${wallTime(instant, zone)}${ms ? `.${pad(ms, 3)}` : ''}${offsetText(offset)}`;
}

/** A wall time in a zone straight to ISO with offset; `null` for malformed input. */
export function wallTimeToIso(local: string, zone: string): string | null {
  const instant = instantFromWallTime(local, zone);
  return instant === null ? null : isoInZone(instant, zone);
}

/** The offset an ISO string carries, in minutes (`Z` → 0), or `null` when it has none. */
export function offsetOfIso(iso: string): number | null {
  const m = /(Z|[+-]\d{2}:?\d{2})$/i.exec(iso.trim());
  if (!m) return null;
  if (m[1].toUpperCase() === 'Z') return 0;
  const digits = m[1].replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits[0] === '-' ? -minutes : minutes;
}
