/**
 * The time column of a log line: the time of day (with milliseconds) for a line of today in
 * the user's zone, with the day in front when it is not today, and the year when it is not
 * this year. One view shows all its lines the same way, so the column stays aligned.
 */
import { formatDateTime, type Clock } from './time.ts';

/** `time`: 14:03:22.123; `day`: Jan 5 14:03:22.123; `year`: 2025-12-31 23:59:59.123. */
export type LogDateShown = 'time' | 'day' | 'year';

const ORDER: Record<LogDateShown, number> = { time: 0, day: 1, year: 2 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** What a line at `timestamp` needs shown, `now` being the current instant. */
export function logDateShown(timestamp: string, zone: string, now: number): LogDateShown {
  const day = formatDateTime(timestamp, zone, 'date');
  const today = formatDateTime(now, zone, 'date');
  if (day === today) return 'time';
  return day.slice(0, 4) === today.slice(0, 4) ? 'day' : 'year';
}

/**
 * What a view of lines, ascending by time, shows for every line: as much as its least recent
 * line needs. Days are contiguous, so the first and the last line decide.
 */
export function logDateShownForLines(ascending: readonly { timestamp: string }[], zone: string, now: number): LogDateShown {
  const first = ascending[0];
  const last = ascending.at(-1);
  if (!first || !last) return 'time';
  const a = logDateShown(first.timestamp, zone, now);
  const b = logDateShown(last.timestamp, zone, now);
  return ORDER[a] >= ORDER[b] ? a : b;
}

export function formatLogTimestamp(timestamp: string, zone: string, clock: Clock, shown: LogDateShown): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const ms = `.${String(date.getUTCMilliseconds()).padStart(3, '0')}`;
  const time = formatDateTime(date, zone, 'time', false, clock);
  // 12-hour clock: 2:03:22.123 PM, the milliseconds with the seconds.
  const clockTime = clock === '12h' ? time.replace(/ (AM|PM)$/, `${ms} $1`) : time + ms;
  if (shown === 'time') return clockTime;
  const day = formatDateTime(date, zone, 'date');
  if (shown === 'year') return `${day} ${clockTime}`;
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))} ${clockTime}`;
}

/** Width of the time column in characters of the monospace log font. */
export function logTimeColumnChars(shown: LogDateShown, clock: Clock): number {
  return { time: 12, day: 19, year: 23 }[shown] + (clock === '12h' ? 3 : 0);
}
