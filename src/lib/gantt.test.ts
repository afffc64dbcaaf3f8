import { describe, expect, it } from 'vitest';
import { fitScale, packRows, pan, ticks, toTime, toX, zoom } from './gantt.ts';

const T0 = Date.parse('2026-05-01T10:00:00Z');

describe('Gantt scales', () => {
  const s = { start: T0, end: T0 + 60_000, width: 600 };

  it('maps times to pixels and back', () => {
    expect(toX(s, T0 + 30_000)).toBe(300);
    expect(toTime(s, 150)).toBe(T0 + 15_000);
  });

  it('zooms around the pointer, keeping that time under it', () => {
    const z = zoom(s, 2, 150);
    expect(z.end - z.start).toBe(30_000);
    expect(toTime(z, 150)).toBeCloseTo(T0 + 15_000);
    expect(zoom(s, 1e9, 0).end - zoom(s, 1e9, 0).start).toBe(50);
  });

  it('pans by pixels and stays near the data', () => {
    expect(pan(s, 100).start).toBe(T0 + 10_000);
    const bounded = pan(s, 100_000, { start: T0, end: T0 + 60_000 });
    expect(bounded.end).toBe(T0 + 60_000 + 30_000);
  });

  it('picks round tick steps at least minPx apart', () => {
    const { step, times } = ticks(s, 80);
    expect(step).toBe(10_000);
    expect(times[0]).toBe(T0);
    expect(times).toHaveLength(7);
    expect(ticks({ start: T0, end: T0 + 86_400_000, width: 1200 }).step).toBe(7_200_000);
  });

  it('fits a run with some air', () => {
    const f = fitScale(T0, T0 + 100_000, 1000);
    expect(f.start).toBeLessThan(T0);
    expect(f.end).toBeGreaterThan(T0 + 100_000);
  });

  it('packs bars into the fewest rows without overlap', () => {
    const rows = packRows([{ id: 'a', start: 0, end: 10 }, { id: 'b', start: 5, end: 15 }, { id: 'c', start: 10, end: 20 }, { id: 'd', start: 12, end: null }], 100);
    expect(Object.fromEntries(rows.map((r) => [r.bar.id, r.row]))).toEqual({ a: 0, b: 1, c: 0, d: 2 });
  });
});

describe('packRows at scale and on ties', () => {
  it('reuses the lowest free row, keeps the given order for bars starting together, and packs 10,000 parallel bars', () => {
    const ties = packRows([{ id: 'long', start: 0, end: 50 }, { id: 'short', start: 0, end: 5 }, { id: 'next', start: 6, end: 8 }], 100);
    expect(Object.fromEntries(ties.map((r) => [r.bar.id, r.row]))).toEqual({ long: 0, short: 1, next: 1 });
    const parallel = Array.from({ length: 10_000 }, (_, i) => ({ id: `b${i}`, start: 0, end: 10 }));
    const rows = packRows([...parallel, { id: 'after', start: 10, end: 20 }], 100);
    expect(rows.at(-1)).toMatchObject({ row: 0, bar: { id: 'after' } });
    expect(new Set(rows.map((r) => r.row)).size).toBe(10_000);
  });
});
