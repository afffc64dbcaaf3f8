import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { buildEventCountsQuery, type EventFilter } from '../../api/events.ts';
import type { BucketRow } from '../../lib/activity.ts';
import { EVENT_BUCKETS, type EventRange } from '../../lib/event-search.ts';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { TimeBucketChart } from '../runs/run-history-chart.tsx';

const SERIES = [{ key: 'events', label: 'Events', color: 'var(--color-accent)' }];

/** Events per time bucket over the chosen range, counted by the server (`count-by/time`). */
export function EventHistogram({ filter, range, now }: { filter: EventFilter; range: EventRange; now: number }) {
  const bucket = EVENT_BUCKETS[range];
  const query = useQuery(buildEventCountsQuery({ filter, time_unit: bucket.time_unit, time_interval: bucket.time_interval }));
  const since = Date.parse(filter.occurred?.since ?? '');
  const rows = useMemo<BucketRow[]>(
    () =>
      (query.data ?? []).map((b) => {
        const start = Date.parse(b.start_time);
        const end = Math.min(Date.parse(b.end_time) + 0.001, now);
        return { t: (start + end) / 2, start, end, counts: { events: b.count } };
      }),
    [query.data, now],
  );
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not count events" />;
  if (!query.data) return <Skeleton className="h-[140px] w-full" />;
  return <TimeBucketChart rows={rows} series={SERIES} domain={[Math.min(since, rows[0]?.start ?? since), now]} what="events" unit="events" height={120} />;
}
