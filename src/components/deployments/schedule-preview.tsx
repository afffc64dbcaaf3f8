import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ScheduleInput } from '../../api/deployments.ts';
import { buildSchedulePreviewQuery } from '../../api/schedules.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { formatDateTime, zoneOffsetMinutes } from '../../lib/time.ts';
import { offsetText } from '../../lib/zoned-input.ts';
import { Skeleton } from '../ui/skeleton.tsx';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';

/**
 * The next run times of a schedule being edited, computed by the server's scheduler code
 * (`POST /ui/schedules/preview`), in the schedule's zone and the user's, with clock changes
 * marked. `start`: preview from this instant instead of now.
 */
export function SchedulePreview({ schedule, start, onProblem }: { schedule: ScheduleInput | null; start?: string; onProblem?: (message: string | null) => void }) {
  const flags = useFeatureFlags();
  const available = flags?.has('schedule_preview') ?? false;
  const userZone = useTimeZone();
  const clock = useClock();
  const preview = useQuery(buildSchedulePreviewQuery(schedule, { start, count: 10, enabled: available }));
  const problem = preview.isError ? preview.error.message : null;
  useEffect(() => onProblem?.(available ? problem : null), [available, problem, onProblem]);

  if (flags === undefined) return <Skeleton className="h-24 w-full" />;
  if (!available) return <p className="text-fg-muted">Preview not available on this server.</p>;
  if (schedule === null) return <p className="text-fg-muted">Complete the schedule to see its next runs.</p>;
  if (preview.isError) return <p className="text-danger">The server cannot compute this schedule: {preview.error.message}</p>;
  if (!preview.data) return <Skeleton className="h-24 w-full" />;
  const { timezone, dates } = preview.data;
  if (dates.length === 0) return <p className="text-fg-muted">This schedule has no runs after {start ? formatDateTime(start, userZone, 'datetime', true, clock) : 'now'}.</p>;
  const sameZone = timezone === userZone;
  return (
    <table aria-label="Next runs" className={`w-full text-sm tabular-nums ${preview.isPlaceholderData ? 'opacity-60' : ''}`}>
      <thead>
        <tr className="border-b border-border text-left text-xs text-fg-muted">
          <th className="py-1 pr-3 font-medium">#</th>
          <th className="py-1 pr-3 font-medium">Schedule time ({timezone})</th>
          {!sameZone && <th className="py-1 font-medium">Your time ({userZone})</th>}
        </tr>
      </thead>
      <tbody>
        {dates.map((date, i) => {
          const offset = zoneOffsetMinutes(new Date(date), timezone);
          const previous = i > 0 ? zoneOffsetMinutes(new Date(dates[i - 1]), timezone) : offset;
          return (
            <tr key={date} className="border-b border-border/60 last:border-0">
              <td className="py-1 pr-3 text-fg-muted">{i + 1}</td>
              <td className="py-1 pr-3 whitespace-nowrap">
                <time dateTime={date}>{formatDateTime(date, timezone, 'datetime', true, clock)}</time>
                {offset !== previous && (
                  <span className="ml-2 rounded bg-state-scheduled/15 px-1 text-xs text-state-scheduled">
                    clocks change: UTC{offsetText(previous)} → UTC{offsetText(offset)}
                  </span>
                )}
              </td>
              {!sameZone && (
                <td className="py-1 whitespace-nowrap">
                  <time dateTime={date}>{formatDateTime(date, userZone, 'datetime', true, clock)}</time>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
