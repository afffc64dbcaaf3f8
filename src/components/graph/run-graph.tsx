import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Background, Controls, Handle, MiniMap, Position, ReactFlow, useStore, type Edge, type Node, type NodeProps, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { clsx } from 'clsx';
import { CircleX, Minus, Plus, Route as RouteIcon } from 'lucide-react';
import { buildFlowRunGraphQuery, type FlowRun, type Graph, type GraphNode } from '../../api/flow-runs.ts';
import { nodeRunTimeSeconds } from '../../lib/attempts.ts';
import { criticalPath, firstFailed, type GraphNodeInput, type Positions } from '../../lib/run-graph.ts';
import { formatDuration } from '../../lib/time.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { stateColor } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { TaskRunsTable } from '../task-runs/task-runs-table.tsx';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutRequest, type LayoutResponse } from './layout-protocol.ts';
import { TaskRunPanel } from './task-run-panel.tsx';

interface NodeData extends Record<string, unknown> {
  label: string;
  state: string | null;
  kind: 'flow-run' | 'task-run';
  duration: string;
  failedFirst: boolean;
  critical: boolean;
  expandable: boolean;
  expanded: boolean;
  onToggle?: (id: string) => void;
}

const titleCase = (t: string | null) => (t ? t.charAt(0) + t.slice(1).toLowerCase() : 'No state');
/** Below this zoom nodes are drawn as plain bars: text would be unreadable and costs frames. */
const DETAIL_ZOOM = 0.45;

const zoomSelector = (s: { transform: [number, number, number] }) => s.transform[2] >= DETAIL_ZOOM;
/**
 * Above this many nodes the graph opens at a readable zoom around the first failure (or the
 * start) instead of fitting everything: fitting 10,000 nodes puts all of them on screen at
 * once, which no renderer draws at 60 fps. Zoomed far out, only critical-path edges are drawn.
 */
const LARGE_GRAPH = 1000;
const FAR_ZOOM = 0.3;

const TaskNode = memo(function TaskNode({ id, data, selected }: NodeProps<Node<NodeData>>) {
  const detailed = useStore(zoomSelector);
  const color = stateColor(data.state);
  if (!detailed) {
    return (
      <div style={{ width: NODE_WIDTH, height: NODE_HEIGHT, background: color, opacity: data.critical || data.failedFirst ? 1 : 0.75 }} className={clsx('rounded', (selected || data.failedFirst) && 'outline-4 outline-fg')}>
        <Handle type="target" position={Position.Left} className="!invisible" />
        <Handle type="source" position={Position.Right} className="!invisible" />
      </div>
    );
  }
  return (
    <div
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT, borderLeftColor: color }}
      className={clsx(
        'flex items-center gap-1.5 rounded-md border border-l-4 border-border bg-surface-raised px-2 text-xs shadow-sm',
        data.critical && 'ring-2 ring-accent/60',
        data.failedFirst && 'ring-2 ring-danger',
        selected && 'outline-2 outline-offset-2 outline-accent',
      )}
      title={`${data.label} · ${titleCase(data.state)} · ${data.duration}`}
    >
      <Handle type="target" position={Position.Left} className="!invisible" />
      <div className="min-w-0 flex-1">
        <div className="truncate font-medium">{data.label}</div>
        <div className="flex gap-1.5 text-[10px] leading-3 text-fg-muted">
          <span style={{ color }}>{titleCase(data.state)}</span>
          <span className="tabular-nums">{data.duration}</span>
          {data.failedFirst && <span className="font-semibold text-danger">first failure</span>}
        </div>
      </div>
      {data.expandable && (
        <button
          type="button"
          aria-label={data.expanded ? `Collapse subflow ${data.label}` : `Expand subflow ${data.label}`}
          className="nodrag grid size-5 place-items-center rounded border border-border hover:bg-surface-hover"
          onClick={(e) => {
            e.stopPropagation();
            data.onToggle?.(id);
          }}
        >
          {data.expanded ? <Minus className="size-3" aria-hidden="true" /> : <Plus className="size-3" aria-hidden="true" />}
        </button>
      )}
      <Handle type="source" position={Position.Right} className="!invisible" />
    </div>
  );
});

const nodeTypes = { task: TaskNode };

/**
 * Declared handles and size: React Flow otherwise renders every node once to measure it,
 * ignoring `onlyRenderVisibleElements` (seconds for 10,000 nodes).
 */
const HANDLES: Node['handles'] = [
  { type: 'target', position: Position.Left, x: 0, y: NODE_HEIGHT / 2, width: 1, height: 1 },
  { type: 'source', position: Position.Right, x: NODE_WIDTH, y: NODE_HEIGHT / 2, width: 1, height: 1 },
];
const MEASURED = { width: NODE_WIDTH, height: NODE_HEIGHT };

