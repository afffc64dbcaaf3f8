import { describe, expect, it } from 'vitest';
import { cronProblem, isoInZone, normalizeSchedule, rruleProblem, scheduleDates, timezoneProblem, type Schedule } from './index.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const dates = (s: Schedule, start: string, max = 4, days = 400) => scheduleDates(s, { start: ms(start), end: ms(start) + days * 86_400_000, max }).map(iso);
const cron = (expr: string, timezone = 'UTC', day_or = true): Schedule => ({ cron: expr, timezone, day_or });
const interval = (seconds: number, anchor: string, timezone: string | null = null): Schedule => normalizeSchedule({ interval: seconds, anchor_date: anchor, timezone }, 0);
const rrule = (text: string, timezone: string | null = null): Schedule => ({ rrule: text, timezone });

describe('cron schedules across DST', () => {
  it('a daily 09:00 keeps local time in New York (EST → EDT)', () => {
    expect(dates(cron('0 9 * * *', 'America/New_York'), '2024-03-08T00:00:00Z')).toEqual(['2024-03-08T14:00:00Z', '2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z', '2024-03-11T13:00:00Z']);
  });

  it('a time skipped by spring-forward fires once at the end of the gap', () => {
    expect(dates(cron('30 2 * * *', 'America/New_York'), '2024-03-09T00:00:00Z', 3)).toEqual(['2024-03-09T07:30:00Z', '2024-03-10T07:00:00Z', '2024-03-11T06:30:00Z']);
    expect(dates(cron('30 2 * * *', 'Europe/Berlin'), '2024-03-30T00:00:00Z', 3)).toEqual(['2024-03-30T01:30:00Z', '2024-03-31T01:00:00Z', '2024-04-01T00:30:00Z']);
  });

  it('a time repeated by fall-back fires once, at its first occurrence', () => {
    expect(dates(cron('30 1 * * *', 'America/New_York'), '2024-11-02T00:00:00Z', 3)).toEqual(['2024-11-02T05:30:00Z', '2024-11-03T05:30:00Z', '2024-11-04T06:30:00Z']);
    expect(dates(cron('30 2 * * *', 'Europe/Berlin'), '2024-10-26T00:00:00Z', 3)).toEqual(['2024-10-26T00:30:00Z', '2024-10-27T00:30:00Z', '2024-10-28T01:30:00Z']);
  });

  it('an hourly schedule counts absolute hours: nothing skipped in spring, both repeats in autumn', () => {
    expect(dates(cron('0 * * * *', 'America/New_York'), '2024-03-10T05:00:00Z')).toEqual(['2024-03-10T05:00:00Z', '2024-03-10T06:00:00Z', '2024-03-10T07:00:00Z', '2024-03-10T08:00:00Z']);
    expect(dates(cron('0 * * * *', 'America/New_York'), '2024-11-03T04:00:00Z')).toEqual(['2024-11-03T04:00:00Z', '2024-11-03T05:00:00Z', '2024-11-03T06:00:00Z', '2024-11-03T07:00:00Z']);
    expect(dates(cron('*/30 * * * *', 'Europe/Berlin'), '2024-10-27T00:00:00Z', 5)).toEqual([
      '2024-10-27T00:00:00Z',
      '2024-10-27T00:30:00Z',
      '2024-10-27T01:00:00Z',
      '2024-10-27T01:30:00Z',
      '2024-10-27T02:00:00Z',
    ]);
  });

  it('day_or: the 13th OR Friday by default, Friday the 13th with day_or false', () => {
    expect(dates(cron('0 0 13 * 5'), '2024-09-01T00:00:00Z', 7)).toEqual([
      '2024-09-06T00:00:00Z',
      '2024-09-13T00:00:00Z',
      '2024-09-20T00:00:00Z',
      '2024-09-27T00:00:00Z',
      '2024-10-04T00:00:00Z',
      '2024-10-11T00:00:00Z',
      '2024-10-13T00:00:00Z',
    ]);
    expect(dates(cron('0 0 13 * 5', 'UTC', false), '2024-09-01T00:00:00Z', 3)).toEqual(['2024-09-13T00:00:00Z', '2024-12-13T00:00:00Z', '2025-06-13T00:00:00Z']);
    // With one day field a wildcard, day_or does not matter.
    expect(dates(cron('0 0 * * MON', 'UTC', false), '2024-09-01T00:00:00Z', 2)).toEqual(dates(cron('0 0 * * MON'), '2024-09-01T00:00:00Z', 2));
  });

  it('names, ranges, steps, lists, L and #', () => {
    expect(dates(cron('15 10 * JAN-MAR MON-FRI'), '2024-03-29T00:00:00Z', 2)).toEqual(['2024-03-29T10:15:00Z', '2025-01-01T10:15:00Z']);
    expect(dates(cron('0 */6 1,15 * *'), '2024-05-01T00:00:00Z', 5)).toEqual(['2024-05-01T00:00:00Z', '2024-05-01T06:00:00Z', '2024-05-01T12:00:00Z', '2024-05-01T18:00:00Z', '2024-05-15T00:00:00Z']);
    expect(dates(cron('0 0 L * *'), '2024-01-15T00:00:00Z', 3)).toEqual(['2024-01-31T00:00:00Z', '2024-02-29T00:00:00Z', '2024-03-31T00:00:00Z']);
    expect(dates(cron('0 0 * * 5#2'), '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-12T00:00:00Z', '2024-02-09T00:00:00Z']);
    expect(dates(cron('0 0 * * FRIL'), '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-26T00:00:00Z', '2024-02-23T00:00:00Z']);
    expect(dates(cron('@weekly'), '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-07T00:00:00Z', '2024-01-14T00:00:00Z']);
    expect(dates(cron('0 0 * * 7'), '2024-01-01T00:00:00Z', 1)).toEqual(['2024-01-07T00:00:00Z']);
  });

  it('refuses malformed, hashed and random expressions with a reason', () => {
    expect(cronProblem('0 9 * * *')).toBeNull();
    expect(cronProblem('H 9 * * *')).toMatch(/hashed/);
    expect(cronProblem('R 9 * * *')).toMatch(/Random/);
    expect(cronProblem('0 9 * *')).toMatch(/5 fields/);
    expect(cronProblem('0 9 * * * *')).toMatch(/5 fields/);
    expect(cronProblem('61 9 * * *')).toMatch(/minute/);
    expect(cronProblem('0 9 * FOO *')).toMatch(/month/);
    expect(cronProblem('0 9 * * 1/0')).toMatch(/step/);
    expect(cronProblem('0 9 * THU *')).toMatch(/month/);
  });
});

