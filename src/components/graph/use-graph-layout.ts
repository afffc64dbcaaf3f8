import { useEffect, useMemo, useRef, useState } from 'react';
import type { DisplayNode } from '../../lib/graph-groups.ts';
import { timeAxisLayout, type Positions } from '../../lib/run-graph.ts';
import type { GraphLayout } from '../../lib/run-page-search.ts';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutRequest, type LayoutResponse } from './layout-protocol.ts';

export interface TimeAxis {
  origin: number;
  pxPerMs: number;
  /** Pixels across the run's span, and the drawing's height. */
  width: number;
  height: number;
}

export interface GraphPositions {
  positions: Positions;
  /** Per node on the time axis; NODE_WIDTH for all in the layered layout. */
  widths?: Record<string, number>;
  engine: 'elk' | 'layered' | 'time';
  ms: number;
  axis?: TimeAxis;
}

export const ROW_GAP = 14;
/** The run's whole span on the time axis, in pixels at zoom 1: about a canvas wide, so a fitted run opens with readable labels. */
const TIME_SPAN_WIDTH = 960;

let layoutWorker: Worker | undefined;
let nextRequest = 1;
function layoutInWorker(nodes: LayoutRequest['nodes']): Promise<LayoutResponse> {
  layoutWorker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const id = nextRequest++;
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<LayoutResponse>) => {
      if (e.data?.id !== id || !e.data.positions) return;
      layoutWorker?.removeEventListener('message', onMessage);
      resolve(e.data);
    };
    layoutWorker!.addEventListener('message', onMessage);
    layoutWorker!.postMessage({ id, nodes } satisfies LayoutRequest);
  });
}

/**
 * Positions of the drawn nodes (given in natural order). Layered: in a worker (elkjs up to
 * 500 nodes), keyed by structure only, so live state changes re-colour without moving
 * anything. Time axis: on this thread (a sort and a lane sweep), following the clock while
 * nodes run.
 */
export function useGraphLayout(nodes: readonly DisplayNode[], mode: GraphLayout, now: number): GraphPositions | null {
  const structureKey = useMemo(() => nodes.map((n) => `${n.id}:${n.parents.join(',')}`).join('|'), [nodes]);
  const [layered, setLayered] = useState<(GraphPositions & { key: string }) | null>(null);
  const latest = useRef(nodes);
  latest.current = nodes;
  useEffect(() => {
    if (mode !== 'layered' || !structureKey) return;
    let cancelled = false;
    void layoutInWorker(latest.current.map((n) => ({ id: n.id, parents: n.parents }))).then((r) => {
      if (!cancelled) setLayered({ key: structureKey, positions: r.positions, engine: r.engine, ms: r.ms });
    });
    return () => {
      cancelled = true;
    };
  }, [structureKey, mode]);

  const running = nodes.some((n) => n.end === null);
  const clock = running ? now : 0;
  const time = useMemo((): GraphPositions | null => {
    if (mode !== 'time' || nodes.length === 0) return null;
    const started = performance.now();
    const t = timeAxisLayout(nodes, clock || Date.now(), { spanWidth: TIME_SPAN_WIDTH, minWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rowGap: ROW_GAP, gap: 12 });
    return { positions: t.positions, widths: t.widths, engine: 'time', ms: performance.now() - started, axis: { origin: t.origin, pxPerMs: t.pxPerMs, width: TIME_SPAN_WIDTH, height: t.lanes * (NODE_HEIGHT + ROW_GAP) } };
  }, [mode, nodes, clock]);

  if (mode === 'time') return time;
  // A layout of an older structure still places every node it knows (a live run growing); new ones follow.
  return layered;
}
