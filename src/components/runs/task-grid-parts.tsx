import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { clsx } from 'clsx';
import { Ban, ChevronRight, Clock, Loader, Pause, X, Zap, type LucideIcon } from 'lucide-react';
import type { TaskGridCell, TaskGridRow, TaskGridRun } from '../../api/task-grid.ts';
import { describeMix, stateMix, stateWord } from '../../lib/task-grid.ts';
import { formatDuration } from '../../lib/time.ts';
import { StateBadge, stateColor } from '../ui/state-badge.tsx';
import { useFormatDateTime } from '../ui/time.tsx';

/** The runs × tasks grid's pieces: run headers, rows and cells, the legend and the hover card (`task-grid.tsx` holds the grid). */

export const ROW_H = 24;
export const HEADER_H = 28;
export const LABEL_W = 220;
export const MIN_CELL = 10;
export const MAX_CELL = 32;
/** Cells at least this wide show a count or a state glyph. */
const GLYPH_CELL = 16;

/** Non-colour carriers of the states that need attention (completed stays a plain fill). */
const GLYPHS: Partial<Record<string, LucideIcon>> = { FAILED: X, CRASHED: Zap, RUNNING: Loader, PENDING: Clock, SCHEDULED: Clock, PAUSED: Pause, CANCELLED: Ban, CANCELLING: Ban };

export interface Tip {
  rect: DOMRect;
  row?: TaskGridRow;
  cell?: TaskGridCell | null;
  run?: TaskGridRun;
}

export function RunHeader({ run, col, focusable }: { run: TaskGridRun; col: number; focusable: boolean }) {
  const format = useFormatDateTime();
  const when = run.start_time ?? run.expected_start_time;
  const label = `Run ${run.name}, ${run.state_name ?? (run.state_type ? stateWord(run.state_type) : 'no state')}${when ? `, ${run.start_time ? 'started' : 'expected'} ${format(when)}` : ''}`;
  return (
    <div role="columnheader" className="flex items-end justify-center pb-1.5">
      <a
        href={`/runs/flow-run/${run.id}`}
        data-flow-run={run.id}
        data-pos={`0:${col}`}
        tabIndex={focusable ? 0 : -1}
        aria-label={label}
        className="block h-2.5 w-[calc(100%-3px)] rounded-sm"
        style={{ background: stateColor(run.state_type, run.state_name) }}
      />
    </div>
  );
}

interface GridRowProps {
  row: TaskGridRow;
  rowIndex: number;
  gridRow: number;
  runs: TaskGridRun[];
  columns: string;
  cell: number;
  top: number;
  expanded: boolean;
  activeCol: number;
}

export const GridRow = memo(function GridRow({ row, rowIndex, gridRow, runs, columns, cell, top, expanded, activeCol }: GridRowProps) {
  return (
    <div role="row" aria-rowindex={gridRow + 1} className="group absolute left-0 grid w-full hover:bg-surface-hover" style={{ gridTemplateColumns: columns, height: ROW_H, transform: `translateY(${top}px)` }}>
      <div
        role="rowheader"
        data-pos={`${gridRow}:0`}
        tabIndex={activeCol === 0 ? 0 : -1}
        aria-expanded={row.subflow ? expanded : undefined}
        data-row-toggle={row.subflow ? rowIndex : undefined}
        className={clsx('sticky left-0 z-10 flex min-w-0 items-center gap-1 bg-surface-raised pr-2 text-xs group-hover:bg-surface-hover', row.subflow && 'cursor-pointer')}
        style={{ paddingLeft: 12 + row.depth * 14 }}
      >
        {row.subflow ? <ChevronRight aria-hidden="true" className={clsx('size-3.5 shrink-0 text-fg-muted transition-transform', expanded && 'rotate-90')} /> : <span className="w-3.5 shrink-0" aria-hidden="true" />}
        <span className="truncate">{row.label}</span>
        {row.subflow && <span className="shrink-0 truncate text-fg-muted">subflow</span>}
      </div>
      {row.cells.map((c, i) => (
        <Cell key={runs[i].id} cell={c} row={row} run={runs[i]} pos={`${gridRow}:${i + 1}`} focusable={activeCol === i + 1} width={cell} />
      ))}
    </div>
  );
});

function cellLabel(row: TaskGridRow, run: TaskGridRun, c: TaskGridCell | null): string {
  if (!c) return `${row.label} did not run in ${run.name}`;
  const opens = c.count > 1 ? `; opens ${c.name}, ${c.state_name ?? stateWord(c.state_type)}, ${formatDuration(c.duration)}` : `, ${formatDuration(c.duration)}`;
  return `${row.label} in ${run.name}: ${describeMix(c.count, c.states, c.state_name, c.state_type)}${opens}`;
}

