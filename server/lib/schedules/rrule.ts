import type { Zone } from 'luxon';
import rrulePkg from 'rrule';
import { resolve, toWall } from './zone.ts';

const { RRule, RRuleSet } = rrulePkg as unknown as typeof import('rrule');

/**
 * RFC 5545 recurrence rules computed in floating wall-clock time and only then placed in
 * the schedule's zone: rrule.js mishandles TZID, and DST must follow RFC 5545 (a local
 * time in a gap uses the offset before the gap; a repeated one its first occurrence).
 */

export class RRuleError extends Error {}

/** Without DTSTART, rules count from this wall time (as Syntask 2 always has). */
const DEFAULT_DTSTART = Date.UTC(2020, 0, 1);

interface ParsedRule {
  set: InstanceType<typeof RRuleSet>;
  /** The zone named by DTSTART's TZID, if any. */
  tzid: string | null;
}

function parseDateValue(text: string, params: string, zone: (tzid: string | null) => Zone): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(text.trim());
  if (!m) throw new RRuleError(`"${text}" is not an RFC 5545 date or date-time`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const tzid = /TZID=([^;:]+)/i.exec(params)?.[1] ?? null;
  // A UTC value becomes wall time in the zone the rule is computed in.
  return m[7] ? toWall(zone(null), wall) : tzid ? toWall(zone(null), resolveFirst(zone(tzid), wall)) : wall;
}

function resolveFirst(zone: Zone, wall: number) {
  const r = resolve(zone, wall);
  return r.kind === 'ok' ? r.instant : r.kind === 'overlap' ? r.first : r.shifted;
}

const FIXED_PERIOD_MS: Partial<Record<number, number>> = {
  [RRule.WEEKLY]: 7 * 86_400_000,
  [RRule.DAILY]: 86_400_000,
  [RRule.HOURLY]: 3_600_000,
  [RRule.MINUTELY]: 60_000,
  [RRule.SECONDLY]: 1000,
};

/**
 * Parses an rrule string into a rule set in floating time. `zoneFor(null)` is the
 * schedule's zone; `zoneFor(tzid)` resolves a TZID parameter. `near` (wall ms) lets
 * fixed-period rules without COUNT skip ahead instead of iterating from 2020.
 */
export function parseRRule(text: string, zoneFor: (tzid: string | null) => Zone, near?: number): ParsedRule {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n|(?=(?:DTSTART|RRULE|RDATE|EXDATE|EXRULE)[;:])/)
    .map((l) => l.trim())
    .filter(Boolean);
  let dtstart = DEFAULT_DTSTART;
  let tzid: string | null = null;
  const rules: string[] = [];
  const exrules: string[] = [];
  const rdates: number[] = [];
  const exdates: number[] = [];
  for (const line of lines) {
    const m = /^([A-Z]+)((?:;[^:]*)?):(.*)$/i.exec(line);
    if (!m) {
      if (/^FREQ=/i.test(line)) rules.push(line);
      else throw new RRuleError(`Cannot read the line "${line}"`);
      continue;
    }
    const [, name, params, body] = m;
    switch (name.toUpperCase()) {
      case 'DTSTART':
        tzid = /TZID=([^;:]+)/i.exec(params)?.[1] ?? null;
        if (tzid && !zoneForSafe(zoneFor, tzid)) throw new RRuleError(`Unknown TZID "${tzid}"`);
        dtstart = parseDateValue(body, params, zoneFor);
        break;
      case 'RRULE':
        rules.push(body);
        break;
      case 'EXRULE':
        exrules.push(body);
        break;
      case 'RDATE':
        for (const v of body.split(',')) rdates.push(parseDateValue(v, params, zoneFor));
        break;
      case 'EXDATE':
        for (const v of body.split(',')) exdates.push(parseDateValue(v, params, zoneFor));
        break;
      default:
        throw new RRuleError(`Unsupported property ${name}`);
    }
  }
  if (rules.length === 0 && rdates.length === 0) throw new RRuleError('An rrule needs an RRULE or RDATE line');
  const set = new RRuleSet();
  const build = (rule: string) => {
    let options;
    try {
      options = RRule.parseString(rule);
    } catch (err) {
      throw new RRuleError(`Invalid RRULE "${rule}": ${(err as Error).message}`);
    }
    if (options.freq === undefined) throw new RRuleError(`RRULE "${rule}" has no FREQ`);
    if (options.until) options.until = new Date(parseDateValue(rule.match(/UNTIL=([^;]+)/i)![1], '', zoneFor));
    let start = dtstart;
    const period = FIXED_PERIOD_MS[options.freq];
    if (near !== undefined && period && !options.count && !options.bysetpos && near > start) {
      start += Math.max(0, Math.floor((near - start) / (period * (options.interval ?? 1))) - 1) * period * (options.interval ?? 1);
    }
    return new RRule({ ...options, dtstart: new Date(start), tzid: null });
  };
  for (const rule of rules) set.rrule(build(rule));
  for (const rule of exrules) set.exrule(build(rule));
  for (const d of rdates) set.rdate(new Date(d));
  for (const d of exdates) set.exdate(new Date(d));
  return { set, tzid };
}

function zoneForSafe(zoneFor: (tzid: string | null) => Zone, tzid: string): Zone | null {
  try {
    return zoneFor(tzid);
  } catch {
    return null;
  }
}

/** Instants at or after `start`, ascending, at most `max`, before `end`. */
export function rruleDates(set: InstanceType<typeof RRuleSet>, zone: Zone, start: number, end: number, max: number): number[] {
  const out: number[] = [];
  const endWall = toWall(zone, end) + 3 * 3_600_000;
  // Growing windows: RRuleSet's callback iteration drops exclusions, `between` does not.
  let from = toWall(zone, start) - 3 * 3_600_000;
  for (let span = 86_400_000; from <= endWall && out.length < max; span *= 2) {
    const to = Math.min(from + span, endWall);
    for (const date of set.between(new Date(from), new Date(to), true)) {
      const instant = resolveFirst(zone, date.getTime());
      if (instant >= start && instant <= end && (out.length === 0 || instant > out[out.length - 1])) out.push(instant);
      if (out.length >= max) break;
    }
    from = to + 1;
  }
  return out;
}
