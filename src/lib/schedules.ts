import cronstrue from 'cronstrue';

/**
 * Deployment schedules as the dashboard edits and describes them: interval value + unit,
 * cron with a plain-English description, and an RRULE builder for the common cases
 * (daily / weekly on chosen days / monthly on a day, at a time, from a start date in a
 * zone) that round-trips with the raw RRULE text. Pure.
 */

export type ScheduleValue = { interval: number; anchor_date?: string | null; timezone?: string | null } | { cron: string; timezone?: string | null; day_or?: boolean | null } | { rrule: string; timezone?: string | null };
export type ScheduleKind = 'interval' | 'cron' | 'rrule';

export function scheduleKind(schedule: ScheduleValue): ScheduleKind {
  return 'interval' in schedule ? 'interval' : 'cron' in schedule ? 'cron' : 'rrule';
}

export const INTERVAL_UNITS = [
  { unit: 'seconds', seconds: 1 },
  { unit: 'minutes', seconds: 60 },
  { unit: 'hours', seconds: 3600 },
  { unit: 'days', seconds: 86_400 },
  { unit: 'weeks', seconds: 604_800 },
] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number]['unit'];

/** The largest unit that divides the interval: 600 → 10 minutes, 90 → 90 seconds. */
export function intervalParts(seconds: number): { value: number; unit: IntervalUnit } {
  const unit = [...INTERVAL_UNITS].reverse().find((u) => seconds >= u.seconds && seconds % u.seconds === 0) ?? INTERVAL_UNITS[0];
  return { value: seconds / unit.seconds, unit: unit.unit };
}

export function intervalSeconds(value: number, unit: IntervalUnit): number {
  return value * (INTERVAL_UNITS.find((u) => u.unit === unit)?.seconds ?? 1);
}

export function describeInterval(seconds: number): string {
  const { value, unit } = intervalParts(seconds);
  return value === 1 ? `Every ${unit.slice(0, -1)}` : `Every ${value.toLocaleString('en')} ${unit}`;
}

/** "At 02:30", "At 09:00, on day 1 of the month, or on Monday"; `null` when the expression is not understood. */
export function describeCron(cron: string, dayOr = true): string | null {
  try {
    const text = cronstrue.toString(cron, { use24HourTimeFormat: true, throwExceptionOnParseError: true, verbose: false });
    const fields = cron.trim().split(/\s+/);
    const bothDays = fields.length === 5 && fields[2] !== '*' && fields[2] !== '?' && fields[4] !== '*' && fields[4] !== '?';
    if (!bothDays) return text;
    return dayOr ? `${text.replace(/, and on /, ', or on ')} (either day matches)` : `${text} (only when both the day of the month and the weekday match)`;
  } catch {
    return null;
  }
}

export function describeSchedule(schedule: ScheduleValue): string {
  const zone = schedule.timezone ? ` (${schedule.timezone})` : '';
  if ('interval' in schedule) return describeInterval(schedule.interval);
  if ('cron' in schedule) return `${describeCron(schedule.cron, schedule.day_or ?? true) ?? schedule.cron}${zone}`;
  const parts = parseRRule(schedule.rrule);
  return parts ? `${describeRRule(parts)}${zone || (parts.zone ? ` (${parts.zone})` : '')}` : `RRULE ${schedule.rrule.split('\n').find((l) => l.startsWith('RRULE:'))?.slice(6) ?? schedule.rrule}`;
}

// ---- RRULE builder ----------------------------------------------------------------

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const WEEKDAY_NAMES: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

export interface RRuleParts {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** WEEKLY: the days; empty means the start date's weekday. */
  byDay: Weekday[];
  /** MONTHLY: the day of the month (1–31). */
  byMonthDay: number | null;
  /** Start date and time of day, wall clock in `zone`: `2026-01-05T08:00`. */
  start: string;
  zone: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function buildRRule(parts: RRuleParts): string {
  const [date, time = '00:00'] = parts.start.split('T');
  const stamp = `${date.replace(/-/g, '')}T${time.replace(/:/g, '').padEnd(6, '0').slice(0, 6)}`;
  const dtstart = parts.zone && parts.zone !== 'UTC' ? `DTSTART;TZID=${parts.zone}:${stamp}` : `DTSTART:${stamp}Z`;
  const rule = [`FREQ=${parts.freq}`];
  if (parts.interval > 1) rule.push(`INTERVAL=${parts.interval}`);
  if (parts.freq === 'WEEKLY' && parts.byDay.length) rule.push(`BYDAY=${WEEKDAYS.filter((d) => parts.byDay.includes(d)).join(',')}`);
  if (parts.freq === 'MONTHLY' && parts.byMonthDay) rule.push(`BYMONTHDAY=${parts.byMonthDay}`);
  return `${dtstart}\nRRULE:${rule.join(';')}`;
}

/** The builder's view of an RRULE, or `null` when it uses more than the builder offers (edit it raw). */
export function parseRRule(text: string): RRuleParts | null {
  const lines = text.trim().split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length !== 2) return null;
  const start = /^DTSTART(?:;TZID=([^:]+))?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(lines[0]);
  const rule = /^RRULE:(.+)$/.exec(lines[1]);
  if (!start || !rule) return null;
  if (start[1] && start[8]) return null;
  const fields = new Map(rule[1].split(';').map((kv) => kv.split('=') as [string, string]));
  const freq = fields.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') return null;
  for (const key of fields.keys()) if (!['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY'].includes(key)) return null;
  const interval = Number(fields.get('INTERVAL') ?? 1);
  if (!Number.isInteger(interval) || interval < 1) return null;
  const byDay = (fields.get('BYDAY')?.split(',') ?? []) as Weekday[];
  if (byDay.some((d) => !WEEKDAYS.includes(d)) || (byDay.length && freq !== 'WEEKLY')) return null;
  const monthDay = fields.get('BYMONTHDAY');
  const byMonthDay = monthDay === undefined ? null : Number(monthDay);
  if (byMonthDay !== null && (freq !== 'MONTHLY' || !Number.isInteger(byMonthDay) || byMonthDay < 1 || byMonthDay > 31)) return null;
  const zone = start[1] ?? (start[8] ? 'UTC' : null);
  return { freq, interval, byDay, byMonthDay, start: `${start[2]}-${start[3]}-${start[4]}T${start[5]}:${start[6]}${start[7] !== '00' ? `:${start[7]}` : ''}`, zone };
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

export function describeRRule(parts: RRuleParts): string {
  const time = parts.start.split('T')[1]?.slice(0, 5) ?? '00:00';
  const every = (unit: string) => (parts.interval === 1 ? `Every ${unit}` : `Every ${parts.interval} ${unit}s`);
  if (parts.freq === 'DAILY') return `${every('day')} at ${time}`;
  if (parts.freq === 'WEEKLY') {
    const days = parts.byDay.length === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((d) => parts.byDay.includes(d as Weekday)) && parts.interval === 1 ? 'Every weekday' : `${every('week')}${parts.byDay.length ? ` on ${parts.byDay.map((d) => WEEKDAY_NAMES[d]).join(', ')}` : ''}`;
    return `${days} at ${time}`;
  }
  return `${every('month')}${parts.byMonthDay ? ` on the ${ordinal(parts.byMonthDay)}` : ''} at ${time}`;
}

/** Builder defaults: weekdays at 09:00 from today, in the given zone. */
export function defaultRRuleParts(zone: string, today: Date): RRuleParts {
  return { freq: 'WEEKLY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], byMonthDay: null, start: `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}T09:00`, zone };
}
