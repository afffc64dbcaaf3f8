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

/** Appends a page, dropping lines already present (a live tail may overlap a page). */
export function mergeUnique<T extends LogLike>(existing: readonly T[], page: readonly T[]): T[] {
  if (page.length === 0) return existing as T[];
  const seen = new Set(existing.slice(-Math.max(page.length * 2, 500)).map((l) => l.id));
  return [...existing, ...page.filter((l) => !seen.has(l.id))];
}

/**
 * The instant one microsecond before `iso` (the API's precision), as ISO with six fraction
 * digits: an exclusive upper bound for `before_`, which is inclusive.
 */
export function isoMinusMicrosecond(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const wholeSeconds = Date.parse(`${m[1]}${m[3] ?? 'Z'}`);
  const micros = wholeSeconds * 1000 + Math.round(Number(`0.${m[2] ?? '0'}`) * 1e6) - 1;
  const seconds = Math.floor(micros / 1e6);
  const fraction = String(micros - seconds * 1e6).padStart(6, '0');
  return `${new Date(seconds * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}
