import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Radio } from 'lucide-react';
import { buildEventsQuery } from '../../api/events.ts';
import { eventFilter, type EventSearch } from '../../lib/event-search.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { countOf } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { EventFilters } from './event-filters.tsx';
import { EventHistogram } from './event-histogram.tsx';
import { EventList } from './event-list.tsx';

/** The window moves a minute at a time, so the query keys (and caches) stay put in between. */
const MINUTE = 60_000;

/** `/events`: what happened, newest first, on a time histogram; filters in the URL. */
export function EventFeedPage({ search, onChange }: { search: EventSearch; onChange: (patch: Partial<EventSearch>) => void }) {
  const ticking = useNow(MINUTE);
  const now = Math.ceil(ticking / MINUTE) * MINUTE;
  const filter = useMemo(() => eventFilter(search, now), [search, now]);
  const query = useInfiniteQuery(buildEventsQuery(filter));
  const events = useMemo(() => query.data?.pages.flatMap((p) => p.events) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  const filtered = Boolean(search.prefix || search.resource);

  return (
    <>
      <PageHeader
        title="Event feed"
        count={total}
        description="Everything recorded as an event: run state changes, work pool, queue and deployment status, workers, and what clients send to /api/events."
        actions={
          <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
            Refresh
          </Button>
        }
      />
      <EventFilters search={search} onChange={onChange} />
      <Card className="mt-3 p-3">
        <EventHistogram filter={filter} range={search.range} now={now} />
      </Card>
      <Card className="mt-3">
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load events" />
        ) : !query.data ? (
          <div className="space-y-2 p-3">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-10 w-full" />
            ))}
          </div>
        ) : events.length === 0 ? (
          <EmptyState icon={Radio} title={filtered ? 'No event matches these filters' : 'No events in this time range'}>
            {filtered ? 'Try a shorter prefix (syntask.flow-run.), another resource id, or a wider time range.' : 'Events appear as flows run: every flow run state change is one, and so are work pool, queue and deployment status changes.'}
          </EmptyState>
        ) : (
          <>
            <EventList events={events} hasMore={Boolean(query.hasNextPage)} loadingMore={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
            <p className="border-t border-border px-3 py-2 text-xs text-fg-muted tabular-nums" aria-live="polite">
              {countOf(events.length, 'event')} shown of {countOf(total, 'event')}
            </p>
          </>
        )}
      </Card>
    </>
  );
}