describe('interval schedules across DST', () => {
  it('whole days keep the local clock time', () => {
    expect(dates(interval(86400, '2024-03-08T14:00:00Z', 'America/New_York'), '2024-03-08T00:00:00Z')).toEqual([
      '2024-03-08T14:00:00Z',
      '2024-03-09T14:00:00Z',
      '2024-03-10T13:00:00Z',
      '2024-03-11T13:00:00Z',
    ]);
    expect(dates(interval(7 * 86400, '2024-10-20T06:00:00Z', 'Europe/Berlin'), '2024-10-20T00:00:00Z', 2)).toEqual(['2024-10-20T06:00:00Z', '2024-10-27T07:00:00Z']);
  });

  it('shorter intervals step in absolute time', () => {
    expect(dates(interval(3600, '2024-03-10T00:00:00Z', 'America/New_York'), '2024-03-10T05:00:00Z')).toEqual(['2024-03-10T05:00:00Z', '2024-03-10T06:00:00Z', '2024-03-10T07:00:00Z', '2024-03-10T08:00:00Z']);
    expect(dates(interval(1800, '2024-10-27T00:00:00Z', 'Europe/Berlin'), '2024-10-27T00:15:00Z', 3)).toEqual(['2024-10-27T00:30:00Z', '2024-10-27T01:00:00Z', '2024-10-27T01:30:00Z']);
  });

  it('a daily local time that falls in a gap moves forward by the gap; a repeated one takes the first occurrence', () => {
    expect(dates(interval(86400, '2024-03-30T01:30:00Z', 'Europe/Berlin'), '2024-03-30T00:00:00Z', 3)).toEqual(['2024-03-30T01:30:00Z', '2024-03-31T01:30:00Z', '2024-04-01T00:30:00Z']);
    expect(dates(interval(86400, '2024-10-26T00:30:00Z', 'Europe/Berlin'), '2024-10-26T00:00:00Z', 3)).toEqual(['2024-10-26T00:30:00Z', '2024-10-27T00:30:00Z', '2024-10-28T01:30:00Z']);
  });

  it('anchors in the past and in the future align the dates', () => {
    expect(dates(interval(3600, '2030-01-01T00:17:00Z'), '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-01T00:17:00Z', '2024-01-01T01:17:00Z']);
    expect(dates(interval(86400, '2019-06-01T09:00:00Z'), '2024-01-01T10:00:00Z', 1)).toEqual(['2024-01-02T09:00:00Z']);
    expect(dates(interval(86400, '2030-06-01T13:00:00Z', 'America/New_York'), '2024-03-09T00:00:00Z', 2)).toEqual(['2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z']);
  });

  it('mixes calendar days and absolute hours for intervals like 36 hours', () => {
    expect(dates(interval(36 * 3600, '2024-03-09T12:00:00Z', 'America/New_York'), '2024-03-09T00:00:00Z', 3)).toEqual(['2024-03-09T12:00:00Z', '2024-03-10T23:00:00Z', '2024-03-12T11:00:00Z']);
  });

  it('defaults: anchor now, time zone from the anchor offset or UTC', () => {
    expect(normalizeSchedule({ interval: 'PT1H' }, Date.parse('2024-05-01T09:00:00Z') * 1000)).toEqual({ interval: 3600, anchor_date: '2024-05-01T09:00:00+00:00', timezone: 'UTC' });
    const fixed = normalizeSchedule({ interval: 86400, anchor_date: '2024-03-08T09:00:00-05:00' }, 0);
    expect(fixed).toEqual({ interval: 86400, anchor_date: '2024-03-08T14:00:00+00:00', timezone: '-05:00' });
    // A fixed offset has no DST: 14:00Z every day.
    expect(dates(fixed, '2024-03-09T00:00:00Z', 3)).toEqual(['2024-03-09T14:00:00Z', '2024-03-10T14:00:00Z', '2024-03-11T14:00:00Z']);
  });
});

