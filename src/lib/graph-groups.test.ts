import { describe, expect, it } from 'vitest';
import { collapseGroups, describeStates, naturalOrder, type GroupableNode } from './graph-groups.ts';

const node = (id: string, over: Partial<GroupableNode> = {}): GroupableNode => ({ id, label: id, scope: '', state: 'COMPLETED', start: 0, end: 1, parents: [], ...over });

/** The long-report shape: fetch → score-item ×n (mapped) → publish. */
function report(n: number, failed: number[] = []) {
  const nodes = [node('fetch', { taskKey: 'fetch', start: 0, end: 10 })];
  for (let i = 0; i < n; i++) nodes.push(node(`score-item-${i}`, { taskKey: 'score-item', start: 10 + i, end: 20 + i, parents: ['fetch'], state: failed.includes(i) ? 'FAILED' : 'COMPLETED' }));
  nodes.push(node('publish', { taskKey: 'publish', start: 600, end: 610, parents: nodes.slice(1).map((x) => x.id) }));
  return nodes;
}

describe('collapseGroups', () => {
  it('collapses more than 10 runs of a key into one node with count, states and re-pointed edges', () => {
    const { nodes, groupOf } = collapseGroups(report(500, [7, 300]), new Set());
    expect(nodes.map((n) => n.id).sort()).toEqual(['fetch', 'group:/score-item', 'publish']);
    const group = nodes.find((n) => n.id === 'group:/score-item')!;
    expect(group).toMatchObject({ label: 'score-item', state: 'FAILED', start: 10, end: 519, parents: ['fetch'], states: { COMPLETED: 498, FAILED: 2 } });
    expect(group.members).toHaveLength(500);
    // Members in natural order: 2 before 10.
    expect(group.members!.slice(0, 3)).toEqual(['score-item-0', 'score-item-1', 'score-item-2']);
    expect(group.members![10]).toBe('score-item-10');
    expect(nodes.find((n) => n.id === 'publish')!.parents).toEqual(['group:/score-item']);
    expect(groupOf.get('score-item-300')).toBe('group:/score-item');
    expect(describeStates(group.states!)).toBe('498 completed, 2 failed');
  });

  it('leaves keys with 10 runs or fewer alone, and expands a group in place', () => {
    expect(collapseGroups(report(10), new Set()).nodes).toHaveLength(12);
    const { nodes, groupOf } = collapseGroups(report(11), new Set(['group:/score-item']));
    expect(nodes).toHaveLength(13);
    expect(nodes.find((n) => n.id === 'publish')!.parents).toHaveLength(11);
    // Still known as members, so the group can be collapsed again and marks can be mapped.
    expect(groupOf.get('score-item-0')).toBe('group:/score-item');
  });

  it('a running member keeps the group open-ended; nodes without a task key group by label stem; levels never mix', () => {
    const nodes = [
      ...Array.from({ length: 12 }, (_, i) => node(`load-${i}`, { state: i === 3 ? 'RUNNING' : 'COMPLETED', end: i === 3 ? null : 5 })),
      ...Array.from({ length: 12 }, (_, i) => node(`load-${i}-sub`, { label: `load-${i}`, scope: 'subflow-1' })),
    ];
    const { nodes: shown } = collapseGroups(nodes, new Set());
    expect(shown.map((n) => n.id).sort()).toEqual(['group:/load', 'group:subflow-1/load']);
    expect(shown.find((n) => n.id === 'group:/load')).toMatchObject({ end: null, state: 'RUNNING' });
  });
});

describe('collapseGroups edges', () => {
  it('drops edges between members of one group (no self-loop) and keeps one edge per pair of drawn nodes', () => {
    const nodes = report(12);
    // A chain inside the mapped task: each item also reads the one before it.
    for (let i = 1; i < 12; i++) nodes[i + 1].parents.push(`score-item-${i - 1}`);
    const { nodes: shown } = collapseGroups(nodes, new Set());
    const group = shown.find((n) => n.id === 'group:/score-item')!;
    expect(group.parents).toEqual(['fetch']);
    expect(shown.find((n) => n.id === 'publish')!.parents).toEqual(['group:/score-item']);
  });
});

describe('naturalOrder', () => {
  it('orders by when a key first started, then numbers as numbers', () => {
    const order = naturalOrder([
      { id: 'b', label: 'score-item-10', start: 5 },
      { id: 'c', label: 'score-item-2', start: 9 },
      { id: 'a', label: 'fetch', start: 1 },
      { id: 'd', label: 'score-item-222', start: 6 },
      { id: 'e', label: 'score-item-38', start: 7 },
    ]);
    expect(order.map((n) => n.label)).toEqual(['fetch', 'score-item-2', 'score-item-10', 'score-item-38', 'score-item-222']);
  });
});
