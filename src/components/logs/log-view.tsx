import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownToLine, ArrowUpToLine, ChevronDown, ChevronUp, CircleAlert, Radio, Search } from 'lucide-react';
import { buildAdjacentErrorQuery, buildFirstErrorQuery, buildLogCountQuery, buildLogWindowQuery, logKeys, runLogScope, type ErrorDirection, type Log, type LogAnchor } from '../../api/logs.ts';
import { onRunLogs } from '../../api/live.ts';
import { invalidateAfterChange } from '../../api/refetch.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { logDateShown, logDateShownForLines, logTimeColumnChars } from '../../lib/log-time.ts';
import type { Attempt } from '../../lib/attempts.ts';
import { attemptTimeRange, withAttemptSeparators, type LogRow } from '../../lib/log-attempts.ts';
import { LOG_LEVELS, lineRef, parseLineRef, type LogSearch } from '../../lib/run-page-search.ts';
import { formatDateTime, type Clock } from '../../lib/time.ts';
import { useShortcut } from '../shell/use-shortcut.ts';
import { Button } from '../ui/button.tsx';
import { Input, Select } from '../ui/form.tsx';
import { formatCount } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useClock, useNow, useTimeZone } from '../ui/use-time-zone.ts';
import { DownloadLogsButton } from './download-logs.tsx';
import { AttemptFilter, LogSourceFilter } from './log-filters.tsx';
import { logColumns, LogLine } from './log-line.tsx';
import { useRunAttempts, useTaskRunNames } from './use-log-writers.ts';
import { useTypingPause } from '../ui/use-typing-pause.ts';

export interface LogViewProps {
  flowRunId?: string;
  taskRunId?: string;
  /** The flow run whose live signals mean new lines (the page's run). */
  liveRunId?: string;
  /** The run is still active: follow new lines at the end. */
  active: boolean;
  search: LogSearch;
  onSearch: (patch: LogSearch) => void;
  /** File name of a download, without extension. */
  downloadName: string;
}

const AT_BOTTOM_PX = 48;
const NO_IDS: string[] = [];
const PREFETCH_ROWS = 30;

/**
 * A run's logs: a virtualized window over keyset pages (200 lines each, at most 5,000 kept),
 * opened at the start, the end, a linked line or the first error; the server filters by level,
 * task run and attempt and searches the text, so lines that are not loaded are found too. A
 * flow run's lines name the task run that wrote them; a run that ran more than once shows
 * where each attempt starts.
 */