function Cell({ cell: c, row, run, pos, focusable, width }: { cell: TaskGridCell | null; row: TaskGridRow; run: TaskGridRun; pos: string; focusable: boolean; width: number }) {
  if (!c) {
    return (
      <div role="gridcell" data-pos={pos} tabIndex={focusable ? 0 : -1} aria-label={cellLabel(row, run, c)} className="flex items-center justify-center">
        <span className="size-1 rounded-full bg-border-strong" aria-hidden="true" />
      </div>
    );
  }
  const mix = stateMix(c.states);
  const Glyph = GLYPHS[c.state_type];
  return (
    <div role="gridcell" className="flex items-center justify-center">
      <a
        href={`/runs/task-run/${c.task_run_id}`}
        data-task-run={c.task_run_id}
        data-pos={pos}
        tabIndex={focusable ? 0 : -1}
        aria-label={cellLabel(row, run, c)}
        className="relative flex h-[18px] w-[calc(100%-3px)] flex-col overflow-hidden rounded-sm"
      >
        {mix.length > 1 ? (
          mix.map(([type, n]) => <span key={type} aria-hidden="true" style={{ flexGrow: n, background: stateColor(type) }} />)
        ) : (
          <span aria-hidden="true" className="grow" style={{ background: stateColor(c.state_type, c.state_name) }} />
        )}
        {width >= GLYPH_CELL && (c.count > 1 || Glyph) && (
          <span aria-hidden="true" className="absolute inset-0 flex items-center justify-center">
            {c.count > 1 ? (
              <span className="rounded-sm bg-surface-raised/90 px-0.5 text-[10px] leading-3 font-medium text-fg tabular-nums">{c.count > 99 ? '99+' : c.count}</span>
            ) : (
              Glyph && <Glyph className="size-3 text-accent-fg" strokeWidth={3} />
            )}
          </span>
        )}
      </a>
    </div>
  );
}

export function Legend({ rows }: { rows: TaskGridRow[] }) {
  const present = useMemo(() => {
    const types = new Set<string>();
    for (const row of rows) for (const c of row.cells) if (c) for (const t of Object.keys(c.states)) types.add(t);
    return stateMix(Object.fromEntries([...types].map((t) => [t, 1])));
  }, [rows]);
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-label="States in the grid">
      {present.map(([type]) => {
        const Glyph = GLYPHS[type];
        return (
          <li key={type} className="inline-flex items-center gap-1">
            <span className="inline-flex size-3 items-center justify-center rounded-sm" style={{ background: stateColor(type) }} aria-hidden="true">
              {Glyph && <Glyph className="size-2.5 text-accent-fg" strokeWidth={3} />}
            </span>
            {stateWord(type)}
          </li>
        );
      })}
    </ul>
  );
}

/** One floating card for the hovered or focused cell (the grid does not re-render on hover). */
export function GridTooltip({ show }: { show: RefObject<(tip: Tip | null) => void> }) {
  const [tip, setTip] = useState<Tip | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const format = useFormatDateTime();
  useEffect(() => {
    show.current = setTip;
    return () => void (show.current = () => undefined);
  }, [show]);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.offsetParent;
    if (!tip || !el || !parent) return setPlace(null);
    const box = parent.getBoundingClientRect();
    const w = el.offsetWidth;
    const left = Math.max(4, Math.min(box.width - w - 4, tip.rect.left - box.left + tip.rect.width / 2 - w / 2));
    const below = tip.rect.bottom - box.top + 6;
    const above = tip.rect.top - box.top - el.offsetHeight - 6;
    setPlace({ left, top: above >= 0 ? above : below });
  }, [tip]);
  if (!tip) return null;
  const { row, cell: c, run } = tip;
  const when = run ? (run.start_time ?? run.expected_start_time) : null;
  return (
    <div
      ref={ref}
      aria-hidden="true"
      data-testid="task-grid-tooltip"
      className="pointer-events-none absolute z-30 max-w-72 rounded-md border border-border bg-surface-raised px-2.5 py-2 text-xs shadow-lg"
      style={{ left: place?.left ?? 0, top: place?.top ?? 0, visibility: place ? 'visible' : 'hidden' }}
    >
      {row && <div className="font-medium break-all">{c ? c.name : row.label}</div>}
      {row && row.label !== row.task_key && !c && <div className="text-fg-muted break-all">{row.task_key}</div>}
      {row?.subflow && !run && <div className="text-fg-muted">Subflow {row.subflow_name} — Enter shows its tasks</div>}
      {c && (
        <div className="mt-1 flex items-center gap-2">
          <StateBadge type={c.state_type} name={c.state_name} size="sm" />
          <span className="tabular-nums">{formatDuration(c.duration)}</span>
        </div>
      )}
      {c && c.count > 1 && <div className="mt-1 text-fg-muted">{describeMix(c.count, c.states)}</div>}
      {row && run && !c && <div className="mt-1 text-fg-muted">Did not run</div>}
      {run && (
        <div className={clsx('text-fg-muted', row && 'mt-1')}>
          {!row && <StateBadge type={run.state_type} name={run.state_name} size="sm" className="mr-1.5" />}
          {run.name}
          {when && <span className="tabular-nums"> · {format(when)}</span>}
        </div>
      )}
    </div>
  );
}
