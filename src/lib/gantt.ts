/**
 * Time scale of the run timeline (Gantt): a linear map from epoch ms to pixels with zoom
 * around a point, pan, and round tick steps. Pure; the view owns the state.
 */

export interface TimeScale {
  /** Visible window, epoch ms. */
  start: number;
  end: number;
  /** Pixels across the window. */
  width: number;
}

export const toX = (s: TimeScale, t: number) => ((t - s.start) / Math.max(1, s.end - s.start)) * s.width;
export const toTime = (s: TimeScale, x: number) => s.start + (x / Math.max(1, s.width)) * (s.end - s.start);

/** Narrowest window the timeline zooms to (ms). */
export const MIN_SPAN_MS = 50;

/** Zooms by `factor` (> 1 zooms in) keeping the time under pixel `x` in place. */
export function zoom(s: TimeScale, factor: number, x: number, bounds?: { start: number; end: number }): TimeScale {
  const anchor = toTime(s, x);
  let span = Math.max(MIN_SPAN_MS, (s.end - s.start) / factor);
  if (bounds) span = Math.min(span, Math.max(MIN_SPAN_MS, (bounds.end - bounds.start) * 1.2));
  const ratio = x / Math.max(1, s.width);
  return clampToBounds({ ...s, start: anchor - ratio * span, end: anchor - ratio * span + span }, bounds);
}

/** Moves the window by `dx` pixels (positive = later times come into view). */
export function pan(s: TimeScale, dx: number, bounds?: { start: number; end: number }): TimeScale {
  const dt = (dx / Math.max(1, s.width)) * (s.end - s.start);
  return clampToBounds({ ...s, start: s.start + dt, end: s.end + dt }, bounds);
}

function clampToBounds(s: TimeScale, bounds?: { start: number; end: number }): TimeScale {
  if (!bounds) return s;
  const span = s.end - s.start;
  const margin = span * 0.5;
  if (s.start < bounds.start - margin) return { ...s, start: bounds.start - margin, end: bounds.start - margin + span };
  if (s.end > bounds.end + margin) return { ...s, end: bounds.end + margin, start: bounds.end + margin - span };
  return s;
}

const STEPS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  1000, 2000, 5000, 10_000, 15_000, 30_000,
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
  3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000,
];

/** Tick instants at a round step so that ticks are at least `minPx` apart. */
export function ticks(s: TimeScale, minPx = 80): { step: number; times: number[] } {
  const span = s.end - s.start;
  const wanted = (span * minPx) / Math.max(1, s.width);
  const step = STEPS_MS.find((m) => m >= wanted) ?? Math.ceil(wanted / 86_400_000) * 86_400_000;
  const times: number[] = [];
  // Steps of an hour and more align to whole UTC hours; zones with half-hour offsets still get round local minutes.
  for (let t = Math.ceil(s.start / step) * step; t <= s.end; t += step) times.push(t);
  return { step, times };
}

/** A window that fits [start, end] with a little air on both sides. */
export function fitScale(start: number, end: number, width: number): TimeScale {
  const span = Math.max(MIN_SPAN_MS * 2, end - start);
  return { start: start - span * 0.02, end: start + span * 1.04, width };
}

export interface Bar {
  id: string;
  start: number;
  end: number | null;
}

/** Rows for bars: each bar takes the lowest row whose last bar ended by its start (compact Gantt); bars starting together keep the given order. O(n log n): 10,000 bars starting at once are 10,000 rows. */
export function packRows<T extends Bar>(bars: readonly T[], now: number, gapMs = 0): { row: number; bar: T }[] {
  const sorted = [...bars].sort((a, b) => a.start - b.start);
  // Rows in use by when they come free, and rows free again by index.
  const busy = new MinHeap<[number, number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
  const free = new MinHeap<number>((a, b) => a - b);
  let rows = 0;
  return sorted.map((bar) => {
    while (busy.size > 0 && busy.peek()![0] + gapMs <= bar.start) free.push(busy.pop()![1]);
    const row = free.size > 0 ? free.pop()! : rows++;
    busy.push([bar.end ?? now, row]);
    return { row, bar };
  });
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size() {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.less(a[i], a[parent]) >= 0) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }
  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.less(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
