import { describe, expect, it } from 'vitest';
import { criticalPath, firstFailed, layeredLayout, timeAxisLayout, type GraphNodeInput } from './run-graph.ts';

const node = (id: string, start: number, end: number | null, parents: string[] = [], state = 'COMPLETED'): GraphNodeInput => ({ id, start, end, parents, state });

describe('critical path', () => {
  it('follows, from the last node to finish, the parent that finished last', () => {
    // a → b (slow) → d ; a → c (fast) → d ; d → e ; f is independent and short.
    const nodes = [node('a', 0, 10), node('b', 10, 50, ['a']), node('c', 10, 20, ['a']), node('d', 50, 60, ['b', 'c']), node('e', 60, 90, ['d']), node('f', 0, 5)];
    expect(criticalPath(nodes, 100)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('treats a running node as finishing now', () => {
    const nodes = [node('a', 0, 10), node('b', 10, null, ['a'], 'RUNNING'), node('c', 10, 40, ['a'])];
    expect(criticalPath(nodes, 100)).toEqual(['a', 'b']);
    expect(criticalPath([], 0)).toEqual([]);
  });

  it('does not loop on a malformed cycle', () => {
    expect(criticalPath([node('a', 0, 10, ['b']), node('b', 0, 20, ['a'])], 0)).toEqual(['a', 'b']);
  });
});

describe('first failed task', () => {
  it('is the failed or crashed node that ended first', () => {
    const nodes = [node('a', 0, 10), node('b', 5, 30, [], 'FAILED'), node('c', 1, 20, [], 'CRASHED'), node('d', 0, null, [], 'FAILED')];
    expect(firstFailed(nodes)).toBe('c');
    expect(firstFailed([node('a', 0, 1)])).toBeNull();
  });
});

describe('layered layout', () => {
  const opts = { nodeWidth: 100, nodeHeight: 20, columnGap: 50, rowGap: 10 };

  it('puts every node one column after its deepest parent', () => {
    const nodes = [node('a', 0, 1), node('b', 1, 2, ['a']), node('c', 1, 2, ['a']), node('d', 2, 3, ['b', 'a'])];
    const pos = layeredLayout(nodes, opts);
    expect(pos.a.x).toBe(0);
    expect(pos.b.x).toBe(150);
    expect(pos.c.x).toBe(150);
    expect(pos.d.x).toBe(300);
    expect(pos.b.y).not.toBe(pos.c.y);
  });

  it('orders columns to avoid crossings', () => {
    // Two chains started in interleaved order: a1→a2, b1→b2; the second column should follow the first.
    const nodes = [node('a1', 0, 1), node('b1', 1, 2), node('b2', 2, 3, ['b1']), node('a2', 3, 4, ['a1'])];
    const pos = layeredLayout(nodes, opts);
    expect(Math.sign(pos.a1.y - pos.b1.y)).toBe(Math.sign(pos.a2.y - pos.b2.y));
  });

  it('lays out 50,000 nodes (the size elkjs cannot handle)', () => {
    const nodes: GraphNodeInput[] = [];
    for (let i = 0; i < 50_000; i++) nodes.push(node(`n${i}`, i, i + 1, i >= 100 ? [`n${i - 100}`, `n${i - 1 - (i % 7)}`] : []));
    const pos = layeredLayout(nodes, opts);
    expect(Object.keys(pos)).toHaveLength(50_000);
    expect(pos.n150.x).toBeGreaterThan(pos.n50.x);
  });
});

describe('time-axis layout', () => {
  const opts = { spanWidth: 1000, minWidth: 100, nodeHeight: 20, rowGap: 10, gap: 8 };

  it('places nodes at their start, as wide as they ran, sharing a lane only when they do not overlap', () => {
    // 10 s run: a 0–5 s, b 5–10 s after a, c 1–2 s in parallel with a.
    const layout = timeAxisLayout([node('a', 0, 5000), node('c', 1000, 2000), node('b', 5500, 10000, ['a'])], 10000, opts);
    expect(layout.pxPerMs).toBeCloseTo(0.1);
    expect(layout.positions.a).toEqual({ x: 0, y: 0 });
    expect(layout.widths.a).toBeCloseTo(500);
    expect(layout.positions.c).toEqual({ x: 100, y: 30 });
    // c is 100 ms wide in time but its label box is 100 px: b may follow a in lane 0.
    expect(layout.widths.c).toBe(100);
    expect(layout.positions.b).toEqual({ x: 550, y: 0 });
    expect(layout.lanes).toBe(2);
  });

  it('draws a running node up to now', () => {
    const layout = timeAxisLayout([node('a', 0, 2000), node('r', 2000, null)], 8000, opts);
    expect(layout.positions.r.x + layout.widths.r).toBeCloseTo(1000);
  });
});
