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
