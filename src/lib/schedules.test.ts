import { describe, expect, it } from 'vitest';
import { buildRRule, describeCron, describeInterval, describeRRule, describeSchedule, intervalParts, intervalSeconds, parseRRule } from './schedules.ts';

describe('schedules', () => {
  it('splits intervals into value and unit and describes them', () => {
    expect(intervalParts(600)).toEqual({ value: 10, unit: 'minutes' });
    expect(intervalParts(90)).toEqual({ value: 90, unit: 'seconds' });
    expect(intervalParts(86_400)).toEqual({ value: 1, unit: 'days' });
    expect(intervalSeconds(3, 'hours')).toBe(10_800);
    expect(describeInterval(3600)).toBe('Every hour');
    expect(describeInterval(1800)).toBe('Every 30 minutes');
  });

  it('describes cron in plain words, with what day_or means when both day fields are set', () => {
    expect(describeCron('30 2 * * *')).toBe('At 02:30');
    expect(describeCron('0 9 1 * 1', true)).toMatch(/on day 1 of the month, or on Monday \(either day matches\)/);
    expect(describeCron('0 9 1 * 1', false)).toMatch(/only when both the day of the month and the weekday match/);
    expect(describeCron('nope')).toBeNull();
    expect(describeSchedule({ cron: '15 * * * *', timezone: 'Europe/Berlin' })).toBe('At 15 minutes past the hour (Europe/Berlin)');
  });

  it('builds and parses the common RRULEs, round trip', () => {
    const text = 'DTSTART;TZID=America/New_York:20260105T080000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    const parts = parseRRule(text)!;
    expect(parts).toEqual({ freq: 'WEEKLY', interval: 1, byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], byMonthDay: null, start: '2026-01-05T08:00', zone: 'America/New_York' });
    expect(buildRRule(parts)).toBe(text);
    expect(describeRRule(parts)).toBe('Every weekday at 08:00');
    const monthly = { freq: 'MONTHLY' as const, interval: 2, byDay: [], byMonthDay: 15, start: '2024-01-15T06:30', zone: 'UTC' };
    expect(buildRRule(monthly)).toBe('DTSTART:20240115T063000Z\nRRULE:FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15');
    expect(parseRRule(buildRRule(monthly))).toEqual(monthly);
    expect(describeRRule(monthly)).toBe('Every 2 months on the 15th at 06:30');
  });

  it('leaves RRULEs beyond the builder to the raw editor', () => {
    expect(parseRRule('DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY')).toBeNull();
    expect(parseRRule('DTSTART:20240101T000000Z\nRRULE:FREQ=DAILY;COUNT=3')).toBeNull();
    expect(parseRRule('RRULE:FREQ=DAILY')).toBeNull();
    expect(describeSchedule({ rrule: 'DTSTART:20240101T000000Z\nRRULE:FREQ=HOURLY;BYMINUTE=5' })).toBe('RRULE FREQ=HOURLY;BYMINUTE=5');
  });
});
