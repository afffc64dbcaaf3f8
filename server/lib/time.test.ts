import { describe, expect, it } from 'vitest';
import { formatDateTime, nowMicros, parseDateTime, parseDuration } from './time.ts';

describe('datetimes as epoch microseconds', () => {
  it.each([
    ['2024-05-01T09:00:03.412+00:00', '2024-05-01T09:00:03.412000+00:00'],
    ['2024-05-01T09:00:03Z', '2024-05-01T09:00:03+00:00'],
    ['2024-05-01 09:00', '2024-05-01T09:00:00+00:00'],
    ['2024-05-01', '2024-05-01T00:00:00+00:00'],
    ['2024-05-01T09:00:03', '2024-05-01T09:00:03+00:00'],
    ['2024-05-01T05:00:03.000001-04:00', '2024-05-01T09:00:03.000001+00:00'],
    ['2024-05-01T14:30:00+0530', '2024-05-01T09:00:00+00:00'],
    ['1970-01-01T00:00:00.000001Z', '1970-01-01T00:00:00.000001+00:00'],
    ['1969-12-31T23:59:59.5Z', '1969-12-31T23:59:59.500000+00:00'],
    ['9999-12-31T23:59:59.999999Z', '9999-12-31T23:59:59.999999+00:00'],
  ])('%s → %s', (input, expected) => {
    expect(formatDateTime(parseDateTime(input)!)).toBe(expected);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-01-01T24:00:00', '2024-01-01T10:60', '0000-01-01', 'yesterday', '', '2024-01-01T00:00:00+25:00'])('rejects %j', (input) => {
    expect(parseDateTime(input)).toBeNull();
  });

  it('nowMicros strictly increases so states written in one millisecond still order', () => {
    const values = Array.from({ length: 1000 }, nowMicros);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
  });
});

describe('durations', () => {
  it.each([
    [3600, 3600],
    [0.5, 0.5],
    ['PT1H', 3600],
    ['PT1.5S', 1.5],
    ['P1DT2H30M', 95400],
    ['P2W', 1209600],
    ['-PT5M', -300],
  ])('%j → %d s', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(['P', 'PT', '1h', 'P1Y', 'xyz'])('rejects %j', (input) => expect(parseDuration(input)).toBeNull());
});
