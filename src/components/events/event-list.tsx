import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SyntaskEvent } from '../../api/events.ts';
import { eventDay, eventLabel } from '../../lib/event-search.ts';
import { DateTime } from '../ui/time.tsx';
import { RelatedChips, ResourceLink } from './resource-link.tsx';

const ROW = 52;

interface EventListProps {
  events: SyntaskEvent[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** Newest first, virtualized (a page of 50 is fetched as the end comes into view). */
export function EventList({ events, hasMore, loadingMore, onLoadMore }: EventListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: events.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasMore && !loadingMore && last >= events.length - 10) onLoadMore();
  }, [last, events.length, hasMore, loadingMore, onLoadMore]);

  return (
    <div ref={scrollRef} className="max-h-[calc(100vh-22rem)] min-h-48 overflow-auto" tabIndex={-1}>
      <ul aria-label="Events" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const e = events[item.index];
          return (
            <li
              key={e.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute inset-x-0 grid grid-cols-[11rem_minmax(0,16rem)_minmax(0,1fr)] items-start gap-3 border-b border-border px-3 py-2 text-sm"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <DateTime value={e.occurred} style="seconds" className="pt-0.5 text-xs text-fg-muted" />
              <div className="min-w-0">
                <Link to="/events/event/$date/$id" params={{ date: eventDay(e.occurred), id: e.id }} className="block truncate font-medium text-accent hover:underline" title={e.event}>
                  {eventLabel(e.event)}
                </Link>
                <span className="block truncate font-mono text-[11px] text-fg-muted">{e.event}</span>
              </div>
              <div className="min-w-0 space-y-1">
                <ResourceLink labels={e.resource} className="block truncate" />
                <RelatedChips related={e.related} />
              </div>
            </li>
          );
        })}
      </ul>
      {loadingMore && <p className="px-3 py-2 text-xs text-fg-muted">Loading more events…</p>}
    </div>
  );
}
