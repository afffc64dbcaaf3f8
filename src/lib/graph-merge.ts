/** The parts of a graph-v2 answer a merge needs (the API type, without importing it here). */
interface MergeableNode {
  id: string;
  start_time: string;
  end_time: string | null;
}
interface MergeableGraph<N extends MergeableNode> {
  start_time: string;
  end_time: string | null;
  root_node_ids: string[];
  nodes: [string, N][];
}

/**
 * A running run's graph kept current from `graph-v2?since=` answers (the nodes that changed
 * or are still running) instead of downloading every node again: changed nodes replace their
 * old selves, new ones join in start order, and a node that now has parents stops being a root.
 * The rest of the answer (times, states, artifacts) is the newer one.
 */
export function mergeGraphDelta<N extends MergeableNode, G extends MergeableGraph<N>>(current: G, delta: G): G {
  if (delta.nodes.length === 0) return { ...current, ...delta, nodes: current.nodes, root_node_ids: current.root_node_ids };
  const changed = new Map(delta.nodes);
  const nodes: [string, N][] = current.nodes.map(([id, node]) => [id, changed.get(id) ?? node]);
  const known = new Set(current.nodes.map(([id]) => id));
  const added = delta.nodes.filter(([id]) => !known.has(id));
  if (added.length) {
    nodes.push(...added);
    const startOf = (n: N) => Date.parse(n.start_time);
    const endOf = (n: N) => (n.end_time ? Date.parse(n.end_time) : Infinity);
    nodes.sort(([, a], [, b]) => startOf(a) - startOf(b) || endOf(a) - endOf(b));
  }
  // Roots: the old ones still without parents, plus the delta's.
  const roots = new Set(current.root_node_ids.filter((id) => !changed.has(id)));
  for (const id of delta.root_node_ids) roots.add(id);
  return { ...current, ...delta, nodes, root_node_ids: [...roots] };
}
