import { describe, expect, it } from 'vitest';
import { cursorAfter, intersectTimeRanges, isoMicros, isoMinusMicrosecond, mergeUnique, moreLinesFollow } from './log-window.ts';

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

describe('end of the log', () => {
  it('a full page means more lines may follow; a short one is the end', () => {
    expect(moreLinesFollow(200, 200, null)).toBe(true);
    expect(moreLinesFollow(37, 200, null)).toBe(false);
    expect(moreLinesFollow(0, 200, null)).toBe(false);
  });

  it('a page cut short by size is not the end', () => {
    expect(moreLinesFollow(3, 200, '3')).toBe(true);
    expect(moreLinesFollow(1, 200, '1')).toBe(true);
  });
});

describe('exclusive bounds', () => {
  it('steps back one microsecond, across second boundaries and offsets', () => {
    expect(isoMinusMicrosecond('2026-01-01T00:00:01.000500+00:00')).toBe('2026-01-01T00:00:01.000499Z');
    expect(isoMinusMicrosecond('2026-01-01T00:00:01+00:00')).toBe('2026-01-01T00:00:00.999999Z');
    expect(isoMinusMicrosecond('2026-01-01T02:00:00+02:00')).toBe('2025-12-31T23:59:59.999999Z');
  });
});

describe('time ranges of the log filter', () => {
  it('orders instants written in different zones and precisions', () => {
    expect(isoMicros('2026-01-01T00:00:01.000001Z') - isoMicros('2026-01-01T02:00:01+02:00')).toBe(1);
    expect(isoMicros('yesterday')).toBeNaN();
  });

  it('keeps a keyset cursor inside an attempt: the later start and the earlier end', () => {
    const attempt = { after_: '2026-01-01T00:01:00+00:00', before_: '2026-01-01T00:01:59.999999Z' };
    expect(intersectTimeRanges(attempt, undefined)).toEqual(attempt);
    expect(intersectTimeRanges(undefined, { before_: 'x' })).toEqual({ before_: 'x' });
    // Opening at the start of the run: the attempt's start wins.
    expect(intersectTimeRanges(attempt, { after_: '2026-01-01T00:00:30Z' })).toEqual(attempt);
    // Paging on inside it: the cursor wins, the end stays.
    expect(intersectTimeRanges(attempt, { after_: '2026-01-01T01:01:30+01:00' })).toEqual({ after_: '2026-01-01T01:01:30+01:00', before_: attempt.before_ });
    expect(intersectTimeRanges({ after_: attempt.after_ }, { before_: '2026-01-01T00:01:10Z' })).toEqual({ after_: attempt.after_, before_: '2026-01-01T00:01:10Z' });
  });
});
