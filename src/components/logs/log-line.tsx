import { memo, useMemo } from 'react';
import { clsx } from 'clsx';
import { Link } from '@tanstack/react-router';
import { ChevronsDownUp, ChevronsUpDown, Link2 } from 'lucide-react';
import type { Log } from '../../api/logs.ts';
import { parseAnsi, type AnsiSegment } from '../../lib/ansi.ts';
import { previewMessage } from '../../lib/log-message.ts';
import { formatLogTimestamp, type LogDateShown } from '../../lib/log-time.ts';
import { formatDateTime, formatIsoInZone, type Clock } from '../../lib/time.ts';

export const LEVEL_NAMES: Record<number, string> = { 10: 'DEBUG', 20: 'INFO', 30: 'WARNING', 40: 'ERROR', 50: 'CRITICAL' };
export const levelName = (level: number) => LEVEL_NAMES[level] ?? `LEVEL ${level}`;

const levelClass = (level: number) => (level >= 40 ? 'text-danger font-semibold' : level >= 30 ? 'text-warning font-medium' : level <= 10 ? 'text-fg-muted' : 'text-fg');

function ansiColor(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name.startsWith('#')) return name;
  return `var(--ansi-${name.replace('bright-', '')})`;
}

function Segment({ s }: { s: AnsiSegment }) {
  if (!s.fg && !s.bg && !s.bold && !s.italic && !s.underline && !s.dim) return <>{s.text}</>;
  return (
    <span
      style={{ color: ansiColor(s.fg), background: s.bg ? `color-mix(in srgb, ${ansiColor(s.bg)} 25%, transparent)` : undefined }}
      className={clsx(s.bold && 'font-bold', s.italic && 'italic', s.underline && 'underline', s.dim && 'opacity-70')}
    >
      {s.text}
    </span>
  );
}

export interface LogLineProps {
  log: Log;
  zone: string;
  clock: Clock;
  /** How much of the date the view shows for every line (the time of day when all are of today). */
  dateShown: LogDateShown;
  /** `grid-template-columns` of the view: one width for every row, so the columns line up. */
  columns: string;
  highlighted: boolean;
  onLink: (log: Log) => void;
  /** A flow run's lines: a column naming the task run that wrote each line, or "flow". */
  showWriter: boolean;
  /** The writing task run's name once known (its id's start until then; null when it was deleted). */
  taskName?: string | null;
  /** A long message is shown whole (kept by the list, so it survives scrolling out of view). */
  expanded: boolean;
  onToggleExpanded: (id: string) => void;
}

/** Grid columns of a log view: time (as wide as its date needs), level, writer (flow run logs), message, link. */
export function logColumns(timeChars: number, showWriter: boolean): string {
  return `${timeChars}ch 4.75rem ${showWriter ? '9rem ' : ''}minmax(0,1fr) 1.5rem`;
}

export const LogLine = memo(function LogLine({ log, zone, clock, dateShown, columns, highlighted, onLink, showWriter, taskName, expanded, onToggleExpanded }: LogLineProps) {
  const preview = useMemo(() => previewMessage(log.message), [log.message]);
  const text = expanded || !preview.truncated ? log.message : preview.text;
  const segments = useMemo(() => parseAnsi(text), [text]);
  return (
    <div
      data-log-id={log.id}
      aria-current={highlighted ? 'true' : undefined}
      style={{ gridTemplateColumns: columns }}
      className={clsx('group grid gap-2 px-3 py-0.5 font-mono text-xs leading-5', highlighted ? 'bg-accent/15' : log.level >= 40 ? 'bg-danger/10 shadow-[inset_2px_0_0_var(--color-danger)]' : 'hover:bg-surface-hover/60')}
    >
      <time dateTime={log.timestamp} title={`${formatIsoInZone(log.timestamp, zone)} (${zone})`} className="whitespace-nowrap text-fg-muted tabular-nums">
        {formatLogTimestamp(log.timestamp, zone, clock, dateShown)}
      </time>
      <span className={levelClass(log.level)}>{levelName(log.level)}</span>
      {showWriter && <Writer taskRunId={log.task_run_id} name={taskName} />}
      <span className="break-words whitespace-pre-wrap">
        {/* Expanded, "Show less" sits at the top and stays in view: the end of a megabyte is far away. */}
        {preview.truncated && expanded && <ExpandButton log={log} expanded onToggle={onToggleExpanded} />}
        {segments.map((s, i) => (
          <Segment key={i} s={s} />
        ))}
        {preview.truncated && !expanded && <ExpandButton log={log} expanded={false} onToggle={onToggleExpanded} />}
      </span>
      <button type="button" onClick={() => onLink(log)} aria-label={`Link to the line at ${formatDateTime(log.timestamp, zone, 'seconds', true, clock)}`} className="invisible text-fg-muted group-hover:visible hover:text-accent focus:visible">
        <Link2 className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
});

/** The task run that wrote a line (a link to its page), or "flow" for the flow run's own lines. */
function Writer({ taskRunId, name }: { taskRunId: string | null | undefined; name: string | null | undefined }) {
  if (!taskRunId) return <span className="text-fg-muted italic" title="Written by the flow run, outside any task run">flow</span>;
  return (
    <Link to="/runs/task-run/$id" params={{ id: taskRunId }} title={name ? `Task run ${name}` : name === null ? `Task run ${taskRunId} (not found)` : `Task run ${taskRunId}`} className="truncate text-accent hover:underline">
      {name ?? taskRunId.slice(0, 8)}
    </Link>
  );
}

/**
 * "Show all (N characters)" under a cut message, "Show less" pinned above a whole one. The
 * button moves, so focus follows it; collapsing brings the line's start back into view.
 */
function ExpandButton({ log, expanded, onToggle }: { log: Log; expanded: boolean; onToggle: (id: string) => void }) {
  const count = log.message.length.toLocaleString('en');
  return (
    <span className={clsx('flex w-fit items-center gap-2 font-sans', expanded ? 'sticky top-0 z-10 mb-0.5 rounded-b bg-surface-raised/95 pr-1 shadow-sm' : 'mt-0.5')}>
      {!expanded && (
        <span className="text-fg-muted" aria-hidden="true">
          …
        </span>
      )}
      <button
        type="button"
        data-expand-toggle=""
        aria-expanded={expanded}
        onClick={(e) => {
          const row = e.currentTarget.closest('[data-log-id]');
          onToggle(log.id);
          requestAnimationFrame(() => {
            if (expanded) row?.scrollIntoView({ block: 'nearest' });
            row?.querySelector<HTMLElement>('[data-expand-toggle]')?.focus({ preventScroll: true });
          });
        }}
        className="inline-flex items-center gap-1 rounded px-1 text-xs font-medium text-accent hover:underline"
      >
        {expanded ? <ChevronsDownUp className="size-3.5" aria-hidden="true" /> : <ChevronsUpDown className="size-3.5" aria-hidden="true" />}
        {expanded ? 'Show less' : `Show all (${count} characters)`}
      </button>
    </span>
  );
}
