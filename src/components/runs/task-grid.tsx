import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { clsx } from 'clsx';
import { useFeatureFlags } from '../../api/server.ts';
import { buildTaskGridQuery, type TaskGrid as TaskGridData, type TaskGridRow } from '../../api/task-grid.ts';
import { clampPosition, DEFAULT_GRID_RUNS, GRID_SIZES, moveInGrid, visibleRows, type GridPosition } from '../../lib/task-grid.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { countOf } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { GridRow, GridTooltip, HEADER_H, LABEL_W, Legend, MAX_CELL, MIN_CELL, ROW_H, RunHeader, type Tip } from './task-grid-parts.tsx';

/**
 * Runs × tasks: the last N runs of a flow or deployment as columns (newest on the right), task
 * keys as rows (subflows expand to their own rows), each cell the state of that task in that run.
 * An ARIA grid with one tab stop: arrows, Home/End, Page Up/Down move; Enter opens the cell's
 * task run (or the column's flow run, or toggles a subflow). Rows are virtualized.
 */

const FLAG = 'flow_run_task_grid';

export function TaskGridSection({ flowId, deploymentId, runs, onRuns }: { flowId?: string; deploymentId?: string; runs: number | undefined; onRuns: (runs: number | undefined) => void }) {
  const flags = useFeatureFlags();
  const limit = runs ?? DEFAULT_GRID_RUNS;
  const enabled = flags?.has(FLAG) ?? false;
  const grid = useQuery({ ...buildTaskGridQuery(flowId ? { flow_id: flowId, limit } : { deployment_id: deploymentId, limit }), enabled });
  // An older server without the extension: no grid (the runs table below still lists every run).
  if (flags && !enabled) return null;
  const data = grid.data;
  const summary = data && `${countOf(data.runs.length, 'run')} · ${countOf(data.rows.filter((r) => r.depth === 0).length, 'task')}`;
  return (
    <Card className="mb-4" aria-labelledby="task-grid-title">
      <CardHeader
        title={
          <span id="task-grid-title">
            Runs × tasks{summary && <span className="ml-2 font-normal text-fg-muted tabular-nums">{summary}</span>}
          </span>
        }
        actions={<RunsChooser value={limit} onChange={(n) => onRuns(n === DEFAULT_GRID_RUNS ? undefined : n)} />}
      />
      {grid.isError ? (
        <ErrorState error={grid.error} onRetry={() => void grid.refetch()} title="Could not load the task grid" />
      ) : !data ? (
        <div aria-busy="true" aria-label="Loading the task grid" className="grid gap-1.5 p-4">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-4 w-full" />
          ))}
        </div>
      ) : data.runs.length === 0 ? (
        <EmptyState title="No runs yet">Each run that starts adds a column here, with a row per task. Start a run, or wait for the next scheduled one.</EmptyState>
      ) : data.rows.length === 0 ? (
        <EmptyState title="No task runs in these runs">Tasks appear as rows once the runs call them.</EmptyState>
      ) : (
        <TaskGrid data={data} limit={limit} />
      )}
    </Card>
  );
}

