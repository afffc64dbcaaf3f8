import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Maximize2, ZoomIn, ZoomOut } from 'lucide-react';
import { buildFlowRunGraphQuery, graphRow, type FlowRun, type GraphRow } from '../../api/flow-runs.ts';
import { isActiveState } from '../../api/live.ts';
import { nodeRunTimeSeconds } from '../../lib/attempts.ts';
import { fitScale, pan, ticks, toX, zoom, type TimeScale } from '../../lib/gantt.ts';
import { formatDateTime, formatDuration } from '../../lib/time.ts';
import { Button } from '../ui/button.tsx';
import { stateColor, stateWord } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useClock, useNow, useTimeZone } from '../ui/use-time-zone.ts';

const ROW = 24;
const LABEL_WIDTH = 240;

/** Gantt of the run's task runs and subflows by start/end: zoom (buttons, Ctrl+wheel), pan (drag, wheel), a live "now" line. */
export default function RunTimeline({ run }: { run: FlowRun }) {
  const graph = useQuery(buildFlowRunGraphQuery(run.id));
  const zone = useTimeZone();
  const clock = useClock();
  const navigate = useNavigate();
  const active = isActiveState(run.state_type);
  const now = useNow(active ? 1000 : 3_600_000);
  const rows: GraphRow[] = useMemo(
    () =>
      (graph.data?.nodes ?? [])
        .map(([, n]) => graphRow(n))
        .sort((a, b) => a.start - b.start || (a.end ?? Infinity) - (b.end ?? Infinity)),
    [graph.data],
  );
  const bounds = useMemo(() => {
    const start = rows.length ? Math.min(...rows.map((r) => r.start)) : Date.parse(run.start_time ?? run.expected_start_time ?? new Date(now).toISOString());
    // Fitted to the run, however short (a 80 ms run fills the axis), with a little room after the last bar.
    const last = Math.max(start + 20, ...rows.map((r) => r.end ?? now), run.end_time ? Date.parse(run.end_time) : 0);
    return { start, end: last + (last - start) * 0.04 };
  }, [rows, run, now]);

  const chartRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [scale, setScale] = useState<TimeScale | null>(null);
  useEffect(() => {
    const el = chartRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, entry.contentRect.width - LABEL_WIDTH - 12)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [graph.data]);
  const view = scale ? { ...scale, width } : fitScale(bounds.start, bounds.end, width);
  const fit = () => setScale(null);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  const drag = useRef<{ x: number } | null>(null);

  // Wheel: Ctrl/⌘ zooms around the pointer, Shift pans in time; plain wheel scrolls rows.
  useEffect(() => {
    const el = chartRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const x = e.clientX - el.getBoundingClientRect().left - LABEL_WIDTH;
      if (x < 0) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        setScale((s) => zoom(s ? { ...s, width } : fitScale(bounds.start, bounds.end, width), e.deltaY < 0 ? 1.25 : 0.8, x, bounds));
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        setScale((s) => pan(s ? { ...s, width } : fitScale(bounds.start, bounds.end, width), e.deltaX || e.deltaY, bounds));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [width, bounds]);

  if (graph.isError) {
    const tooLarge = (graph.error as { status?: number }).status === 400;
    return tooLarge ? <EmptyState title="Too many task runs for the timeline">{graph.error.message} The Task runs tab lists them.</EmptyState> : <ErrorState error={graph.error} onRetry={() => void graph.refetch()} />;
  }
  if (!graph.data) return <Skeleton className="m-3 h-80 w-[calc(100%-1.5rem)]" />;
  if (rows.length === 0) return <EmptyState title="Nothing to show yet">Task runs appear on the timeline once they start.</EmptyState>;

  const { times, step } = ticks(view, 90);
  const tickStyle = step >= 86_400_000 ? 'date' : step >= 60_000 ? 'datetime' : 'time';
  const nowX = toX(view, now);

  return (
    <div ref={chartRef} className="relative select-none" data-testid="run-timeline">
      <div className="flex items-center gap-2 border-b border-border px-3 py-2 text-xs">
        <span className="text-fg-muted tabular-nums">
          {rows.length.toLocaleString('en')} runs · times in {zone}
        </span>
        <div className="ml-auto flex gap-1">
          <Button aria-label="Zoom in" onClick={() => setScale(zoom(view, 1.5, width / 2, bounds))}>
            <ZoomIn aria-hidden="true" />
          </Button>
          <Button aria-label="Zoom out" onClick={() => setScale(zoom(view, 1 / 1.5, width / 2, bounds))}>
            <ZoomOut aria-hidden="true" />
          </Button>
          <Button onClick={fit}>
            <Maximize2 aria-hidden="true" />
            Fit
          </Button>
        </div>
      </div>
      {/* Axis */}
      <div className="relative h-6 border-b border-border" style={{ marginLeft: LABEL_WIDTH }} aria-hidden="true">
        {times.map((t) => (
          <span key={t} className="absolute top-1 -translate-x-1/2 text-[10px] whitespace-nowrap text-fg-muted tabular-nums" style={{ left: toX(view, t) }}>
            {formatDateTime(t, zone, tickStyle, false, clock)}
            {step < 1000 && `.${String(new Date(t).getUTCMilliseconds()).padStart(3, '0')}`}
          </span>
        ))}
      </div>
      <div
        ref={scrollRef}
        className="relative h-[calc(100dvh-24rem)] min-h-72 cursor-grab overflow-x-hidden overflow-y-auto active:cursor-grabbing"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('button')) return;
          drag.current = { x: e.clientX };
        }}
        onPointerMove={(e) => {
          if (!drag.current) return;
          const dx = drag.current.x - e.clientX;
          drag.current = { x: e.clientX };
          if (dx !== 0) setScale(pan(view, dx, bounds));
        }}
        onPointerUp={() => (drag.current = null)}
        onPointerLeave={() => (drag.current = null)}
      >
        <div role="list" aria-label="Timeline" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {/* Grid lines */}
          {times.map((t) => (
            <div key={t} aria-hidden="true" className="absolute top-0 bottom-0 w-px bg-border/70" style={{ left: LABEL_WIDTH + toX(view, t) }} />
          ))}
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index];
            const x1 = toX(view, r.start);
            const x2 = toX(view, r.end ?? now);
            const left = Math.max(-10, x1);
            const barWidth = Math.max(3, Math.min(width + 10, x2) - left);
            // The bar spans first start to last end; its label is the time it actually ran.
            const duration = formatDuration(nodeRunTimeSeconds(r.node, now));
            const span = formatDuration(((r.end ?? now) - r.start) / 1000);
            const open = () => void navigate(r.kind === 'flow-run' ? { to: '/runs/flow-run/$id', params: { id: r.id } } : { to: '/runs/task-run/$id', params: { id: r.id } });
            return (
              <div key={r.id} role="listitem" className="absolute right-0 left-0 flex items-center hover:bg-surface-hover/50" style={{ top: item.start, height: ROW }}>
                <span className="sticky left-0 z-10 flex h-full shrink-0 items-center truncate border-r border-border bg-surface-raised px-3 text-xs" style={{ width: LABEL_WIDTH }} title={r.label}>
                  {r.kind === 'flow-run' && <span className="mr-1 text-fg-muted">subflow</span>}
                  {r.label}
                </span>
                <div className="relative h-full flex-1 overflow-hidden">
                  <button
                    type="button"
                    onClick={open}
                    aria-label={`${r.label}: ${stateWord(r.state)}, ${duration}`}
                    title={`${r.label} · ${stateWord(r.state)} · ${formatDateTime(r.start, zone, 'seconds', true, clock)} · ran ${duration}${span !== duration ? ` (${span} from start to end)` : ''}`}
                    className="absolute top-1 bottom-1 rounded-sm hover:brightness-110 focus-visible:outline-2"
                    style={{ left, width: barWidth, background: `color-mix(in srgb, ${stateColor(r.state)} ${r.end ? 90 : 70}%, transparent)` }}
                  >
                    {barWidth > 60 && <span className="m-px inline-block max-w-[calc(100%-2px)] truncate rounded-sm bg-surface px-1 text-left text-[10px] leading-[14px] font-medium text-fg">{duration}</span>}
                  </button>
                </div>
              </div>
            );
          })}
          {active && nowX >= 0 && nowX <= width && (
            <div aria-label="Now" className="pointer-events-none absolute top-0 bottom-0 w-0.5 bg-accent" style={{ left: LABEL_WIDTH + nowX }} />
          )}
        </div>
      </div>
    </div>
  );
}
