import { describe, expect, it } from 'vitest';
import { cursorAfter, isoMinusMicrosecond, mergeUnique } from './log-window.ts';

const line = (id: string, second: number) => ({ id, timestamp: `2026-01-01T00:00:${String(second).padStart(2, '0')}+00:00` });

describe('log keyset paging', () => {
  it('starts the next page at the last timestamp, skipping the lines already seen there', () => {
    expect(cursorAfter([line('a', 1), line('b', 2), line('c', 2)])).toEqual({ timestamp: line('c', 2).timestamp, skip: 2 });
    expect(cursorAfter([])).toBeUndefined();
  });

  it('keeps counting when a whole page shares one timestamp', () => {
    const first = cursorAfter([line('a', 5), line('b', 5)]);
    expect(cursorAfter([line('c', 5), line('d', 5)], first)).toEqual({ timestamp: line('d', 5).timestamp, skip: 4 });
    expect(cursorAfter([line('e', 5), line('f', 6)], first)).toEqual({ timestamp: line('f', 6).timestamp, skip: 1 });
  });

  it('merges a page without duplicating lines', () => {
    expect(mergeUnique([line('a', 1), line('b', 2)], [line('b', 2), line('c', 3)]).map((l) => l.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('exclusive bounds', () => {
  it('steps back one microsecond, across second boundaries and offsets', () => {
    expect(isoMinusMicrosecond('2026-01-01T00:00:01.000500+00:00')).toBe('2026-01-01T00:00:01.000499Z');
    expect(isoMinusMicrosecond('2026-01-01T00:00:01+00:00')).toBe('2026-01-01T00:00:00.999999Z');
    expect(isoMinusMicrosecond('2026-01-01T02:00:00+02:00')).toBe('2025-12-31T23:59:59.999999Z');
  });
});