/** Graph nodes with subflows merged in where expanded (children hang off their subflow node). */
function mergeGraphs(graph: Graph, expanded: Map<string, Graph | undefined>) {
  const out: { id: string; label: string; kind: 'flow-run' | 'task-run'; state: string | null; start: number; end: number | null; parents: string[]; node: GraphNode }[] = [];
  const add = (g: Graph, parentNode?: string) => {
    const ids = new Set(g.nodes.map(([id]) => id));
    for (const [, n] of g.nodes) {
      const parents = n.parents.map((p) => p.id).filter((p) => ids.has(p));
      out.push({ id: n.id, label: n.label, kind: n.kind, state: n.state_type, start: Date.parse(n.start_time), end: n.end_time ? Date.parse(n.end_time) : null, parents: parents.length === 0 && parentNode ? [parentNode] : parents, node: n });
      const sub = expanded.get(n.id);
      if (n.kind === 'flow-run' && sub) add(sub, n.id);
    }
  };
  add(graph);
  return out;
}

let layoutWorker: Worker | undefined;
let nextRequest = 1;
function layout(nodes: LayoutRequest['nodes']): Promise<LayoutResponse> {
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

export default function RunGraph({ run, selected, onSelect }: { run: FlowRun; selected?: string; onSelect: (taskRunId: string | undefined) => void }) {
  const graph = useQuery(buildFlowRunGraphQuery(run.id));
  const [expandedIds, setExpandedIds] = useState<string[]>([]);
  const subgraphs = useQueries({ queries: expandedIds.map((id) => buildFlowRunGraphQuery(id)) });
  const expanded = useMemo(() => new Map(expandedIds.map((id, i) => [id, subgraphs[i]?.data])), [expandedIds, subgraphs]);
  const [showCritical, setShowCritical] = useState(true);
  const merged = useMemo(() => (graph.data ? mergeGraphs(graph.data, expanded) : []), [graph.data, expanded]);
  // Running nodes' durations tick; a huge graph re-renders its nodes less often.
  const now = useNow(run.state_type === 'RUNNING' ? (merged.length > LARGE_GRAPH ? 5000 : 1000) : 3_600_000);

  // Layout depends on structure only: live state changes re-colour nodes without moving them.
  const structureKey = useMemo(() => merged.map((n) => `${n.id}:${n.parents.join(',')}`).join('|'), [merged]);
  const [positions, setPositions] = useState<{ key: string; positions: Positions; engine: string; ms: number } | null>(null);
  const structureRef = useRef(merged);
  structureRef.current = merged;
  useEffect(() => {
    if (!structureKey) return;
    let cancelled = false;
    void layout(structureRef.current.map((n) => ({ id: n.id, parents: n.parents, start: n.start }))).then((r) => {
      if (!cancelled) setPositions({ key: structureKey, positions: r.positions, engine: r.engine, ms: r.ms });
    });
    return () => {
      cancelled = true;
    };
  }, [structureKey]);

  const inputs: GraphNodeInput[] = useMemo(() => merged.map((n) => ({ id: n.id, start: n.start, end: n.end, state: n.state, parents: n.parents })), [merged]);
  const failed = useMemo(() => firstFailed(inputs), [inputs]);
  const critical = useMemo(() => new Set(showCritical ? criticalPath(inputs, now) : []), [inputs, now, showCritical]);
  const toggle = useMemo(() => (id: string) => setExpandedIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])), []);

  const nodes: Node<NodeData>[] = useMemo(() => {
    if (!positions) return [];
    return merged
      .filter((n) => positions.positions[n.id])
      .map((n) => ({
        id: n.id,
        type: 'task',
        position: positions.positions[n.id],
        selected: n.id === selected,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        measured: MEASURED,
        handles: HANDLES,
        data: {
          label: n.label,
          state: n.state,
          kind: n.kind,
          // The time it ran, not first start to last end (which spans the waits between attempts).
          duration: formatDuration(nodeRunTimeSeconds(n.node, now)),
          failedFirst: n.id === failed,
          critical: critical.has(n.id),
          expandable: n.kind === 'flow-run',
          expanded: expanded.has(n.id),
          onToggle: toggle,
        },
      }));
  }, [merged, positions, selected, failed, critical, expanded, toggle, now]);

  const large = merged.length > LARGE_GRAPH;
  const [far, setFar] = useState(false);
  const edges: Edge[] = useMemo(
    () =>
      merged.flatMap((n) =>
        n.parents.flatMap((p) => {
          const onPath = critical.has(p) && critical.has(n.id);
          if (large && far && !onPath) return [];
          return [{ id: `${p}>${n.id}`, source: p, target: n.id, style: onPath ? { stroke: 'var(--color-accent)', strokeWidth: 2.5 } : { stroke: 'var(--color-border-strong)' } }];
        }),
      ),
    [merged, critical, large, far],
  );

  const flow = useRef<ReactFlowInstance<Node<NodeData>> | null>(null);
  const [ready, setReady] = useState(false);
  // New nodes (a live run growing) are fitted into view until the user pans or zooms on their own.
  const userMoved = useRef(false);
  useEffect(() => {
    if (!positions || userMoved.current || !flow.current || Object.keys(positions.positions).length > LARGE_GRAPH) return;
    const instance = flow.current;
    requestAnimationFrame(() => void instance.fitView({ padding: 0.1, maxZoom: 1 }));
  }, [positions]);
  const failedNode = failed;
  const focusFailed = () => {
    if (!failedNode || !flow.current) return;
    const node = flow.current.getNode(failedNode);
    if (node) void flow.current.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, { zoom: 1, duration: 300 });
    onSelect(failedNode);
  };

  if (graph.isError) {
    const status = (graph.error as { status?: number }).status;
    if (status === 400) {
      return (
        <div>
          <div role="status" className="border-b border-border px-4 py-3">
            <p className="font-medium">This run is too large to draw as a graph.</p>
            <p className="text-fg-muted">{graph.error.message} Raise SYNTASK_API_MAX_FLOW_RUN_GRAPH_NODES on the server to draw it; its task runs are listed below.</p>
          </div>
          <TaskRunsTable filter={{ task_runs: { flow_run_id: { any_: [run.id] } } }} sort="EXPECTED_START_TIME_ASC" page={1} pageSize={50} onPage={() => undefined} selectable={false} />
        </div>
      );
    }
    return <ErrorState error={graph.error} onRetry={() => void graph.refetch()} title="Could not load the graph" />;
  }
  if (graph.data && graph.data.nodes.length === 0) {
    return <EmptyState title="No task runs to draw yet">Task runs appear here once they start; their inputs draw the edges between them.</EmptyState>;
  }

  const panelTask = selected ? merged.find((n) => n.id === selected) : undefined;
  return (
    <div className="relative flex h-[calc(100dvh-20rem)] min-h-96">
      <div className="relative min-w-0 flex-1" data-testid="run-graph" data-ready={ready && nodes.length > 0 ? 'true' : 'false'} data-layout={positions?.engine} data-layout-ms={positions ? Math.round(positions.ms) : undefined} data-nodes={nodes.length}>
        {!positions && <p className="absolute inset-0 grid place-items-center text-fg-muted" aria-busy="true">{graph.data ? `Laying out ${graph.data.nodes.length.toLocaleString('en')} task runs…` : 'Loading the graph…'}</p>}
        {positions && (
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            onlyRenderVisibleElements
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable
            minZoom={large ? 0.15 : 0.02}
            maxZoom={2}
            fitView={!large}
            fitViewOptions={{ padding: 0.1, maxZoom: 1 }}
            onInit={(instance) => {
              flow.current = instance;
              if (large) {
                // Open on the first failure, else on the first node to start, readable at once.
                const start = failed ?? merged.reduce((a, b) => (b.start < a.start ? b : a)).id;
                const p = positions.positions[start];
                if (p) void instance.setCenter(p.x + NODE_WIDTH * 2, p.y + NODE_HEIGHT / 2, { zoom: 0.8 });
              }
              requestAnimationFrame(() => setReady(true));
            }}
            onMoveStart={(event) => {
              if (event) userMoved.current = true;
            }}
            onMove={(_, viewport) => {
              const isFar = viewport.zoom < FAR_ZOOM;
              if (isFar !== far) setFar(isFar);
            }}
            onNodeClick={(_, node) => onSelect(node.id)}
            // Keyboard: a focused node selected with Enter opens its panel too.
            onNodesChange={(changes) => {
              const picked = changes.find((c) => c.type === 'select' && c.selected);
              if (picked && 'id' in picked && picked.id !== selected) onSelect(picked.id);
            }}
            onPaneClick={() => selected && onSelect(undefined)}
            proOptions={{ hideAttribution: true }}
            colorMode="system"
          >
            <Background gap={24} color="var(--color-border)" />
            <Controls showInteractive={false} />
            {nodes.length <= 2000 && <MiniMap pannable zoomable nodeColor={(n) => stateColor((n.data as NodeData).state)} maskColor="color-mix(in srgb, var(--color-surface) 70%, transparent)" />}
          </ReactFlow>
        )}
        <div className="absolute top-2 left-2 flex flex-wrap items-center gap-2 rounded-md border border-border bg-surface-raised/95 px-2 py-1 text-xs shadow-sm">
          <span className="text-fg-muted tabular-nums">{merged.length.toLocaleString('en')} nodes</span>
          {failed && (
            <Button onClick={focusFailed}>
              <CircleX aria-hidden="true" className="text-danger" />
              First failed task
            </Button>
          )}
          <label className="flex items-center gap-1">
            <Checkbox checked={showCritical} onChange={(e) => setShowCritical(e.target.checked)} />
            <RouteIcon className="size-3.5 text-accent" aria-hidden="true" />
            Critical path
          </label>
        </div>
      </div>
      {selected && (
        <TaskRunPanel key={selected} id={selected} kind={panelTask?.kind ?? 'task-run'} onClose={() => onSelect(undefined)} />
      )}
    </div>
  );
}
