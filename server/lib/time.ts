/**
 * Datetimes are stored as integer epoch microseconds (UTC): sortable and identical in
 * SQLite and PostgreSQL, and they keep the microsecond precision the API promises.
 */

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

let lastNow = 0;

/** Current time in microseconds; strictly increasing within this process so states order. */
export function nowMicros(): number {
  const t = Date.now() * 1000;
  lastNow = t > lastNow ? t : lastNow + 1;
  return lastNow;
}

/** Parses any ISO-8601 date or datetime (no offset = UTC). Returns null when invalid. */
export function parseDateTime(input: string): number | null {
  const m = ISO_RE.exec(input.trim());
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi, second = +s;
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  let offsetMinutes = 0;
  if (tz && tz !== 'Z' && tz !== 'z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2), om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const micros = frac ? Math.round(+`0.${frac}` * 1e6) : 0;
  return (date.getTime() - offsetMinutes * 60_000) * 1000 + micros;
}

const MAX_MICROS = 253402300799999999;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2024-05-01T09:00:03.412000+00:00`; the fraction only when non-zero. */
export function formatDateTime(micros: number): string {
  // Beyond 2^53 µs (year 2255) doubles lose µs precision and 9999-12-31T23:59:59.999999 rounds up.
  if (micros >= MAX_MICROS) return '9999-12-31T23:59:59.999999+00:00';
  const frac = ((micros % 1_000_000) + 1_000_000) % 1_000_000;
  const d = new Date(Math.floor(micros / 1000));
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return frac ? `${base}.${pad(frac, 6)}+00:00` : `${base}+00:00`;
}

export function formatNullable(micros: number | null | undefined): string | null {
  return micros === null || micros === undefined ? null : formatDateTime(micros);
}

const DURATION_RE = /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** Float seconds from a number or an ISO-8601 duration (`PT1H`, `P1DT2H30M`). */
export function parseDuration(input: number | string): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const m = DURATION_RE.exec(input.trim());
  if (!m || input.trim() === 'P' || /T$/i.test(input.trim())) return null;
  const [, neg, w = '0', d = '0', h = '0', mi = '0', s = '0'] = m;
  const total = +w * 604800 + +d * 86400 + +h * 3600 + +mi * 60 + +s;
  return neg ? -total : total;
}

export const MICROS_PER_SECOND = 1_000_000;
export const secondsBetween = (fromMicros: number, toMicros: number) => (toMicros - fromMicros) / MICROS_PER_SECOND;
