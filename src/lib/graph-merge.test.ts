import { describe, expect, it } from 'vitest';
import { mergeGraphDelta } from './graph-merge.ts';

const node = (id: string, start: number, end: number | null, parents: string[] = [], state = 'COMPLETED') => ({
  id,
  start_time: new Date(start * 1000).toISOString(),
  end_time: end === null ? null : new Date(end * 1000).toISOString(),
  state_type: state,
  parents: parents.map((p) => ({ id: p })),
});
type Node = ReturnType<typeof node>;
const graph = (nodes: Node[], roots: string[], end: number | null = null) => ({
  start_time: new Date(0).toISOString(),
  end_time: end === null ? null : new Date(end * 1000).toISOString(),
  root_node_ids: roots,
  nodes: nodes.map((n) => [n.id, n] as [string, Node]),
  artifacts: [] as unknown[],
});

describe('mergeGraphDelta', () => {
  it('replaces changed nodes, adds new ones in start order with their edges, keeps the rest', () => {
    const current = graph([node('a', 1, 2), node('b', 3, null, ['a'], 'RUNNING'), node('c', 5, null, [], 'RUNNING')], ['a', 'c']);
    const delta = graph([node('b', 3, 6, ['a'], 'FAILED'), node('d', 4, null, ['a'], 'RUNNING'), node('c', 5, null, [], 'RUNNING')], ['c'], 7);
    const merged = mergeGraphDelta(current, delta);
    expect(merged.nodes.map(([id, n]) => `${id}:${n.state_type}`)).toEqual(['a:COMPLETED', 'b:FAILED', 'd:RUNNING', 'c:RUNNING']);
    expect(merged.nodes.find(([id]) => id === 'd')![1].parents).toEqual([{ id: 'a' }]);
    expect(merged.root_node_ids.sort()).toEqual(['a', 'c']);
    expect(merged.end_time).toBe(delta.end_time);
  });

  it('an empty answer changes no node but takes the newer run times', () => {
    const current = graph([node('a', 1, 2)], ['a']);
    const merged = mergeGraphDelta(current, graph([], [], 9));
    expect(merged.nodes).toBe(current.nodes);
    expect(merged.root_node_ids).toEqual(['a']);
    expect(merged.end_time).toBe(new Date(9000).toISOString());
  });

  it('a node that gained parents stops being a root', () => {
    const current = graph([node('a', 1, null, [], 'RUNNING')], ['a']);
    const merged = mergeGraphDelta(current, graph([node('a', 1, null, ['z'], 'RUNNING')], []));
    expect(merged.root_node_ids).toEqual([]);
  });
});
