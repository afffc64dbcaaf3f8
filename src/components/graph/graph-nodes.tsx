import { memo } from 'react';
import { Handle, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import { clsx } from 'clsx';
import { Layers, Minus, Plus } from 'lucide-react';
import { describeStates } from '../../lib/graph-groups.ts';
import { stateColor, stateWord } from '../ui/state-badge.tsx';
import { NODE_HEIGHT } from './layout-protocol.ts';

export interface NodeData extends Record<string, unknown> {
  label: string;
  state: string | null;
  kind: 'flow-run' | 'task-run' | 'group';
  duration: string;
  /** Drawn width: fixed in the layered layout, the run's duration on the time axis. */
  width: number;
  failedFirst: boolean;
  critical: boolean;
  expandable: boolean;
  expanded: boolean;
  /** Group nodes: member count and count per state. */
  count?: number;
  states?: Record<string, number>;
  onToggle?: (id: string) => void;
}

/** Below this zoom task nodes are drawn as plain bars: text would be unreadable and costs frames. */
const DETAIL_ZOOM = 0.45;
const zoomSelector = (s: { transform: [number, number, number] }) => s.transform[2] >= DETAIL_ZOOM;

const handles = (
  <>
    <Handle type="target" position={Position.Left} className="!invisible" />
    <Handle type="source" position={Position.Right} className="!invisible" />
  </>
);

function ToggleButton({ id, label, expanded, onToggle, what }: { id: string; label: string; expanded: boolean; onToggle?: (id: string) => void; what: string }) {
  return (
    <button
      type="button"
      aria-label={`${expanded ? 'Collapse' : 'Expand'} ${what} ${label}`}
      // nokey: Enter or Space on the button must not also reach the node (which opens it too).
      className="nodrag nokey grid size-5 shrink-0 place-items-center rounded border border-border hover:bg-surface-hover"
      onClick={(e) => {
        e.stopPropagation();
        onToggle?.(id);
      }}
    >
      {expanded ? <Minus className="size-3" aria-hidden="true" /> : <Plus className="size-3" aria-hidden="true" />}
    </button>
  );
}

const TaskNode = memo(function TaskNode({ id, data, selected }: NodeProps<Node<NodeData>>) {
  const detailed = useStore(zoomSelector);
  const color = stateColor(data.state);
  if (!detailed) {
    return (
      <div style={{ width: data.width, height: NODE_HEIGHT, background: color, opacity: data.critical || data.failedFirst ? 1 : 0.75 }} className={clsx('rounded', (selected || data.failedFirst) && 'outline-4 outline-fg')}>
        {handles}
      </div>
    );
  }
  return (
    <div
      style={{ width: data.width, height: NODE_HEIGHT, borderLeftColor: color }}
      className={clsx(
        'flex items-center gap-1.5 rounded-md border border-l-4 border-border bg-surface-raised px-2 text-xs shadow-sm',
        data.critical && 'ring-2 ring-accent/60',
        data.failedFirst && 'ring-2 ring-danger',
        selected && 'outline-2 outline-offset-2 outline-accent',
      )}
      title={`${data.label} · ${stateWord(data.state)} · ${data.duration}`}
    >
      {handles}
      <div className="min-w-0 flex-1">
        <div className="truncate font-medium">{data.label}</div>
        <div className="flex gap-1.5 text-[10px] leading-3 text-fg-muted">
          <span style={{ color }}>{stateWord(data.state)}</span>
          <span className="tabular-nums">{data.duration}</span>
          {data.failedFirst && <span className="font-semibold text-danger">first failure</span>}
        </div>
      </div>
      {data.expandable && <ToggleButton id={id} label={data.label} expanded={data.expanded} onToggle={data.onToggle} what="subflow" />}
    </div>
  );
});

/** Many runs of one task key: name ×count and the state mix, as text at every zoom (few of them, and they are what one reads first). */
const GroupNode = memo(function GroupNode({ id, data }: NodeProps<Node<NodeData>>) {
  const mix = describeStates(data.states ?? {});
  const total = data.count ?? 0;
  return (
    <div
      style={{ width: data.width, height: NODE_HEIGHT }}
      className={clsx('relative flex items-center gap-1.5 overflow-hidden rounded-md border border-border bg-surface-raised px-2 text-xs shadow-sm', data.critical && 'ring-2 ring-accent/60', data.failedFirst && 'ring-2 ring-danger')}
      title={`${data.label} ×${total.toLocaleString('en')}: ${mix} · ${data.duration}`}
      data-group={data.label}
    >
      {handles}
      {/* The state mix as a stacked strip along the bottom edge. */}
      <div className="absolute inset-x-0 bottom-0 flex h-1" aria-hidden="true">
        {Object.entries(data.states ?? {}).map(([s, n]) => (
          <span key={s} style={{ width: `${(n / Math.max(1, total)) * 100}%`, background: stateColor(s === 'NONE' ? null : s) }} />
        ))}
      </div>
      <Layers className="size-3.5 shrink-0 text-fg-muted" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <div className="truncate font-medium">
          {data.label} <span className="tabular-nums text-fg-muted">×{total.toLocaleString('en')}</span>
        </div>
        <div className="truncate text-[10px] leading-3 text-fg-muted">
          {mix}
          {data.failedFirst && <span className="ml-1.5 font-semibold text-danger">first failure</span>}
        </div>
      </div>
      <ToggleButton id={id} label={data.label} expanded={false} onToggle={data.onToggle} what="group" />
    </div>
  );
});

export const nodeTypes = { task: TaskNode, taskGroup: GroupNode };
