import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownToLine, ArrowUpToLine, ChevronDown, ChevronUp, CircleAlert, Radio, Search } from 'lucide-react';
import { buildAdjacentErrorQuery, buildFirstErrorQuery, buildLogCountQuery, buildLogWindowQuery, logKeys, type ErrorDirection, type Log, type LogAnchor, type LogScope } from '../../api/logs.ts';
import { onRunLogs } from '../../api/live.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { LOG_LEVELS, lineRef, parseLineRef, type LogSearch } from '../../lib/run-page-search.ts';
import { useShortcut } from '../shell/use-shortcut.ts';
import { Button } from '../ui/button.tsx';
import { Input, Select } from '../ui/form.tsx';
import { formatCount } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';
import { DownloadLogsButton } from './download-logs.tsx';
import { LogLine } from './log-line.tsx';

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
const PREFETCH_ROWS = 30;

/**
 * A run's logs: a virtualized window over keyset pages (200 lines each, at most 5,000 kept),
 * opened at the start, the end, a linked line or the first error; the server filters by level
 * and searches the text, so lines that are not loaded are found too.
 */
export function LogView({ flowRunId, taskRunId, liveRunId, active, search, onSearch, downloadName }: LogViewProps) {
  const zone = useTimeZone();
  const clock = useClock();
  const flags = useFeatureFlags();
  const canSearch = flags?.has('log_search') ?? false;
  const scope: LogScope = useMemo(() => ({ flowRunId, taskRunId, level: search.level ?? 0, search: canSearch ? (search.q ?? '') : '' }), [flowRunId, taskRunId, search.level, search.q, canSearch]);
  const linked = search.line ? parseLineRef(search.line) : null;
  const [anchor, setAnchor] = useState<LogAnchor>(() => (linked ? { at: 'time', timestamp: linked.timestamp } : { at: 'start' }));
  const query = useInfiniteQuery(buildLogWindowQuery(scope, anchor));
  const count = useQuery(buildLogCountQuery(scope, canSearch));
  const firstError = useQuery(buildFirstErrorQuery({ flowRunId, taskRunId }));
  const queryClient = useQueryClient();

  const lines = useMemo(() => query.data?.pages.flatMap((p) => p.lines) ?? [], [query.data]);
  const atEnd = query.data?.pages.at(-1)?.atEnd ?? false;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 22,
    overscan: 24,
    getItemKey: (i) => lines[i]?.id ?? i,
  });
  const items = virtualizer.getVirtualItems();

  // Following: at the bottom of an active run, new lines are appended and kept in view.
  const [following, setFollowing] = useState(anchor.at === 'end');
  // Follow turned off by the user (`f`): new lines wait below until they turn it on again.
  const [followPaused, setFollowPaused] = useState(false);
  const [newLines, setNewLines] = useState(false);

  // Keep the first visible line in place when earlier lines are prepended.
  const keepInView = useRef<{ id: string; offset: number } | null>(null);
  useLayoutEffect(() => {
    const keep = keepInView.current;
    if (!keep) return;
    const index = lines.findIndex((l) => l.id === keep.id);
    keepInView.current = null;
    if (index >= 0) virtualizer.scrollToOffset((virtualizer.getOffsetForIndex(index, 'start')?.[0] ?? 0) + keep.offset);
  }, [lines, virtualizer]);

  const fetchPrevious = useCallback(() => {
    if (!query.hasPreviousPage || query.isFetchingPreviousPage || query.isFetching) return;
    const first = items[0];
    if (first && lines[first.index]) keepInView.current = { id: lines[first.index].id, offset: (scrollRef.current?.scrollTop ?? 0) - first.start };
    void query.fetchPreviousPage();
  }, [query, items, lines]);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el || lines.length === 0) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
    setFollowing(bottom && atEnd && !followPaused);
    if (bottom) setNewLines(false);
    const first = items[0]?.index ?? 0;
    const last = items.at(-1)?.index ?? 0;
    if (first < PREFETCH_ROWS) fetchPrevious();
    if (last > lines.length - PREFETCH_ROWS && !atEnd && !query.isFetchingNextPage && !query.isFetching) void query.fetchNextPage();
  }, [items, lines.length, atEnd, query, fetchPrevious, followPaused]);

  // New lines: fetch after the end when following (or when the loaded window reached the end).
  useEffect(() => {
    if (!liveRunId || !active) return;
    return onRunLogs(liveRunId, () => {
      if (!atEnd) return;
      // At the bottom (or everything fits on screen): follow the new lines.
      const el = scrollRef.current;
      const atBottom = !el || el.scrollHeight - el.scrollTop - el.clientHeight < AT_BOTTOM_PX;
      if (!followPaused && (following || atBottom)) {
        setFollowing(true);
        if (!query.isFetchingNextPage) void query.fetchNextPage();
      } else setNewLines(true);
      void queryClient.invalidateQueries({ queryKey: logKeys.count(scope) });
    });
  }, [liveRunId, active, atEnd, following, followPaused, query, queryClient, scope]);

  useEffect(() => {
    if (following && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [following, lines.length, virtualizer]);

  // A linked line: scroll to it once it and the page above it are loaded (that page, prepended later, would push it away).
  const scrolledTo = useRef<string | null>(null);
  const windowSettled = anchor.at === 'start' || !query.hasPreviousPage || (query.data?.pages.length ?? 0) > 1;
  const loadingAbove = query.isFetchingPreviousPage;
  useEffect(() => {
    if (!linked || scrolledTo.current === linked.id || !windowSettled || loadingAbove) return;
    const index = lines.findIndex((l) => l.id === linked.id);
    if (index >= 0) {
      scrolledTo.current = linked.id;
      requestAnimationFrame(() => virtualizer.scrollToIndex(index, { align: 'center' }));
    }
  }, [linked, lines, virtualizer, windowSettled, loadingAbove]);

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
    const start = virtualizer.range ? lines[virtualizer.range.startIndex] : undefined;
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

  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  useEffect(() => {
    if ((search.q ?? '') === q) return;
    const t = setTimeout(() => {
      setAnchor({ at: 'start' });
      onSearch({ ...search, q: q || undefined, line: undefined });
    }, 350);
    return () => clearTimeout(t);
  }, [q, search, onSearch]);

  const onLink = useCallback((log: Log) => onSearch({ ...search, line: lineRef(log.id, log.timestamp) }), [onSearch, search]);
  const filtered = (search.level ?? 0) > 0 || !!scope.search;

  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2" role="toolbar" aria-label="Log tools">
        <Select
          aria-label="Log level"
          value={search.level ?? 0}
          onChange={(e) => {
            setAnchor({ at: 'start' });
            onSearch({ ...search, level: Number(e.target.value) || undefined, line: undefined });
          }}
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
          <Button disabled={!firstError.data} title={firstError.data ? undefined : 'No line at level ERROR or above'} onClick={() => firstError.data && jump({ at: 'time', timestamp: firstError.data.timestamp }, firstError.data)}>
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
      ) : query.isPending ? (
        <div className="grid gap-2 p-3" aria-busy="true" aria-label="Loading logs">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="w-full" />
          ))}
        </div>
      ) : lines.length === 0 ? (
        <EmptyState title={filtered ? 'No lines match' : 'No logs yet'}>
          {filtered ? 'Lower the level or change the search; the search looks through every line of the run.' : active ? 'Lines appear here as the run logs them.' : 'This run did not log anything.'}
        </EmptyState>
      ) : (
        <div className="relative">
          <div ref={scrollRef} onScroll={onScroll} role="log" aria-label="Log lines" tabIndex={0} className="h-[calc(100dvh-22rem)] min-h-80 overflow-y-auto">
            {query.isFetchingPreviousPage && <p className="px-3 py-1 text-xs text-fg-muted">Loading earlier lines…</p>}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const log = lines[item.index];
                return (
                  <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                    <LogLine log={log} zone={zone} clock={clock} highlighted={linked?.id === log.id} onLink={onLink} />
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
