import { useEffect, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Background, Controls, MiniMap, Position, ReactFlow, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { CircleX, Route as RouteIcon, X } from 'lucide-react';
import { buildFlowRunGraphQuery, graphRow, type FlowRun, type Graph, type GraphRow } from '../../api/flow-runs.ts';
import { nodeRunTimeSeconds } from '../../lib/attempts.ts';
import { collapseGroups, describeStates, GROUP_PREFIX, naturalOrder } from '../../lib/graph-groups.ts';
import { criticalPath, firstFailed, type GraphNodeInput } from '../../lib/run-graph.ts';
import type { GraphLayout } from '../../lib/run-page-search.ts';
import { formatDuration } from '../../lib/time.ts';
import { Button } from '../ui/button.tsx';
import { Checkbox } from '../ui/form.tsx';
import { countOf } from '../ui/misc.tsx';
import { stateColor, stateWord } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { TaskRunsTable } from '../task-runs/task-runs-table.tsx';
import { nodeTypes, type NodeData } from './graph-nodes.tsx';
import { NODE_HEIGHT, NODE_WIDTH } from './layout-protocol.ts';
import { TaskRunPanel } from './task-run-panel.tsx';
import { TimeAxisTicks } from './time-axis.tsx';
import { useGraphLayout } from './use-graph-layout.ts';

/**
 * Above this many drawn nodes the graph opens at a readable zoom around the first failure (or
 * the start) instead of fitting everything: fitting 10,000 nodes puts all of them on screen at
 * once, which no renderer draws at 60 fps. Zoomed far out, only critical-path edges are drawn.
 */
const LARGE_GRAPH = 1000;
const FAR_ZOOM = 0.3;
/** The fit leaves room for the zoom controls (bottom left) and the minimap (bottom right), so they never cover a node; on the time axis, for the tick labels above. */
const FIT_PADDING = { top: '44px', right: '24px', bottom: '120px', left: '56px' } as const;
const FIT = { padding: FIT_PADDING, maxZoom: 1 };

/**
 * Declared handles and size: React Flow otherwise renders every node once to measure it,
 * ignoring `onlyRenderVisibleElements` (seconds for 10,000 nodes). One set per width.
 */
const handleSets = new Map<number, Node['handles']>();
function handlesFor(width: number): Node['handles'] {
  let set = handleSets.get(width);
  if (!set) {
    set = [
      { type: 'target', position: Position.Left, x: 0, y: NODE_HEIGHT / 2, width: 1, height: 1 },
      { type: 'source', position: Position.Right, x: width, y: NODE_HEIGHT / 2, width: 1, height: 1 },
    ];
    handleSets.set(width, set);
  }
  return set;
}

interface MergedNode extends GraphRow {
  parents: string[];
  /** The subflow node it hangs off ('' at the top). */
  scope: string;
}

/** Graph nodes with subflows merged in where expanded (children hang off their subflow node). */
function mergeGraphs(graph: Graph, expanded: Map<string, Graph | undefined>) {
  const out: MergedNode[] = [];
  const add = (g: Graph, parentNode?: string) => {
    const ids = new Set(g.nodes.map(([id]) => id));
    for (const [, n] of g.nodes) {
      const parents = n.parents.map((p) => p.id).filter((p) => ids.has(p));
      out.push({ ...graphRow(n), parents: parents.length === 0 && parentNode ? [parentNode] : parents, scope: parentNode ?? '' });
      const sub = expanded.get(n.id);
      if (n.kind === 'flow-run' && sub) add(sub, n.id);
    }
  };
  add(graph);
  return out;
}

const subgraphData = (results: { data?: Graph }[]) => results.map((r) => r.data);

const toggleIn = (id: string) => (ids: string[]) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

export default function RunGraph({ run, selected, onSelect, layout, onLayout }: { run: FlowRun; selected?: string; onSelect: (taskRunId: string | undefined) => void; layout: GraphLayout; onLayout: (layout: GraphLayout) => void }) {
  const graph = useQuery(buildFlowRunGraphQuery(run.id));
  const [expandedIds, setExpandedIds] = useState<string[]>([]);
  // `combine` keeps the array stable between renders, so grouping and layout run only when a subgraph changes.
  const subgraphs = useQueries({ queries: expandedIds.map((id) => buildFlowRunGraphQuery(id)), combine: subgraphData });
  const expanded = useMemo(() => new Map(expandedIds.map((id, i) => [id, subgraphs[i]])), [expandedIds, subgraphs]);
  const [openGroups, setOpenGroups] = useState<string[]>([]);
  const [showCritical, setShowCritical] = useState(true);
  const merged = useMemo(() => (graph.data ? mergeGraphs(graph.data, expanded) : []), [graph.data, expanded]);
  const byId = useMemo(() => new Map(merged.map((n) => [n.id, n])), [merged]);
  // Running nodes' durations tick; a huge graph re-renders its nodes less often.
  const now = useNow(run.state_type === 'RUNNING' ? (merged.length > LARGE_GRAPH ? 5000 : 1000) : 3_600_000);

  // First failure and critical path over every task run, then shown on the group that holds them.
  const inputs: GraphNodeInput[] = useMemo(() => merged.map((n) => ({ id: n.id, start: n.start, end: n.end, state: n.state, parents: n.parents })), [merged]);
  const failed = useMemo(() => firstFailed(inputs), [inputs]);
  const critical = useMemo(() => (showCritical ? criticalPath(inputs, now) : []), [inputs, now, showCritical]);
  const grouped = useMemo(
    () =>
      collapseGroups(
        merged.map((n) => ({ id: n.id, taskKey: n.node.task_key, scope: n.scope, label: n.label, state: n.state, start: n.start, end: n.end, parents: n.parents })),
        new Set(openGroups),
      ),
    [merged, openGroups],
  );
  const display = useMemo(() => naturalOrder(grouped.nodes), [grouped]);
  const shownId = useMemo(() => {
    const ids = new Set(display.map((n) => n.id));
    return (id: string) => (ids.has(id) ? id : (grouped.groupOf.get(id) ?? id));
  }, [display, grouped]);
  const failedShown = failed ? shownId(failed) : null;
  const criticalShown = useMemo(() => new Set(critical.map(shownId)), [critical, shownId]);
  const positions = useGraphLayout(display, layout, now);

  const toggleSubflow = useMemo(() => (id: string) => setExpandedIds(toggleIn(id)), []);
  const toggleGroup = useMemo(() => (id: string) => setOpenGroups(toggleIn(id)), []);
  const nodes: Node<NodeData>[] = useMemo(() => {
    if (!positions) return [];
    return display
      .filter((n) => positions.positions[n.id])
      .map((n) => {
        // Whole pixels: time-axis widths change with the clock, and each width has its handles.
        const width = Math.round(positions.widths?.[n.id] ?? NODE_WIDTH);
        const source = byId.get(n.id);
        const data: NodeData = n.members
          ? {
              label: n.label,
              state: n.state,
              kind: 'group',
              duration: formatDuration(((n.end ?? now) - n.start) / 1000),
              width,
              failedFirst: n.id === failedShown,
              critical: criticalShown.has(n.id),
              expandable: true,
              expanded: false,
              count: n.members.length,
              states: n.states,
              onToggle: toggleGroup,
            }
          : {
              label: n.label,
              state: n.state,
              kind: source?.kind ?? 'task-run',
              // The time it ran, not first start to last end (which spans the waits between attempts).
              duration: source ? formatDuration(nodeRunTimeSeconds(source.node, now)) : '',
              width,
              failedFirst: n.id === failedShown,
              critical: criticalShown.has(n.id),
              expandable: source?.kind === 'flow-run',
              expanded: expanded.has(n.id),
              onToggle: toggleSubflow,
            };
        // What a screen reader says on a focused node (Tab reaches nodes; Enter opens one).
        const ariaLabel = n.members
          ? `${n.label}, a group of ${n.members.length.toLocaleString('en')} task runs: ${describeStates(n.states ?? {})}${data.failedFirst ? ', holds the first failure' : ''}`
          : `${n.label}: ${stateWord(n.state)}, ran ${data.duration}${data.failedFirst ? ', first failure' : ''}`;
        return { id: n.id, type: n.members ? 'taskGroup' : 'task', position: positions.positions[n.id], selected: n.id === selected, width, height: NODE_HEIGHT, measured: { width, height: NODE_HEIGHT }, handles: handlesFor(width), data, ariaLabel };
      });
  }, [display, positions, byId, selected, failedShown, criticalShown, expanded, toggleSubflow, toggleGroup, now]);

  const large = display.length > LARGE_GRAPH;
  const [far, setFar] = useState(false);
  const edges: Edge[] = useMemo(() => {
    // Only between drawn nodes: a node the worker has not placed yet (a group just opened) has no edges either.
    const drawn = new Set(nodes.map((n) => n.id));
    return display.flatMap((n) =>
      !drawn.has(n.id)
        ? []
        : n.parents.flatMap((p) => {
            if (!drawn.has(p)) return [];
            const onPath = criticalShown.has(p) && criticalShown.has(n.id);
            if (large && far && !onPath) return [];
            return [{ id: `${p}>${n.id}`, source: p, target: n.id, style: onPath ? { stroke: 'var(--color-accent)', strokeWidth: 2.5 } : { stroke: 'var(--color-border-strong)' } }];
          }),
    );
  }, [display, nodes, criticalShown, large, far]);

  const flow = useRef<ReactFlowInstance<Node<NodeData>> | null>(null);
  const [ready, setReady] = useState(false);
  // New nodes (a live run growing, a group opened) are fitted into view until the user pans or zooms on their own.
  const userMoved = useRef(false);
  // A node to centre once it is drawn: the first failure inside a group that had to open, the selected node after a layout change.
  const pendingFocus = useRef<string | null>(null);
  // The canvas unmounts while there is no layout: its old instance must not take a focus.
  useEffect(() => {
    if (!positions) flow.current = null;
  }, [positions]);
  const centerOn = (id: string) => {
    const p = positions?.positions[id];
    if (!p || !flow.current) return false;
    void flow.current.setCenter(p.x + (positions?.widths?.[id] ?? NODE_WIDTH) / 2, p.y + NODE_HEIGHT / 2, { zoom: 1, duration: 300 });
    return true;
  };
  /** Centres on the node waiting for focus once it is placed; after that, later positions (the same layout again, a clock tick) must not refit over it. */
  const takePendingFocus = () => {
    if (!pendingFocus.current || !centerOn(pendingFocus.current)) return;
    pendingFocus.current = null;
    userMoved.current = true;
  };
  useEffect(() => {
    if (!positions || !flow.current) return;
    if (pendingFocus.current) {
      // Not placed yet (its layout is still in the worker): the positions that have it will come.
      takePendingFocus();
      return;
    }
    if (userMoved.current || Object.keys(positions.positions).length > LARGE_GRAPH) return;
    const instance = flow.current;
    requestAnimationFrame(() => void instance.fitView(FIT));
    // takePendingFocus reads the same positions; listing it would re-run this on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [positions]);
  const focusFailed = () => {
    if (!failed) return;
    userMoved.current = true;
    onSelect(failed);
    if (centerOn(failed)) return;
    pendingFocus.current = failed;
    const group = grouped.groupOf.get(failed);
    if (group && !openGroups.includes(group)) setOpenGroups((ids) => [...ids, group]);
  };
  // Another layout moves every node: fit anew, or follow the selected node to its new place.
  const changeLayout = (mode: GraphLayout) => {
    if (mode === layout) return;
    userMoved.current = false;
    // A selected task inside a closed group: its group's new place.
    pendingFocus.current = selected ? shownId(selected) : null;
    onLayout(mode);
  };
  const openNode = (id: string) => (id.startsWith(GROUP_PREFIX) ? toggleGroup(id) : onSelect(id));

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

  const panelTask = selected ? byId.get(selected) : undefined;
  const openGroupNames = openGroups.map((id) => ({ id, name: id.slice(id.indexOf('/') + 1), count: grouped.sizes.get(id) ?? 0 })).filter((g) => g.count > 0);
  return (
    <div className="flex h-[calc(100dvh-20rem)] min-h-96 flex-col">
      <div role="toolbar" aria-label="Graph" className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-1.5 text-xs">
        <span className="text-fg-muted tabular-nums">
          {countOf(merged.length, 'node')}
          {display.length < merged.length && `, drawn as ${display.length.toLocaleString('en')}`}
        </span>
        <div role="group" aria-label="Layout" className="flex overflow-hidden rounded-md border border-border">
          {(['layered', 'time'] as const).map((mode) => (
            <button key={mode} type="button" aria-pressed={layout === mode} onClick={() => changeLayout(mode)} className={layout === mode ? 'bg-accent px-2 py-0.5 text-accent-fg' : 'px-2 py-0.5 hover:bg-surface-hover'}>
              {mode === 'layered' ? 'Dependencies' : 'Time axis'}
            </button>
          ))}
        </div>
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
        {openGroupNames.map((g) => (
          <button key={g.id} type="button" onClick={() => toggleGroup(g.id)} className="flex items-center gap-1 rounded-full border border-border px-2 py-0.5 hover:bg-surface-hover" aria-label={`Collapse group ${g.name}`}>
            {g.name} ×{g.count.toLocaleString('en')}
            <X className="size-3" aria-hidden="true" />
          </button>
        ))}
      </div>
      <div className="relative flex min-h-0 flex-1">
        <div
          className="relative min-w-0 flex-1"
          data-testid="run-graph"
          data-ready={ready && nodes.length > 0 ? 'true' : 'false'}
          data-layout={positions?.engine}
          data-layout-ms={positions ? Math.round(positions.ms) : undefined}
          data-nodes={merged.length}
          data-drawn={nodes.length}
        >
          {!positions && (
            <p className="absolute inset-0 grid place-items-center text-fg-muted" aria-busy="true">
              {graph.data ? `Laying out ${graph.data.nodes.length.toLocaleString('en')} task runs…` : 'Loading the graph…'}
            </p>
          )}
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
              fitViewOptions={FIT}
              onInit={(instance) => {
                flow.current = instance;
                // A focus asked for while the canvas was not mounted (no layout yet).
                takePendingFocus();
                if (large) {
                  // Open on the first failure, else on the first node to start, readable at once.
                  const start = failedShown ?? display.reduce((a, b) => (b.start < a.start ? b : a)).id;
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
              // A click or Enter on a node selects it: the one place a node opens (a click also fires onNodeClick, which would toggle a group twice).
              onNodesChange={(changes) => {
                const picked = changes.find((c) => c.type === 'select' && c.selected);
                if (picked && 'id' in picked && picked.id !== selected) openNode(picked.id);
              }}
              onPaneClick={() => selected && onSelect(undefined)}
              proOptions={{ hideAttribution: true }}
              colorMode="system"
            >
              <Background gap={24} color="var(--color-border)" />
              {positions.axis && <TimeAxisTicks axis={positions.axis} />}
              <Controls showInteractive={false} />
              {nodes.length <= 2000 && <MiniMap pannable zoomable style={{ width: 160, height: 96 }} nodeColor={(n) => stateColor((n.data as NodeData).state)} maskColor="color-mix(in srgb, var(--color-surface) 70%, transparent)" />}
            </ReactFlow>
          )}
        </div>
        {selected && <TaskRunPanel key={selected} id={selected} kind={panelTask?.kind ?? 'task-run'} onClose={() => onSelect(undefined)} />}
      </div>
    </div>
  );
}
