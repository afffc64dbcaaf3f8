/**
 * Keyset paging over a run's logs by timestamp, so a window deep into a million lines costs
 * the same as the first one: the next page starts at the last timestamp seen (`after_` is
 * inclusive) and skips the lines at that timestamp already shown (`offset` counts only
 * those, never the lines before).
 */

export interface LogLike {
  id: string;
  timestamp: string;
}

export interface LogCursor {
  /** ISO timestamp the next page starts at (inclusive). */
  timestamp: string;
  /** Lines at exactly `timestamp` already loaded. */
  skip: number;
}

/** The cursor after a page in ascending (or, for `before` paging, descending) order. */
export function cursorAfter(page: readonly LogLike[], previous?: LogCursor): LogCursor | undefined {
  const last = page.at(-1);
  if (!last) return previous;
  let skip = 0;
  for (let i = page.length - 1; i >= 0 && page[i].timestamp === last.timestamp; i--) skip++;
  // The whole page sat on the previous cursor's timestamp: keep counting from it.
  if (previous && previous.timestamp === last.timestamp && skip === page.length) skip += previous.skip;
  return { timestamp: last.timestamp, skip };
}

/** The response header on a `/logs/filter` page cut short by its size (~4 MB of messages). */
export const TRUNCATED_HEADER = 'syntask-page-truncated';

/**
 * Whether more lines follow a page in its direction: a full page, or one the server cut
 * short by size (it carries the truncated header and holds fewer than `limit` lines).
 */
export function moreLinesFollow(received: number, limit: number, truncatedHeader: string | null | undefined): boolean {
  if (received >= limit) return true;
  return received > 0 && truncatedHeader !== null && truncatedHeader !== undefined && truncatedHeader !== '';
}

/** Appends a page, dropping lines already present (a live tail may overlap a page). */
export function mergeUnique<T extends LogLike>(existing: readonly T[], page: readonly T[]): T[] {
  if (page.length === 0) return existing as T[];
  const seen = new Set(existing.slice(-Math.max(page.length * 2, 500)).map((l) => l.id));
  return [...existing, ...page.filter((l) => !seen.has(l.id))];
}

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Microseconds since the epoch (the API's precision; a Number holds them exactly until the
 * year 2255), or NaN: ISO strings in different zones or with different fraction digits do
 * not compare as text.
 */
export function isoMicros(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) return Number.NaN;
  const wholeSeconds = Date.parse(`${m[1]}${m[3] ?? 'Z'}`);
  return wholeSeconds * 1000 + Math.round(Number(`0.${m[2] ?? '0'}`) * 1e6);
}

function isoFromMicros(micros: number): string {
  const seconds = Math.floor(micros / 1e6);
  const fraction = String(micros - seconds * 1e6).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}

/**
 * The instant one microsecond before `iso` (the API's precision), as ISO with six fraction
 * digits: an exclusive upper bound for `before_`, which is inclusive.
 */
export function isoMinusMicrosecond(iso: string): string {
  const micros = isoMicros(iso);
  return Number.isNaN(micros) ? iso : isoFromMicros(micros - 1);
}

/** A `timestamp` criterion of the log filter: both bounds inclusive, either may be absent. */
export interface TimeRange {
  after_?: string;
  before_?: string;
}

/** Both ranges at once (a keyset cursor inside an attempt's time range): the later start, the earlier end. */
export function intersectTimeRanges(a: TimeRange | undefined, b: TimeRange | undefined): TimeRange | undefined {
  if (!a) return b;
  if (!b) return a;
  const pick = (x: string | undefined, y: string | undefined, later: boolean) => {
    if (x === undefined) return y;
    if (y === undefined) return x;
    return isoMicros(x) >= isoMicros(y) === later ? x : y;
  };
  const after_ = pick(a.after_, b.after_, true);
  const before_ = pick(a.before_, b.before_, false);
  return { ...(after_ !== undefined ? { after_ } : {}), ...(before_ !== undefined ? { before_ } : {}) };
}
