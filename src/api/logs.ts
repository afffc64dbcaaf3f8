import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { cursorAfter, intersectTimeRanges, isoMinusMicrosecond, moreLinesFollow, TRUNCATED_HEADER, type LogCursor, type TimeRange } from '../lib/log-window.ts';
import type { LogSearch } from '../lib/run-page-search.ts';
import { api, unwrap, type Schemas } from './client.ts';

export type Log = Schemas['Log'];
export type LogFilter = Schemas['LogFilter'];

/** The server's maximum `limit` for `/logs/filter`. */
export const LOG_PAGE_SIZE = 200;

export interface LogScope {
  flowRunId?: string;
  /** One task run's lines (on the task run page, or a flow run's lines filtered by task run). */
  taskRunId?: string;
  /** Only the lines the flow run wrote itself, outside any task run (needs the `log_flow_only` extension). */
  flowOnly?: boolean;
  /** Minimum level (0 = all). */
  level: number;
  /** Case-insensitive substring of the message (needs the `log_search` extension). */
  search: string;
  /** Only lines in this time range (one attempt of the run). */
  range?: TimeRange;
}

/**
 * The scope of a run page's log view from its URL filters; the route's prefetch builds the
 * same one, so both share the query key.
 */
export function runLogScope(run: { flowRunId?: string; taskRunId?: string }, search: LogSearch, options: { canSearch: boolean; canFilterFlowOnly: boolean; range?: TimeRange }): LogScope {
  // The writer filter is the flow run page's; the task run page always shows its own lines.
  const source = run.taskRunId ? undefined : search.source;
  return {
    flowRunId: run.flowRunId,
    taskRunId: run.taskRunId ?? (source && source !== 'flow' ? source : undefined),
    flowOnly: source === 'flow' && options.canFilterFlowOnly ? true : undefined,
    level: search.level ?? 0,
    search: options.canSearch ? (search.q ?? '') : '',
    range: options.range,
  };
}

/** Where a log window opens: the first line, the last line, or at an instant (a linked line, the first error). */
export type LogAnchor = { at: 'start' } | { at: 'end' } | { at: 'time'; timestamp: string };

export type LogPageParam = { dir: 'after'; cursor?: LogCursor } | { dir: 'before'; cursor?: LogCursor };

export interface LogPage {
  /** Ascending by timestamp. */
  lines: Log[];
  /** No more lines before / after this page (when it was fetched). */
  atStart: boolean;
  atEnd: boolean;
  startCursor?: LogCursor;
  endCursor?: LogCursor;
}

export const logKeys = {
  all: ['logs'] as const,
  windows: () => [...logKeys.all, 'window'] as const,
  window: (scope: LogScope, anchor: LogAnchor) => [...logKeys.windows(), scope, anchor] as const,
  count: (scope: LogScope) => [...logKeys.all, 'count', scope] as const,
  firstError: (scope: LogScope) => [...logKeys.all, 'first-error', scope] as const,
  adjacentError: (scope: LogScope, from: LogLineRef | null, direction: ErrorDirection) => [...logKeys.all, 'adjacent-error', scope, from, direction] as const,
};

/** The scope as a log filter; a keyset cursor's `timestamp` in `extra` stays within the scope's time range. */
export function logFilter(scope: Partial<LogScope>, extra: Omit<LogFilter, 'timestamp'> & { timestamp?: TimeRange } = {}): LogFilter {
  const { timestamp: cursor, ...rest } = extra;
  const timestamp = intersectTimeRanges(scope.range, cursor);
  return {
    ...(scope.flowRunId ? { flow_run_id: { any_: [scope.flowRunId] } } : {}),
    ...(scope.taskRunId ? { task_run_id: { any_: [scope.taskRunId] } } : scope.flowOnly ? { task_run_id: { is_null_: true } } : {}),
    ...(scope.level ? { level: { ge_: scope.level } } : {}),
    ...(scope.search ? { message: { like_: scope.search } } : {}),
    ...(timestamp ? { timestamp } : {}),
    ...rest,
  };
}

/** One keyset page: never a deep OFFSET, only the lines sharing the cursor's timestamp are skipped. */
export async function fetchLogPage(scope: LogScope, param: LogPageParam, signal?: AbortSignal): Promise<LogPage> {
  const { dir, cursor } = param;
  const timestamp = cursor ? (dir === 'after' ? { after_: cursor.timestamp } : { before_: cursor.timestamp }) : undefined;
  const call = api.POST('/api/logs/filter', {
    body: { logs: logFilter(scope, timestamp ? { timestamp } : {}), sort: dir === 'after' ? 'TIMESTAMP_ASC' : 'TIMESTAMP_DESC', limit: LOG_PAGE_SIZE, offset: cursor?.skip ?? 0 },
    signal,
  });
  const rows = await unwrap(call);
  // A page of long messages stops early (~4 MB) yet is not the end: the header says so.
  const more = moreLinesFollow(rows.length, LOG_PAGE_SIZE, (await call).response.headers.get(TRUNCATED_HEADER));
  if (dir === 'after') {
    const first = rows[0];
    return {
      lines: rows,
      atStart: !cursor,
      atEnd: !more,
      // Lines before the first one of an ascending page: strictly earlier instants.
      startCursor: first ? { timestamp: isoMinusMicrosecond(first.timestamp), skip: 0 } : cursor,
      endCursor: cursorAfter(rows, cursor),
    };
  }
  const ascending = [...rows].reverse();
  const last = ascending.at(-1);
  return {
    lines: ascending,
    atStart: !more,
    atEnd: !cursor,
    startCursor: cursorAfter(rows, cursor),
    endCursor: last ? { timestamp: last.timestamp, skip: ascending.filter((l) => l.timestamp === last.timestamp).length } : cursor,
  };
}