function RunsChooser({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <div role="group" aria-label="Runs shown in the grid" className="flex items-center gap-2 text-xs">
      <span className="text-fg-muted" aria-hidden="true">
        Last
      </span>
      <div className="inline-flex overflow-hidden rounded-md border border-border-strong">
        {GRID_SIZES.map((n, i) => (
          <button
            key={n}
            type="button"
            aria-pressed={value === n}
            aria-label={`Last ${n} runs`}
            onClick={() => onChange(n)}
            className={clsx('h-6 px-2 tabular-nums hover:bg-surface-hover aria-pressed:bg-accent aria-pressed:text-accent-fg', i > 0 && 'border-l border-border-strong')}
          >
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}

/** A row's identity across refetches (indices move when new keys appear): its key path. */
function rowPaths(rows: readonly TaskGridRow[]): string[] {
  const paths: string[] = [];
  rows.forEach((row, i) => (paths[i] = row.parent === null ? row.task_key : `${paths[row.parent]}\u0000${row.task_key}`));
  return paths;
}

function TaskGrid({ data, limit }: { data: TaskGridData; limit: number }) {
  const navigate = useNavigate();
  const gridRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<GridPosition>({ row: 1, col: data.runs.length });
  const focusWanted = useRef(false);
  const [width, setWidth] = useState(0);
  const tip = useRef<(tip: Tip | null) => void>(() => undefined);

  const paths = useMemo(() => rowPaths(data.rows), [data.rows]);
  const shown = useMemo(() => {
    const open = new Set<number>();
    paths.forEach((p, i) => expanded.has(p) && open.add(i));
    return visibleRows(data.rows, open);
  }, [data.rows, paths, expanded]);
  const size = { rows: shown.length, cols: data.runs.length };
  const at = clampPosition(active, size);

  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor((width - LABEL_W - 8) / Math.max(1, data.runs.length))));
  const columns = `${LABEL_W}px repeat(${data.runs.length}, ${cell}px)`;

  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => gridRef.current, estimateSize: () => ROW_H, overscan: 8, scrollMargin: HEADER_H });

  // After a keyboard move: scroll the cell clear of the sticky header and labels (which renders its row), then focus it.
  useEffect(() => {
    const el = gridRef.current;
    if (!focusWanted.current || !el) return;
    if (at.row > 0) {
      const top = (at.row - 1) * ROW_H;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_H + HEADER_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H + HEADER_H - el.clientHeight;
    }
    if (at.col > 0) {
      const left = (at.col - 1) * cell;
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (left + cell + LABEL_W > el.scrollLeft + el.clientWidth) el.scrollLeft = left + cell + LABEL_W - el.clientWidth;
    }
    let tries = 0;
    const focus = () => {
      const target = el.querySelector<HTMLElement>(`[data-pos="${at.row}:${at.col}"]`);
      if (target) {
        focusWanted.current = false;
        target.focus({ preventScroll: true });
      } else if (tries++ < 10) requestAnimationFrame(focus);
    };
    focus();
  }, [at.row, at.col, cell]);

  const toggle = useCallback(
    (rowIndex: number) => {
      const path = paths[rowIndex];
      setExpanded((current) => {
        const next = new Set(current);
        if (next.has(path)) next.delete(path);
        else next.add(path);
        return next;
      });
    },
    [paths],
  );

  const posOf = (el: Element | null): GridPosition | null => {
    const pos = el?.closest<HTMLElement>('[data-pos]')?.dataset.pos;
    if (!pos) return null;
    const [row, col] = pos.split(':').map(Number);
    return { row, col };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = posOf(e.target as Element);
    if (!from) return;
    const rowIndex = from.row > 0 ? shown[from.row - 1] : -1;
    if ((e.key === 'Enter' || e.key === ' ') && from.col === 0 && rowIndex >= 0 && data.rows[rowIndex].subflow) {
      e.preventDefault();
      toggle(rowIndex);
      return;
    }
    const next = moveInGrid(from, e.key, size, e.ctrlKey || e.metaKey);
    if (!next) return;
    e.preventDefault();
    focusWanted.current = true;
    setActive(next);
  };

  // Links open through the router (a modified click keeps the browser's new tab or window).
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target as Element;
    const header = target.closest<HTMLElement>('[data-row-toggle]');
    if (header) {
      toggle(Number(header.dataset.rowToggle));
      return;
    }
    const link = target.closest<HTMLAnchorElement>('a[data-task-run], a[data-flow-run]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (link.dataset.taskRun) void navigate({ to: '/runs/task-run/$id', params: { id: link.dataset.taskRun } });
    else if (link.dataset.flowRun) void navigate({ to: '/runs/flow-run/$id', params: { id: link.dataset.flowRun } });
  };

  const showTip = (el: Element | null) => {
    const pos = posOf(el);
    const target = el?.closest<HTMLElement>('[data-pos]');
    if (!pos || !target || (pos.row === 0 && pos.col === 0)) return tip.current(null);
    const row = pos.row > 0 ? data.rows[shown[pos.row - 1]] : undefined;
    const run = pos.col > 0 ? data.runs[pos.col - 1] : undefined;
    if (pos.col === 0 && row && row.label === row.task_key && !row.subflow) return tip.current(null);
    tip.current({ rect: target.getBoundingClientRect(), row, run, cell: row && pos.col > 0 ? row.cells[pos.col - 1] : undefined });
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="relative">
      <div
        ref={gridRef}
        role="grid"
        aria-label={`Task runs of the last ${limit} runs, oldest on the left`}
        aria-rowcount={shown.length + 1}
        aria-colcount={data.runs.length + 1}
        className="relative max-h-[22rem] overflow-auto"
        onKeyDown={onKeyDown}
        onClick={onClick}
        onFocus={(e) => {
          const pos = posOf(e.target as Element);
          if (pos && (pos.row !== at.row || pos.col !== at.col)) setActive(pos);
          showTip(e.target as Element);
        }}
        onBlur={() => tip.current(null)}
        onMouseOver={(e) => showTip(e.target as Element)}
        onMouseLeave={() => tip.current(null)}
      >
        <div role="rowgroup" className="sticky top-0 z-20" style={{ width: LABEL_W + data.runs.length * cell }}>
          <div role="row" aria-rowindex={1} className="grid border-b border-border bg-surface-raised" style={{ gridTemplateColumns: columns, height: HEADER_H }}>
            <div role="columnheader" data-pos="0:0" tabIndex={at.row === 0 && at.col === 0 ? 0 : -1} className="sticky left-0 z-10 flex items-center bg-surface-raised px-3 text-xs font-medium text-fg-muted">
              Task
            </div>
            {data.runs.map((run, i) => (
              <RunHeader key={run.id} run={run} col={i + 1} focusable={at.row === 0 && at.col === i + 1} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize(), width: LABEL_W + data.runs.length * cell }}>
          {items.map((item) => {
            const rowIndex = shown[item.index];
            const row = data.rows[rowIndex];
            const gridRow = item.index + 1;
            return (
              <GridRow
                key={paths[rowIndex]}
                row={row}
                rowIndex={rowIndex}
                gridRow={gridRow}
                runs={data.runs}
                columns={columns}
                cell={cell}
                top={item.start - HEADER_H}
                expanded={expanded.has(paths[rowIndex])}
                activeCol={at.row === gridRow ? at.col : -1}
              />
            );
          })}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-border px-4 py-2 text-xs text-fg-muted">
        <span>Oldest run on the left, newest on the right. Arrow keys move, Enter opens.</span>
        <Legend rows={data.rows} />
        {data.omitted_rows > 0 && <span>{data.omitted_rows.toLocaleString('en')} more task keys not shown.</span>}
      </div>
      <GridTooltip show={tip} />
    </div>
  );
}
