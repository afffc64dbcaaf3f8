import { formatDateTime, parseDateTime, parseDuration } from '../time.ts';
import { CronError, cronDates, parseCron } from './cron.ts';
import { intervalDates } from './interval.ts';
import { parseRRule, RRuleError, rruleDates } from './rrule.ts';
import { toWall, zoneFor } from './zone.ts';

/** The three schedule kinds of contract §3.5, as stored (defaults applied). */
export interface IntervalSchedule {
  interval: number;
  anchor_date: string;
  timezone: string | null;
}
export interface CronSchedule {
  cron: string;
  timezone: string | null;
  day_or: boolean;
}
export interface RRuleSchedule {
  rrule: string;
  timezone: string | null;
}
export type Schedule = IntervalSchedule | CronSchedule | RRuleSchedule;

export type ScheduleInput =
  | { interval: number | string; anchor_date?: string | null; timezone?: string | null }
  | { cron: string; timezone?: string | null; day_or?: boolean | null }
  | { rrule: string; timezone?: string | null };

export const isInterval = (s: object): s is IntervalSchedule => 'interval' in s;
export const isCron = (s: object): s is CronSchedule => 'cron' in s;

/** Why a cron expression, rrule or time zone is invalid, or null. */
export function cronProblem(expression: string): string | null {
  try {
    parseCron(expression);
    return null;
  } catch (err) {
    if (err instanceof CronError) return err.message;
    throw err;
  }
}

export function rruleProblem(text: string): string | null {
  try {
    parseRRule(text, (tzid) => zoneFor(tzid ?? 'UTC') ?? fail(`Unknown TZID "${tzid}"`));
    return null;
  } catch (err) {
    if (err instanceof RRuleError || err instanceof Error) return err.message;
    throw err;
  }
}

export const timezoneProblem = (name: string) => (zoneFor(name) ? null : `"${name}" is not a known IANA time zone`);

function fail(message: string): never {
  throw new RRuleError(message);
}

/** The anchor's own UTC offset as a zone name, when it has a non-zero one. */
function offsetZoneOf(iso: string): string | null {
  const m = /([+-]\d{2}):?(\d{2})$/.exec(iso.trim());
  if (!m || (m[1].slice(1) === '00' && m[2] === '00')) return null;
  return `${m[1]}:${m[2]}`;
}

/** Applies the contract's defaults; `now` in µs. Inputs have passed schema validation. */
export function normalizeSchedule(input: ScheduleInput, now: number): Schedule {
  if ('interval' in input) {
    const anchor = input.anchor_date ?? formatDateTime(now);
    return {
      interval: parseDuration(input.interval)!,
      anchor_date: formatDateTime(parseDateTime(anchor)!),
      timezone: input.timezone ?? offsetZoneOf(anchor) ?? 'UTC',
    };
  }
  if ('cron' in input) return { cron: input.cron, timezone: input.timezone ?? 'UTC', day_or: input.day_or ?? true };
  return { rrule: input.rrule, timezone: input.timezone ?? null };
}

/** The zone dates are computed in. */
export function scheduleTimezone(s: Schedule): string {
  if (s.timezone) return s.timezone;
  if ('rrule' in s) return /DTSTART;[^:]*TZID=([^;:]+)/i.exec(s.rrule)?.[1] ?? 'UTC';
  return 'UTC';
}

export interface DateWindow {
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, inclusive. */
  end: number;
  max: number;
}

/** Run instants (epoch ms) of a schedule within the window, ascending. */
export function scheduleDates(s: Schedule, window: DateWindow): number[] {
  const zone = zoneFor(scheduleTimezone(s)) ?? zoneFor('UTC')!;
  const out: number[] = [];
  const take = (gen: Generator<number>) => {
    for (const t of gen) {
      if (t > window.end || out.length >= window.max) break;
      out.push(t);
    }
  };
  if (isInterval(s)) take(intervalDates(s.interval, parseDateTime(s.anchor_date)! / 1000, zone, window.start));
  else if (isCron(s)) take(cronDates(parseCron(s.cron), zone, s.day_or, window.start, Math.ceil((window.end - window.start) / 86_400_000) + 2));
  else {
    const { set } = parseRRule(s.rrule, (tzid) => zoneFor(tzid ?? scheduleTimezone(s)) ?? zone, toWall(zone, window.start));
    out.push(...rruleDates(set, zone, window.start, window.end, window.max));
  }
  return out;
}

/** ISO date with the offset of the schedule's zone (idempotency keys: `2024-05-01T09:00:00-04:00`). */
export function isoInZone(instant: number, s: Schedule): string {
  const zone = zoneFor(scheduleTimezone(s)) ?? zoneFor('UTC')!;
  const offsetMin = zone.offset(instant);
  const wall = new Date(instant + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
