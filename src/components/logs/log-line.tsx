import { memo } from 'react';
import { clsx } from 'clsx';
import { Link2 } from 'lucide-react';
import type { Log } from '../../api/logs.ts';
import { parseAnsi, type AnsiSegment } from '../../lib/ansi.ts';
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

export const LogLine = memo(function LogLine({ log, zone, clock, highlighted, onLink, taskName }: { log: Log; zone: string; clock: Clock; highlighted: boolean; onLink: (log: Log) => void; taskName?: React.ReactNode }) {
  return (
    <div
      data-log-id={log.id}
      aria-current={highlighted ? 'true' : undefined}
      className={clsx('group grid grid-cols-[6.5rem_4.75rem_minmax(0,1fr)_1.5rem] gap-2 px-3 py-0.5 font-mono text-xs leading-5', highlighted ? 'bg-accent/15' : log.level >= 40 ? 'bg-danger/10 shadow-[inset_2px_0_0_var(--color-danger)]' : 'hover:bg-surface-hover/60')}
    >
      <time dateTime={log.timestamp} title={`${formatIsoInZone(log.timestamp, zone)} (${zone})`} className="text-fg-muted tabular-nums">
        {formatDateTime(log.timestamp, zone, 'time', false, clock)}
        {'.' + String(new Date(log.timestamp).getUTCMilliseconds()).padStart(3, '0')}
      </time>
      <span className={levelClass(log.level)}>{levelName(log.level)}</span>
      <span className="break-words whitespace-pre-wrap">
        {taskName && <span className="mr-2 text-fg-muted">{taskName}</span>}
        {parseAnsi(log.message).map((s, i) => (
          <Segment key={i} s={s} />
        ))}
      </span>
      <button type="button" onClick={() => onLink(log)} aria-label={`Link to the line at ${formatDateTime(log.timestamp, zone, 'seconds', true, clock)}`} className="invisible text-fg-muted group-hover:visible hover:text-accent focus:visible">
        <Link2 className="size-3.5" aria-hidden="true" />
      </button>
    </div>
  );
});