describe('rrule schedules across DST', () => {
  it('DTSTART with TZID keeps local time', () => {
    expect(dates(rrule('DTSTART;TZID=America/New_York:20240301T090000\nRRULE:FREQ=DAILY'), '2024-03-09T00:00:00Z', 3)).toEqual(['2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z', '2024-03-11T13:00:00Z']);
  });

  it('the timezone field places a floating DTSTART', () => {
    expect(dates(rrule('DTSTART:20240901T020000\nRRULE:FREQ=WEEKLY;BYDAY=SU', 'Europe/Berlin'), '2024-10-19T00:00:00Z', 3)).toEqual(['2024-10-20T00:00:00Z', '2024-10-27T00:00:00Z', '2024-11-03T01:00:00Z']);
  });

  it('RFC 5545 gaps use the offset before the gap', () => {
    expect(dates(rrule('DTSTART;TZID=Europe/Berlin:20240329T023000\nRRULE:FREQ=DAILY'), '2024-03-30T00:00:00Z', 3)).toEqual(['2024-03-30T01:30:00Z', '2024-03-31T01:30:00Z', '2024-04-01T00:30:00Z']);
  });

  it('COUNT, UNTIL, EXDATE, RDATE and multiple rules', () => {
    expect(dates(rrule('DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;COUNT=3'), '2023-12-01T00:00:00Z', 10)).toEqual(['2024-01-01T09:00:00Z', '2024-01-02T09:00:00Z', '2024-01-03T09:00:00Z']);
    expect(dates(rrule('DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;UNTIL=20240102T235959Z'), '2023-12-01T00:00:00Z', 10)).toEqual(['2024-01-01T09:00:00Z', '2024-01-02T09:00:00Z']);
    expect(dates(rrule('DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY;COUNT=3\nEXDATE:20240102T090000Z\nRDATE:20240110T120000Z'), '2023-12-01T00:00:00Z', 10)).toEqual([
      '2024-01-01T09:00:00Z',
      '2024-01-03T09:00:00Z',
      '2024-01-10T12:00:00Z',
    ]);
    expect(dates(rrule('DTSTART:20240101T000000Z\nRRULE:FREQ=WEEKLY;BYDAY=MO\nRRULE:FREQ=WEEKLY;BYDAY=FR'), '2024-01-01T00:00:00Z', 3)).toEqual(['2024-01-01T00:00:00Z', '2024-01-05T00:00:00Z', '2024-01-08T00:00:00Z']);
  });

  it('a minutely rule from 2020 skips ahead instead of iterating six years', () => {
    const t = performance.now();
    expect(dates(rrule('RRULE:FREQ=MINUTELY;INTERVAL=15'), '2026-06-01T00:07:00Z', 2)).toEqual(['2026-06-01T00:15:00Z', '2026-06-01T00:30:00Z']);
    expect(performance.now() - t).toBeLessThan(500);
  });

  it('refuses what it cannot read', () => {
    expect(rruleProblem('DTSTART:20240101T090000Z\nRRULE:FREQ=DAILY')).toBeNull();
    expect(rruleProblem('RRULE:FREQ=SOMETIMES')).not.toBeNull();
    expect(rruleProblem('hello')).not.toBeNull();
    expect(rruleProblem('DTSTART;TZID=Mars/Olympus:20240101T090000\nRRULE:FREQ=DAILY')).toMatch(/TZID/);
  });
});

describe('time zones and idempotency dates', () => {
  it('validates zone names', () => {
    expect(timezoneProblem('America/New_York')).toBeNull();
    expect(timezoneProblem('UTC')).toBeNull();
    expect(timezoneProblem('+05:30')).toBeNull();
    expect(timezoneProblem('Mars/Olympus')).toMatch(/not a known/);
  });

  it('formats a date with the offset of the schedule zone', () => {
    expect(isoInZone(ms('2024-05-01T13:00:00Z'), cron('0 9 * * *', 'America/New_York'))).toBe('2024-05-01T09:00:00-04:00');
    expect(isoInZone(ms('2024-01-01T13:00:00Z'), cron('0 9 * * *', 'America/New_York'))).toBe('2024-01-01T08:00:00-05:00');
    expect(isoInZone(ms('2024-01-01T13:00:00Z'), cron('0 9 * * *'))).toBe('2024-01-01T13:00:00+00:00');
  });
});
