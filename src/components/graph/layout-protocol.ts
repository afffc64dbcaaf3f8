import type { Positions } from '../../lib/run-graph.ts';

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 34;

/**
 * elkjs lays out up to this many nodes; above it the own layered layout takes over.
 * Measured (elkjs 0.12, layered, one core): 100 nodes 0.27 s, 500 nodes 0.57 s, 1,000 nodes
 * 1.1 s, 2,000 nodes 3.0 s — past ~500 the graph would miss its 2 s first frame. The own
 * layout does 50,000 nodes in about 0.15 s.
 */
export const ELK_MAX_NODES = 500;
/**
 * …and only a sparse graph without cycles: group nodes of mapped tasks can be few but densely
 * linked, even in a cycle (group a → group b → group a). Measured (elkjs, Node, one core):
 * 50 nodes with 322 edges 0.87 s, with 350 edges and cycles 4.2 s (9.5 s in the browser's
 * worker); the layered layout does either in a millisecond.
 */
export const ELK_MAX_EDGES_PER_NODE = 3;

export interface LayoutRequest {
  id: number;
  /** In natural order (graph-groups.ts): both engines keep it where edges allow. */
  nodes: { id: string; parents: string[] }[];
}

export interface LayoutResponse {
  id: number;
  positions: Positions;
  engine: 'elk' | 'layered';
  ms: number;
}