export function LogView({ flowRunId, taskRunId, liveRunId, active, search, onSearch, downloadName }: LogViewProps) {
  const zone = useTimeZone();
  const clock = useClock();
  const flags = useFeatureFlags();
  const canSearch = flags?.has('log_search') ?? false;
  const canFilterFlowOnly = flags?.has('log_flow_only') ?? false;
  // A flow run's lines come from the flow and its task runs: say which, and filter by it.
  const showWriter = !!flowRunId && !taskRunId;
  const { attempts, ready: attemptsReady } = useRunAttempts(flowRunId, taskRunId);
  const range = useMemo(() => (search.attempt ? attemptTimeRange(attempts, search.attempt) : undefined), [attempts, search.attempt]);
  const { level, q: searchText, source } = search;
  const scope = useMemo(
    () => runLogScope({ flowRunId, taskRunId }, { level, q: searchText, source }, { canSearch, canFilterFlowOnly, range }),
    [flowRunId, taskRunId, level, searchText, source, canSearch, canFilterFlowOnly, range],
  );
  // An attempt in the URL waits for the state history (and "flow only" for the server's flags), so the window opens filtered, not twice.
  const ready = (!search.attempt || attemptsReady) && (search.source !== 'flow' || flags !== undefined);
  const linked = search.line ? parseLineRef(search.line) : null;
  const [anchor, setAnchor] = useState<LogAnchor>(() => (linked ? { at: 'time', timestamp: linked.timestamp } : { at: 'start' }));
  const query = useInfiniteQuery({ ...buildLogWindowQuery(scope, anchor), enabled: ready });
  const count = useQuery(buildLogCountQuery(scope, canSearch && ready));
  const firstError = useQuery(buildFirstErrorQuery(scope, ready));
  const { refetch: refetchFirstError } = firstError;
  const noErrorYet = firstError.data === null;
  const queryClient = useQueryClient();

  const lines = useMemo(() => query.data?.pages.flatMap((p) => p.lines) ?? [], [query.data]);
  const rows = useMemo(() => withAttemptSeparators(lines, attempts), [lines, attempts]);
  const writerIds = useMemo(() => {
    if (!showWriter) return NO_IDS;
    const ids = new Set<string>();
    for (const l of lines) if (l.task_run_id) ids.add(l.task_run_id);
    if (search.source && search.source !== 'flow') ids.add(search.source);
    return [...ids];
  }, [lines, showWriter, search.source]);
  const taskNames = useTaskRunNames(writerIds);
  // The date shows when a line is not of today; "today" moves on at midnight.
  const now = useNow(60_000);
  const dateShown = useMemo(() => logDateShownForLines(lines, zone, now), [lines, zone, now]);
  const columns = logColumns(logTimeColumnChars(dateShown, clock), showWriter);
  const atEnd = query.data?.pages.at(-1)?.atEnd ?? false;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 22,
    overscan: 24,
    getItemKey: (i) => (rows[i] ? rowKey(rows[i]) : i),
  });
  const items = virtualizer.getVirtualItems();

  // Following: at the bottom of an active run, new lines are appended and kept in view.
  const [following, setFollowing] = useState(anchor.at === 'end');
  // Follow turned off by the user (`f`): new lines wait below until they turn it on again.
  const [followPaused, setFollowPaused] = useState(false);
  const [newLines, setNewLines] = useState(false);

  // Keep the first visible row in place when earlier lines are prepended.
  const keepInView = useRef<{ key: string; offset: number } | null>(null);
  useLayoutEffect(() => {
    const keep = keepInView.current;
    if (!keep) return;
    const index = rows.findIndex((r) => rowKey(r) === keep.key);
    keepInView.current = null;
    if (index >= 0) virtualizer.scrollToOffset((virtualizer.getOffsetForIndex(index, 'start')?.[0] ?? 0) + keep.offset);
  }, [rows, virtualizer]);

  const fetchPrevious = useCallback(() => {
    if (!query.hasPreviousPage || query.isFetchingPreviousPage || query.isFetching) return;
    // A line, not an attempt separator: the one above the window's first line moves up with the new page.
    const first = items.find((item) => rows[item.index]?.kind === 'line');
    if (first) keepInView.current = { key: rowKey(rows[first.index]), offset: (scrollRef.current?.scrollTop ?? 0) - first.start };
    void query.fetchPreviousPage();
  }, [query, items, rows]);

  const lastScrollTop = useRef(0);
  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el || rows.length === 0) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    // Only the user scrolls up: following the end (and the row heights measured meanwhile) only moves down.
    const movedUp = el.scrollTop < lastScrollTop.current - 1;
    lastScrollTop.current = el.scrollTop;
    // At the bottom of an active run's window, follow it even when more lines wait beyond the window: they are fetched
    // page by page. Following ends when the user scrolls away, not when the run ends (its last lines are still coming).
    setFollowing((was) => (bottom ? !followPaused && (atEnd || active || was) : was && !movedUp));
    if (bottom) setNewLines(false);
    const first = items[0]?.index ?? 0;
    const last = items.at(-1)?.index ?? 0;
    if (first < PREFETCH_ROWS) fetchPrevious();
    if (last > rows.length - PREFETCH_ROWS && !atEnd && !query.isFetchingNextPage && !query.isFetching) void query.fetchNextPage();
  }, [items, rows.length, atEnd, active, query, fetchPrevious, followPaused]);

  // New lines: fetch after the end when following (or when the loaded window reached the end).
  // Signals keep coming after the run ends (its last lines are often stored after its final state).
  // A signal that arrives while the next page is loading is kept, and fetched once that load settles.
  const [missedSignal, setMissedSignal] = useState(false);
  const onNewLines = useCallback(() => {
    void invalidateAfterChange(queryClient, { queryKey: logKeys.count(scope) });
    // The first error may just have been written.
    if (noErrorYet) void refetchFirstError({ cancelRefetch: false });
    if (!atEnd) return;
    // At the bottom (or everything fits on screen): follow the new lines.
    const el = scrollRef.current;
    const atBottom = !el || el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    if (!followPaused && (following || atBottom)) {
      setFollowing(true);
      if (query.isFetching) setMissedSignal(true);
      else void query.fetchNextPage();
    } else setNewLines(true);
  }, [atEnd, following, followPaused, query, queryClient, scope, noErrorYet, refetchFirstError]);
  useEffect(() => {
    if (!liveRunId) return;
    return onRunLogs(liveRunId, onNewLines);
  }, [liveRunId, onNewLines]);
  // Following a window that has not reached the end yet (thousands of lines came at once): the next page, until it has.
  useEffect(() => {
    if (following && !followPaused && !atEnd && !query.isFetching) void query.fetchNextPage();
  }, [following, followPaused, atEnd, query]);
  useEffect(() => {
    if (!missedSignal || query.isFetching) return;
    setMissedSignal(false);
    onNewLines();
  }, [missedSignal, query.isFetching, onNewLines]);

  useEffect(() => {
    if (following && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [following, rows.length, virtualizer]);

  // A linked line: scroll to it once it and the page above it are loaded (that page, prepended later, would push it away).
  const scrolledTo = useRef<string | null>(null);
  const windowSettled = anchor.at === 'start' || !query.hasPreviousPage || (query.data?.pages.length ?? 0) > 1;
  const loadingAbove = query.isFetchingPreviousPage;
  useEffect(() => {
    if (!linked || scrolledTo.current === linked.id || !windowSettled || loadingAbove) return;
    const index = rows.findIndex((r) => r.kind === 'line' && r.line.id === linked.id);
    if (index >= 0) {
      scrolledTo.current = linked.id;
      requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }));
    }
  }, [linked, rows, virtualizer, windowSettled, loadingAbove]);

  // A window that opens at a line or the end has earlier lines: load one page above it.
  useEffect(() => {
    // Through fetchPrevious, so the line on screen (a linked or error line) stays where it is.
    if (query.data?.pages.length === 1 && anchor.at !== 'start' && query.hasPreviousPage && !query.isFetching) fetchPrevious();
  }, [query, anchor.at, fetchPrevious]);

  const jump = (next: LogAnchor, line?: Log) => {
    scrolledTo.current = null;
    keepInView.current = null;
    setNewLines(false);
    setFollowing(next.at === 'end');
    setFollowPaused(false);
    setAnchor(next);
    onSearch({ ...search, line: line ? lineRef(line.id, line.timestamp) : undefined });
    if (next.at === 'start') virtualizer.scrollToOffset(0);
  };

  const toggleFollow = () => {
    if (!following) return jump({ at: 'end' });
    setFollowing(false);
    setFollowPaused(true);
  };

  // Next / previous error: asked of the server from the highlighted line, else the first one on screen.
  const [errorNote, setErrorNote] = useState('');
  const goToError = async (direction: ErrorDirection) => {
    const start = virtualizer.range ? rows.slice(virtualizer.range.startIndex).find((r) => r.kind === 'line')?.line : undefined;
    const from = linked ?? (start ? { id: start.id, timestamp: start.timestamp } : null);
    try {
      const found = await queryClient.fetchQuery(buildAdjacentErrorQuery(scope, from, direction));
      setErrorNote(found ? '' : direction === 'next' ? 'No error line after this one' : 'No error line before this one');
      if (found) jump({ at: 'time', timestamp: found.timestamp }, found);
    } catch (error) {
      setErrorNote(`Could not look for error lines: ${(error as Error).message}`);
    }
  };
  useShortcut('log-next-error', () => void goToError('next'));
  useShortcut('log-previous-error', () => void goToError('previous'));
  useShortcut('log-follow', toggleFollow, active);

  const [q, setQ] = useTypingPause(search.q ?? '', (next) => {
    setAnchor({ at: 'start' });
    onSearch({ ...search, q: next || undefined, line: undefined });
  }, 350);

  const onLink = useCallback((log: Log) => onSearch({ ...search, line: lineRef(log.id, log.timestamp) }), [onSearch, search]);
  // Expanded long messages, by line id: a row scrolled out of view and back stays as it was.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggleExpanded = useCallback(
    (id: string) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const filtered = (search.level ?? 0) > 0 || !!scope.search || (!taskRunId && !!scope.taskRunId) || !!scope.flowOnly || !!scope.range;
  // A filter other than the search: the window opens again at the start.
  const refilter = (patch: LogSearch) => {
    setAnchor({ at: 'start' });
    onSearch({ ...search, ...patch, line: undefined });
  };
  const describeAttempt = (a: Attempt) => `started ${formatAttemptStart(a.start, zone, clock, now)}`;

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2" role="toolbar" aria-label="Log tools">
        <Select
          aria-label="Log level"
          value={search.level ?? 0}
          onChange={(e) => refilter({ level: Number(e.target.value) || undefined })}
        >
          {LOG_LEVELS.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </Select>
        {canSearch && (
          <label className="relative">
            <span className="sr-only">Search log messages</span>
            <Search className="pointer-events-none absolute top-1.5 left-2 size-4 text-fg-muted" aria-hidden="true" />
            <Input type="search" aria-label="Search logs" data-page-search value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search all lines" className="w-60 pl-7" />
          </label>
        )}
        {showWriter && flowRunId && (
          <LogSourceFilter
            flowRunId={flowRunId}
            value={search.source}
            valueName={search.source ? (taskNames.get(search.source) ?? undefined) : undefined}
            canFilterFlowOnly={canFilterFlowOnly}
            onChange={(source) => refilter({ source })}
          />
        )}
        {attempts.length > 1 && <AttemptFilter attempts={attempts} value={search.attempt} onChange={(attempt) => refilter({ attempt })} />}
        <span className="text-xs text-fg-muted tabular-nums" aria-live="polite">
          {errorNote ? `${errorNote} · ` : ''}
          {canSearch ? (count.data === undefined ? '' : `${formatCount(count.data)} ${filtered ? 'matching ' : ''}line${count.data === 1 ? '' : 's'}`) : `${formatCount(lines.length)} lines loaded`}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-1.5">
          <Button onClick={() => jump({ at: 'start' })}>
            <ArrowUpToLine aria-hidden="true" />
            Start
          </Button>
          <Button onClick={() => jump({ at: 'end' })}>
            <ArrowDownToLine aria-hidden="true" />
            End
          </Button>
          <Button disabled={!firstError.data} title={firstError.data ? undefined : filtered ? 'No line at level ERROR or above matches the filters' : 'No line at level ERROR or above'} onClick={() => firstError.data && jump({ at: 'time', timestamp: firstError.data.timestamp }, firstError.data)}>
            <CircleAlert aria-hidden="true" />
            First error
          </Button>
          <Button aria-label="Previous error" title="Previous error line (Shift E)" disabled={!firstError.data} onClick={() => void goToError('previous')}>
            <ChevronUp aria-hidden="true" />
          </Button>
          <Button aria-label="Next error" title="Next error line (E)" disabled={!firstError.data} onClick={() => void goToError('next')}>
            <ChevronDown aria-hidden="true" />
          </Button>
          {active && (
            <Button aria-pressed={following} title="Follow new lines at the end (F)" onClick={toggleFollow} className={following ? 'border-accent text-accent' : undefined}>
              <Radio aria-hidden="true" />
              Follow
            </Button>
          )}
          <DownloadLogsButton scope={scope} name={downloadName} zone={zone} />
        </div>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load the logs" />
      ) : query.isPending || !ready ? (
        <div className="grid gap-2 p-3" aria-busy="true" aria-label="Loading logs">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="w-full" />
          ))}
        </div>
      ) : lines.length === 0 ? (
        <EmptyState title={filtered ? 'No lines match' : 'No logs yet'}>
          {filtered ? 'Lower the level, change the search or show every task run and attempt; the filters look through every line of the run.' : active ? 'Lines appear here as the run logs them.' : 'This run did not log anything.'}
        </EmptyState>
      ) : (
        <div className="relative">
          <div ref={scrollRef} onScroll={onScroll} role="log" aria-label="Log lines" tabIndex={0} className="h-[calc(100dvh-22rem)] min-h-80 overflow-y-auto">
            {query.isFetchingPreviousPage && <p className="px-3 py-1 text-xs text-fg-muted">Loading earlier lines…</p>}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rows[item.index];
                return (
                  <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                    {row.kind === 'attempt' ? (
                      <AttemptSeparator attempt={row.attempt} text={describeAttempt(row.attempt)} />
                    ) : (
                      <LogLine
                        log={row.line}
                        zone={zone}
                        clock={clock}
                        dateShown={dateShown}
                        columns={columns}
                        highlighted={linked?.id === row.line.id}
                        onLink={onLink}
                        showWriter={showWriter}
                        taskName={row.line.task_run_id ? taskNames.get(row.line.task_run_id) : undefined}
                        expanded={expanded.has(row.line.id)}
                        onToggleExpanded={toggleExpanded}
                      />
                    )}
                  </div>
                );
              })}
            </div>
            {atEnd && active && <p className="px-3 py-1 text-xs text-fg-muted">Waiting for new lines…</p>}
          </div>
          {newLines && (
            <Button variant="primary" className="absolute bottom-3 left-1/2 -translate-x-1/2 shadow" onClick={() => jump({ at: 'end' })}>
              New lines — jump to the end
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

const rowKey = (row: LogRow<Log, Attempt>) => (row.kind === 'line' ? row.line.id : `attempt-${row.attempt.number}`);

/** The start of an attempt: the time of day when it is today, else with the date; with the zone. */
function formatAttemptStart(start: string, zone: string, clock: Clock, now: number): string {
  return formatDateTime(start, zone, logDateShown(start, zone, now) === 'time' ? 'time' : 'seconds', true, clock);
}

function AttemptSeparator({ attempt, text }: { attempt: Attempt; text: string }) {
  return (
    <div role="separator" aria-label={`Attempt ${attempt.number}, ${text}`} className="flex items-center gap-2 px-3 pt-2 pb-1 text-xs font-medium text-fg-muted">
      <span className="h-px w-4 bg-border-strong" aria-hidden="true" />
      <span className="whitespace-nowrap">
        Attempt {attempt.number} · {text}
      </span>
      <span className="h-px flex-1 bg-border-strong" aria-hidden="true" />
    </div>
  );
}
