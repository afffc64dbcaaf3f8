import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatIsoInZone, formatRelative, isValidTimeZone, zoneOffsetMinutes } from './time.ts';

describe('time-zone formatting', () => {
  const instant = '2024-05-01T09:00:03.412000+00:00';

  it('shows the same instant in the chosen zone with the zone visible', () => {
    expect(formatDateTime(instant, 'UTC', 'seconds')).toBe('2024-05-01 09:00:03 UTC');
    expect(formatDateTime(instant, 'Europe/Berlin', 'seconds')).toBe('2024-05-01 11:00:03 GMT+2');
    expect(formatDateTime(instant, 'America/New_York')).toBe('2024-05-01 05:00 EDT');
    expect(formatDateTime(instant, 'Asia/Kolkata', 'time', false)).toBe('14:30:03');
    expect(formatDateTime(instant, 'Pacific/Auckland', 'date')).toBe('2024-05-01');
    expect(formatDateTime('2024-05-01T13:00:00Z', 'Pacific/Auckland', 'date')).toBe('2024-05-02');
  });

  it('follows daylight saving time', () => {
    expect(zoneOffsetMinutes(new Date('2024-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2024-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-420);
    expect(formatDateTime('2024-03-31T00:59:59Z', 'Europe/Berlin', 'seconds', false)).toBe('2024-03-31 01:59:59');
    expect(formatDateTime('2024-03-31T01:00:00Z', 'Europe/Berlin', 'seconds', false)).toBe('2024-03-31 03:00:00');
  });

  it('gives the absolute ISO time with the offset for tooltips', () => {
    expect(formatIsoInZone(instant, 'UTC')).toBe('2024-05-01T09:00:03.412+00:00');
    expect(formatIsoInZone(instant, 'Asia/Kolkata')).toBe('2024-05-01T14:30:03.412+05:30');
    expect(formatIsoInZone(instant, 'America/New_York')).toBe('2024-05-01T05:00:03.412-04:00');
  });

  it('rejects unknown zones and renders bad input as a dash', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(formatDateTime('not a date', 'UTC')).toBe('—');
  });
});

describe('durations and relative times', () => {
  it('formats durations as 1h 02m 03s', () => {
    expect(formatDuration(3723)).toBe('1h 02m 03s');
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(4.4)).toBe('4s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(0.35)).toBe('350ms');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 5 * 60)).toBe('3d 04h 05m');
    expect(formatDuration(null)).toBe('—');
  });

  it('says how long ago or until', () => {
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(formatRelative('2024-05-01T11:59:58Z', now)).toBe('just now');
    expect(formatRelative('2024-05-01T11:59:18Z', now)).toBe('42s ago');
    expect(formatRelative('2024-05-01T11:57:00Z', now)).toBe('3 min ago');
    expect(formatRelative('2024-05-01T12:05:00Z', now)).toBe('in 5 min');
    expect(formatRelative('2024-04-28T12:00:00Z', now)).toBe('3 d ago');
  });
});

describe('12-hour clock', () => {
  it('shows hours 1–12 with AM/PM, midnight and noon as 12', () => {
    expect(formatDateTime('2024-05-01T15:04:05Z', 'UTC', 'datetime', true, '12h')).toBe('2024-05-01 3:04 PM UTC');
    expect(formatDateTime('2024-05-01T00:30:00Z', 'UTC', 'seconds', false, '12h')).toBe('2024-05-01 12:30:00 AM');
    expect(formatDateTime('2024-05-01T12:00:09Z', 'UTC', 'time', false, '12h')).toBe('12:00:09 PM');
    expect(formatDateTime('2024-05-01T15:04:05Z', 'UTC', 'date', true, '12h')).toBe('2024-05-01');
    expect(formatDateTime('2024-05-01T15:04:05Z', 'UTC', 'datetime', true, '24h')).toBe('2024-05-01 15:04 UTC');
  });
});
