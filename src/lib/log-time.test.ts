import { describe, expect, it } from 'vitest';
import { formatLogTimestamp, logDateShown, logDateShownForLines, logTimeColumnChars } from './log-time.ts';

// 2026-05-01 23:30 in Berlin (CEST, UTC+2), 21:30 UTC.
const NOW = Date.parse('2026-05-01T21:30:00Z');

describe('the time of a log line', () => {
  it('is the time of day for a line of today in the user\'s zone, with the day otherwise', () => {
    const late = '2026-05-01T21:10:05.250000+00:00';
    expect(logDateShown(late, 'Europe/Berlin', NOW)).toBe('time');
    expect(formatLogTimestamp(late, 'Europe/Berlin', '24h', 'time')).toBe('23:10:05.250');
    // Three hours ahead it is already tomorrow in Tokyo, yet still today in UTC.
    expect(logDateShown(late, 'Asia/Tokyo', NOW)).toBe('time');
    expect(logDateShown('2026-05-01T14:00:00+00:00', 'Asia/Tokyo', NOW)).toBe('day');
    expect(logDateShown('2026-05-01T21:59:00Z', 'Europe/Berlin', NOW)).toBe('time');
    expect(logDateShown('2026-05-01T22:00:00Z', 'Europe/Berlin', NOW)).toBe('day');
  });

  it('names the day, and the year when it is not this year', () => {
    const yesterday = '2026-04-30T08:04:05.007000+00:00';
    expect(logDateShown(yesterday, 'UTC', NOW)).toBe('day');
    expect(formatLogTimestamp(yesterday, 'UTC', '24h', 'day')).toBe('Apr 30 08:04:05.007');
    expect(formatLogTimestamp(yesterday, 'UTC', '12h', 'day')).toBe('Apr 30 8:04:05.007 AM');
    expect(logDateShown('2025-12-31T23:59:59Z', 'UTC', NOW)).toBe('year');
    expect(formatLogTimestamp('2025-12-31T23:59:59.999Z', 'UTC', '24h', 'year')).toBe('2025-12-31 23:59:59.999');
  });

  it('shows a whole view the same way, as its least recent line needs, and widens the column only then', () => {
    const today = { timestamp: '2026-05-01T10:00:00Z' };
    expect(logDateShownForLines([today, today], 'UTC', NOW)).toBe('time');
    expect(logDateShownForLines([{ timestamp: '2026-04-29T23:00:00Z' }, today], 'UTC', NOW)).toBe('day');
    expect(logDateShownForLines([], 'UTC', NOW)).toBe('time');
    expect(logTimeColumnChars('time', '24h')).toBe('23:10:05.250'.length);
    expect(logTimeColumnChars('day', '24h')).toBeGreaterThanOrEqual('Apr 30 08:04:05.007'.length);
    expect(logTimeColumnChars('year', '12h')).toBeGreaterThanOrEqual('2025-12-31 11:59:59.999 PM'.length);
  });
});
