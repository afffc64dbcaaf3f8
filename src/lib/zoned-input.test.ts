import { describe, expect, it } from 'vitest';
import { instantFromWallTime, isoInZone, offsetOfIso, wallTime, wallTimeToIso } from './zoned-input.ts';

describe('wall time in a zone ↔ ISO with offset', () => {
  it('reads and writes wall times with the offset of that instant', () => {
    expect(wallTimeToIso('2024-05-01T09:00', 'Europe/Berlin')).toBe('2024-05-01T09:00:00+02:00');
    expect(wallTimeToIso('2024-01-15T09:00:30', 'Europe/Berlin')).toBe('2024-01-15T09:00:30+01:00');
    expect(wallTimeToIso('2024-05-01T09:00', 'UTC')).toBe('2024-05-01T09:00:00+00:00');
    expect(wallTimeToIso('2024-05-01T09:00', 'Asia/Kolkata')).toBe('2024-05-01T09:00:00+05:30');
    expect(wallTime(Date.parse('2024-05-01T07:00:00Z'), 'Europe/Berlin')).toBe('2024-05-01T09:00:00');
    expect(isoInZone(Date.parse('2024-11-03T05:30:00.250Z'), 'America/New_York')).toBe('2024-11-03T01:30:00.250-04:00');
  });

  it('moves a time skipped by spring-forward ahead by the gap', () => {
    expect(wallTimeToIso('2024-03-10T02:30', 'America/New_York')).toBe('2024-03-10T03:30:00-04:00');
  });

  it('takes the first occurrence of a time repeated by fall-back', () => {
    expect(instantFromWallTime('2024-11-03T01:30', 'America/New_York')).toBe(Date.parse('2024-11-03T05:30:00Z'));
  });

  it('round-trips any instant', () => {
    for (const iso of ['2024-03-31T00:59:59Z', '2024-03-31T01:00:00Z', '2024-10-27T00:30:00Z', '2024-10-27T01:30:00Z']) {
      const t = Date.parse(iso);
      const local = wallTime(t, 'Europe/London');
      const back = instantFromWallTime(local, 'Europe/London');
      // The second pass through a repeated hour reads back as its first occurrence.
      expect(back === t || back === t - 3_600_000).toBe(true);
    }
    expect(wallTimeToIso('not a time', 'UTC')).toBeNull();
  });

  it('reads offsets of ISO strings', () => {
    expect(offsetOfIso('2024-05-01T09:00:00Z')).toBe(0);
    expect(offsetOfIso('2024-05-01T09:00:00-05:30')).toBe(-330);
    expect(offsetOfIso('2024-05-01T09:00:00')).toBeNull();
  });
});
