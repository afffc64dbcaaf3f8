/**
 * Pure graph logic for a flow run's task-run graph (graph-v2): critical path, first
 * failure, and a fast layered layout for graphs too large for elkjs.
 */

export interface GraphNodeInput {
  id: string;
  start: number;
  /** Epoch ms; null while running. */
  end: number | null;
  state: string | null;
  parents: string[];
}

const FAILED_STATES = new Set(['FAILED', 'CRASHED']);

/**
 * The chain of dependencies that determined the run's duration: from the node that finished
 * last (running nodes count as finishing `now`), follow for each node the parent that finished
 * last, back to a root. Returned root first.
 */
export function criticalPath(nodes: readonly GraphNodeInput[], now: number): string[] {
  if (nodes.length === 0) return [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const finish = (n: GraphNodeInput) => n.end ?? Math.max(now, n.start);
  let last = nodes[0];
  for (const n of nodes) if (finish(n) > finish(last)) last = n;
  const path = [last.id];
  const seen = new Set(path);
  let current = last;
  for (;;) {
    let next: GraphNodeInput | undefined;
    for (const id of current.parents) {
      const p = byId.get(id);
      if (p && !seen.has(p.id) && (!next || finish(p) > finish(next))) next = p;
    }
    if (!next) break;
    path.push(next.id);
    seen.add(next.id);
    current = next;
  }
  return path.reverse();
}

/** The failed (or crashed) node that failed first: earliest end, then earliest start. */
export function firstFailed(nodes: readonly GraphNodeInput[]): string | null {
  let best: GraphNodeInput | null = null;
  const key = (n: GraphNodeInput) => n.end ?? Number.POSITIVE_INFINITY;
  for (const n of nodes) {
    if (!n.state || !FAILED_STATES.has(n.state)) continue;
    if (!best || key(n) < key(best) || (key(n) === key(best) && n.start < best.start)) best = n;
  }
  return best?.id ?? null;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  columnGap: number;
  rowGap: number;
}

export interface Positions {
  [id: string]: { x: number; y: number };
}

/**
 * Layered layout, left to right: longest-path layering (a node sits one column after its
 * deepest parent), then a few barycenter sweeps to order each column by its neighbours'
 * positions, which removes most crossings. Linear-ish in nodes + edges: 50,000 nodes lay out
 * in well under a second where elkjs takes minutes.
 */
export function layeredLayout(nodes: readonly Pick<GraphNodeInput, 'id' | 'parents' | 'start'>[], options: LayoutOptions, sweeps = 4): Positions {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const parents = nodes.map((n) => n.parents.map((p) => index.get(p)).filter((p): p is number => p !== undefined));
  const children: number[][] = nodes.map(() => []);
  parents.forEach((ps, i) => ps.forEach((p) => children[p].push(i)));

  // Longest path from the roots, in topological order (Kahn); cycles (never expected) fall back to layer 0.
  const layer = new Array<number>(nodes.length).fill(0);
  const indegree = parents.map((p) => p.length);
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q];
    for (const c of children[i]) {
      layer[c] = Math.max(layer[c], layer[i] + 1);
      if (--indegree[c] === 0) queue.push(c);
    }
  }

  const layers: number[][] = [];
  // Initial order inside a column: by start time, which keeps the picture close to the timeline.
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[a].start - nodes[b].start);
  for (const i of order) (layers[layer[i]] ??= []).push(i);
  const position = new Float64Array(nodes.length);
  const renumber = (column: number[]) => column.forEach((i, rank) => (position[i] = rank));
  layers.forEach((column) => column && renumber(column));

  const barycenter = (i: number, neighbours: number[][]) => {
    const list = neighbours[i];
    if (list.length === 0) return position[i];
    let sum = 0;
    for (const n of list) sum += position[n];
    return sum / list.length;
  };
  for (let s = 0; s < sweeps; s++) {
    const down = s % 2 === 0;
    const sequence = down ? layers.keys() : [...layers.keys()].reverse();
    for (const l of sequence) {
      const column = layers[l];
      if (!column) continue;
      const weights = new Map(column.map((i) => [i, barycenter(i, down ? parents : children)]));
      column.sort((a, b) => weights.get(a)! - weights.get(b)! || position[a] - position[b]);
      renumber(column);
    }
  }

  const out: Positions = {};
  const tallest = Math.max(1, ...layers.map((c) => c?.length ?? 0));
  layers.forEach((column, l) => {
    if (!column) return;
    // Centre short columns against the tallest so edges stay short.
    const offset = ((tallest - column.length) * (options.nodeHeight + options.rowGap)) / 2;
    column.forEach((i, rank) => {
      out[nodes[i].id] = { x: l * (options.nodeWidth + options.columnGap), y: offset + rank * (options.nodeHeight + options.rowGap) };
    });
  });
  return out;
}