/** Keeps at most this many pages (200 lines each) in memory; scrolling further drops the far side. */
const MAX_PAGES = 25;

export function buildLogWindowQuery(scope: LogScope, anchor: LogAnchor) {
  const initialPageParam: LogPageParam =
    anchor.at === 'start' ? { dir: 'after' } : anchor.at === 'end' ? { dir: 'before' } : { dir: 'after', cursor: { timestamp: anchor.timestamp, skip: 0 } };
  return infiniteQueryOptions({
    queryKey: logKeys.window(scope, anchor),
    queryFn: ({ pageParam, signal }) => fetchLogPage(scope, pageParam, signal),
    initialPageParam,
    // Always a cursor: a live tail asks for lines after the end again when new ones arrive.
    getNextPageParam: (last: LogPage): LogPageParam => ({ dir: 'after', cursor: last.endCursor }),
    getPreviousPageParam: (first: LogPage): LogPageParam | undefined => (first.atStart || !first.startCursor ? undefined : { dir: 'before', cursor: first.startCursor }),
    maxPages: MAX_PAGES,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function buildLogCountQuery(scope: LogScope, enabled: boolean) {
  return queryOptions({
    queryKey: logKeys.count(scope),
    enabled,
    queryFn: ({ signal }) => unwrap(api.POST('/api/logs/count', { body: { logs: logFilter(scope) }, signal })),
  });
}

/** The first line at level ERROR or above within the scope's other filters (task run, attempt, search). */
export function buildFirstErrorQuery(scope: LogScope, enabled = true) {
  const errors: LogScope = { ...scope, level: Math.max(40, scope.level) };
  return queryOptions({
    queryKey: logKeys.firstError(errors),
    enabled,
    queryFn: async ({ signal }) => {
      const rows = await unwrap(api.POST('/api/logs/filter', { body: { logs: logFilter(errors), sort: 'TIMESTAMP_ASC', limit: 1 }, signal }));
      return rows[0] ?? null;
    },
  });
}

/** Every line of the scope as text, page by page (keyset), reporting progress; stops when `signal` aborts. */
export async function downloadLogs(scope: LogScope, format: (log: Log) => string, onProgress: (lines: number) => void, signal: AbortSignal): Promise<Blob> {
  const chunks: string[] = [];
  let param: LogPageParam = { dir: 'after' };
  let lines = 0;
  for (;;) {
    const page = await fetchLogPage(scope, param, signal);
    chunks.push(page.lines.map((l) => format(l) + '\n').join(''));
    lines += page.lines.length;
    onProgress(lines);
    if (page.atEnd) break;
    param = { dir: 'after', cursor: page.endCursor };
  }
  return new Blob(chunks, { type: 'text/plain;charset=utf-8' });
}

export type ErrorDirection = 'next' | 'previous';
export type LogLineRef = Pick<Log, 'id' | 'timestamp'>;

/** Enough rows to step past lines that share the starting line's instant. */
const ADJACENT_SCAN = 50;

/**
 * The error line (ERROR or above, within the scope's search) after or before a line, found by
 * the server so errors far outside the loaded window are reached too; `null` when there is none.
 */
export function buildAdjacentErrorQuery(scope: LogScope, from: LogLineRef | null, direction: ErrorDirection) {
  return queryOptions({
    queryKey: logKeys.adjacentError(scope, from, direction),
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const next = direction === 'next';
      const timestamp = from ? (next ? { after_: from.timestamp } : { before_: from.timestamp }) : undefined;
      const scan = (offset: number, limit: number) =>
        unwrap(
          api.POST('/api/logs/filter', {
            body: { logs: logFilter({ ...scope, level: Math.max(40, scope.level) }, timestamp ? { timestamp } : {}), sort: next ? 'TIMESTAMP_ASC' : 'TIMESTAMP_DESC', limit, offset },
            signal,
          }),
        );
      const rows = await scan(0, ADJACENT_SCAN);
      if (!from) return rows[0] ?? null;
      // From an error line: the one after it in the server's order; from any other line: the nearest error.
      const at = rows.findIndex((r) => r.id === from.id);
      if (at < 0) return rows[0] ?? null;
      // A page cut short by size may end at the starting line: ask for the one after it.
      if (at + 1 === rows.length && rows.length < ADJACENT_SCAN) return (await scan(at + 1, 1))[0] ?? null;
      return rows[at + 1] ?? null;
    },
  });
}
