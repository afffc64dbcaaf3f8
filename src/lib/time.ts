/**
 * Times and durations as the dashboard shows them: every absolute time in the user's
 * chosen zone with the zone visible; durations as `1h 02m 03s`. Pure: no React, no storage.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', ...options });
    formatters.set(key, f);
  }
  return f;
}

/** Whether `zone` is an IANA zone this browser knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

type Parts = Record<Intl.DateTimeFormatPartTypes, string>;

function parts(date: Date, zone: string, options: Intl.DateTimeFormatOptions): Parts {
  const out = {} as Parts;
  for (const p of formatter(zone, options).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** The zone's short name at that instant (`UTC`, `CET`, `GMT+2`, `EDT`). */
export function zoneAbbreviation(date: Date, zone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
  return name ?? zone;
}

/** Offset of `zone` from UTC at that instant, in minutes (east positive). */
export function zoneOffsetMinutes(date: Date, zone: string): number {
  const p = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

export type DateTimeStyle = 'datetime' | 'time' | 'date' | 'seconds';

export type Clock = '24h' | '12h';

/**
 * `2024-05-01 11:00:03 CEST` (style `seconds`), `2024-05-01 11:00 CEST` (`datetime`),
 * `11:00:03` (`time`), `2024-05-01` (`date`). The zone is appended unless `withZone` is false.
 * On a 12-hour clock: `2024-05-01 11:00 AM CEST`, `3:00:03 PM`.
 */
export function formatDateTime(input: string | number | Date, zone: string, style: DateTimeStyle = 'datetime', withZone = true, clock: Clock = '24h'): string {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) return '—';
  const p = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const h24 = p.hour === '24' ? 0 : Number(p.hour);
  const hour = clock === '12h' ? String(h24 % 12 || 12) : String(h24).padStart(2, '0');
  const suffix = clock === '12h' ? (h24 < 12 ? ' AM' : ' PM') : '';
  const day = `${p.year}-${p.month}-${p.day}`;
  const clockTime = style === 'datetime' ? `${hour}:${p.minute}${suffix}` : `${hour}:${p.minute}:${p.second}${suffix}`;
  const text = style === 'date' ? day : style === 'time' ? clockTime : `${day} ${clockTime}`;
  return withZone && style !== 'date' ? `${text} ${zoneAbbreviation(date, zone)}` : text;
}

/** The absolute instant in ISO 8601 with the zone's offset, for tooltips: `2024-05-01T11:00:03.412+02:00`. */
export function formatIsoInZone(input: string | number | Date, zone: string): string {
  const date = input instanceof Date ? input : new Date(input);
  if (Number.isNaN(date.getTime())) return '';
  const p = parts(date, zone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const offset = zoneOffsetMinutes(date, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const ms = String(date.getUTCMilliseconds()).padStart(3, '0');
  const hour = p.hour === '24' ? '00' : p.hour;
  return `${p.year}-${p.month}-${p.day}T${hour}:${p.minute}:${p.second}.${ms}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** `1h 02m 03s`, `2m 05s`, `4s`, `350ms` for sub-second, `3d 04h 05m` beyond a day. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.max(0, seconds);
  if (s > 0 && s < 1) return `${Math.round(s * 1000)}ms`;
  const total = Math.round(s);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${pad(h)}h ${pad(m)}m`;
  if (h > 0) return `${h}h ${pad(m)}m ${pad(sec)}s`;
  if (m > 0) return `${m}m ${pad(sec)}s`;
  return `${sec}s`;
}

/** `just now`, `42s ago`, `3 min ago`, `in 5 min`, `2 h ago`, `3 d ago`. */
export function formatRelative(input: string | number | Date, now: number): string {
  const t = input instanceof Date ? input.getTime() : new Date(input).getTime();
  if (Number.isNaN(t)) return '—';
  const diff = (now - t) / 1000;
  const abs = Math.abs(diff);
  const phrase = (value: string) => (diff >= 0 ? `${value} ago` : `in ${value}`);
  if (abs < 5) return 'just now';
  if (abs < 60) return phrase(`${Math.floor(abs)}s`);
  if (abs < 3600) return phrase(`${Math.floor(abs / 60)} min`);
  if (abs < 86_400) return phrase(`${Math.floor(abs / 3600)} h`);
  return phrase(`${Math.floor(abs / 86_400)} d`);
}

/** A list of common zones for the picker, the browser's and UTC first. */
export function timeZoneChoices(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  // Browsers list some zones under old ICU names (Asia/Calcutta); the common current names come first.
  const common = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Auckland'];
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  return [...new Set([browserTimeZone(), current, ...common, ...all])];
}
