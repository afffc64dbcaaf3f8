import type { Zone } from 'luxon';
import { DAY, resolve, toWall, wallOf, wallParts } from './zone.ts';

/**
 * Five-field cron (minute hour day-of-month month day-of-week) with ranges, steps,
 * lists, month/day names, `L` (last day of month), `5L` (last Friday), `5#3` (third
 * Friday) and @macros. Random/hashed `R`/`H` are refused.
 *
 * DST follows Vixie cron: a wall time skipped by a spring-forward change fires once at
 * the end of the gap; a wall time that happens twice fires at its first occurrence,
 * unless the hour field is `*` or a step (an "every hour" schedule), which fires at both
 * and skips nothing in a gap since absolute time stays continuous.
 */

export class CronError extends Error {}

export interface CronSpec {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  lastDayOfMonth: boolean;
  months: Set<number>;
  daysOfWeek: Set<number>;
  nthWeekdays: [weekday: number, nth: number][];
  lastWeekdays: Set<number>;
  domWildcard: boolean;
  dowWildcard: boolean;
  /** Hour field is a wildcard or a step over it: the schedule counts absolute hours across DST changes. */
  hourly: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function value(token: string, field: string, names: string[] | null, offset: number): number {
  const lower = token.toLowerCase();
  if (names) {
    const i = names.indexOf(lower);
    if (i >= 0) return i + offset;
  }
  if (!/^\d+$/.test(token)) throw new CronError(`"${token}" is not a valid ${field} value`);
  return Number(token);
}

function parseField(text: string, field: string, min: number, max: number, names: string[] | null = null, nameOffset = 0): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    if (part === '') throw new CronError(`Empty list item in the ${field} field`);
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new CronError(`"${part}" has more than one step in the ${field} field`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`"${stepText}" is not a valid step in the ${field} field`);
    let lo: number, hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a, field, names, nameOffset);
      hi = value(b, field, names, nameOffset);
    } else {
      lo = value(range, field, names, nameOffset);
      hi = stepText === undefined ? lo : max;
    }
    if (lo < min || hi > max || lo > hi) throw new CronError(`"${part}" is out of range for the ${field} field (${min}-${max})`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expression: string): CronSpec {
  const text = (MACROS[expression.trim().toLowerCase()] ?? expression).trim();
  const fields = text.split(/\s+/);
  // `H`, `H/15`, `H(0-29)`, `R`: Jenkins-style hashed and random values.
  if (fields.some((f) => /(^|,)[HR](\(|\/|,|$)/i.test(f))) throw new CronError('Random (R) and hashed (H) cron values are not supported');
  if (fields.length !== 5) throw new CronError(`A cron expression has 5 fields (minute hour day-of-month month day-of-week); got ${fields.length}`);
  const [min, hour, dom, month, dow] = fields;

  let lastDayOfMonth = false;
  const domParts = dom.split(',').filter((p) => {
    if (p.toUpperCase() === 'L') return !(lastDayOfMonth = true);
    return true;
  });
  const daysOfMonth = domParts.length ? parseField(domParts.join(','), 'day-of-month', 1, 31) : new Set<number>();

  const nthWeekdays: [number, number][] = [];
  const lastWeekdays = new Set<number>();
  const dowParts = dow.split(',').filter((p) => {
    const nth = /^(\w+)#([1-5])$/.exec(p);
    if (nth) return !nthWeekdays.push([value(nth[1], 'day-of-week', DAYS, 0) % 7, Number(nth[2])]);
    const last = /^(\w+)L$/i.exec(p);
    if (last) return !lastWeekdays.add(value(last[1], 'day-of-week', DAYS, 0) % 7);
    return true;
  });
  const daysOfWeek = new Set([...(dowParts.length ? parseField(dowParts.join(','), 'day-of-week', 0, 7, DAYS, 0) : [])].map((d) => d % 7));

  return {
    minutes: parseField(min, 'minute', 0, 59),
    hours: parseField(hour, 'hour', 0, 23),
    daysOfMonth,
    lastDayOfMonth,
    months: parseField(month, 'month', 1, 12, MONTHS, 1),
    daysOfWeek,
    nthWeekdays,
    lastWeekdays,
    domWildcard: dom === '*' || dom === '?',
    dowWildcard: dow === '*' || dow === '?',
    hourly: hour === '*' || hour.startsWith('*/'),
  };
}

function dayMatches(spec: CronSpec, year: number, month: number, day: number, weekday: number, dayOr: boolean): boolean {
  if (!spec.months.has(month)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const domMatch = spec.daysOfMonth.has(day) || (spec.lastDayOfMonth && day === daysInMonth);
  const dowMatch =
    spec.daysOfWeek.has(weekday) ||
    spec.nthWeekdays.some(([wd, nth]) => wd === weekday && Math.ceil(day / 7) === nth) ||
    (spec.lastWeekdays.has(weekday) && day + 7 > daysInMonth);
  if (spec.domWildcard && spec.dowWildcard) return true;
  if (dayOr) {
    if (spec.domWildcard) return dowMatch;
    if (spec.dowWildcard) return domMatch;
    return domMatch || dowMatch;
  }
  return (spec.domWildcard || domMatch) && (spec.dowWildcard || dowMatch);
}

/** Run instants at or after `start` (epoch ms), ascending, deduplicated. */
export function* cronDates(spec: CronSpec, zone: Zone, dayOr: boolean, start: number, horizonDays = 3660): Generator<number> {
  const minutes = [...spec.minutes].sort((a, b) => a - b);
  const hours = [...spec.hours].sort((a, b) => a - b);
  const startWall = toWall(zone, start);
  const first = wallParts(startWall - 2 * 3_600_000);
  let last = -Infinity;
  for (let d = 0; d < horizonDays; d++) {
    const dayWall = wallOf(first.year, first.month, first.day) + d * DAY;
    const { year, month, day, weekday } = wallParts(dayWall);
    if (!dayMatches(spec, year, month, day, weekday, dayOr)) continue;
    const found: number[] = [];
    for (const h of hours) {
      for (const m of minutes) {
        const r = resolve(zone, dayWall + h * 3_600_000 + m * 60_000);
        if (r.kind === 'ok') found.push(r.instant);
        else if (r.kind === 'overlap') found.push(...(spec.hourly ? [r.first, r.second] : [r.first]));
        else if (!spec.hourly) found.push(r.gapEnd);
      }
    }
    found.sort((a, b) => a - b);
    for (const t of found) {
      if (t < start || t <= last) continue;
      last = t;
      yield t;
    }
  }
}
