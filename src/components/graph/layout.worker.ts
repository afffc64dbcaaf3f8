/// <reference lib="webworker" />
import { layeredLayout, type Positions } from '../../lib/run-graph.ts';
import { ELK_MAX_EDGES_PER_NODE, ELK_MAX_NODES, NODE_HEIGHT, NODE_WIDTH, type LayoutRequest, type LayoutResponse } from './layout-protocol.ts';

// elkjs is 1.4 MB: loaded only for graphs it lays out, never for large ones.
let elk: InstanceType<typeof import('elkjs/lib/elk.bundled.js').default> | undefined;
self.onmessage = null;

async function elkLayout(request: LayoutRequest): Promise<Positions> {
  if (!elk) {
    const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
    elk = new ELK();
    // elkjs's bundle, evaluated lazily, claims `self.onmessage` for its own worker protocol; this worker speaks its own.
    self.onmessage = null;
  }
  const ids = new Set(request.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '14',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: request.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: request.nodes.flatMap((n) => n.parents.filter((p) => ids.has(p)).map((p) => ({ id: `${p}>${n.id}`, sources: [p], targets: [n.id] }))),
  });
  const out: Positions = {};
  for (const c of result.children ?? []) out[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return out;
}

/** Kahn's algorithm: every node reached once all its parents were. */
function isAcyclic(nodes: LayoutRequest['nodes']): boolean {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const children: number[][] = nodes.map(() => []);
  const indegree = nodes.map((n, i) => {
    const parents = n.parents.filter((p) => index.has(p));
    for (const p of parents) children[index.get(p)!].push(i);
    return parents.length;
  });
  const queue = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  for (let q = 0; q < queue.length; q++) for (const c of children[queue[q]]) if (--indegree[c] === 0) queue.push(c);
  return queue.length === nodes.length;
}

self.addEventListener('message', async (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  const started = performance.now();
  const edges = request.nodes.reduce((sum, n) => sum + n.parents.length, 0);
  const engine = request.nodes.length <= ELK_MAX_NODES && edges <= ELK_MAX_EDGES_PER_NODE * request.nodes.length && isAcyclic(request.nodes) ? 'elk' : 'layered';
  let positions: Positions;
  try {
    positions = engine === 'elk' ? await elkLayout(request) : layeredLayout(request.nodes, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, columnGap: 56, rowGap: 14 });
  } catch {
    positions = layeredLayout(request.nodes, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, columnGap: 56, rowGap: 14 });
  }
  const response: LayoutResponse = { id: request.id, positions, engine, ms: performance.now() - started };
  self.postMessage(response);
});
