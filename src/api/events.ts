import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';
import type { operations } from './schema.gen.ts';

/** Events (events-automations.md A3): the feed's pages, its histogram, one event. */

export type SyntaskEvent = Schemas['ReceivedEvent'];
export type EventPage = Schemas['EventPage'];
export type EventFilter = Schemas['EventFilter'];
export type EventCountBody = NonNullable<operations['countEvents']['requestBody']>['content']['application/json'];

export const eventKeys = {
  all: ['events'] as const,
  list: (filter: EventFilter) => [...eventKeys.all, 'list', filter] as const,
  counts: (body: EventCountBody) => [...eventKeys.all, 'counts', body] as const,
  detail: (id: string) => [...eventKeys.all, 'detail', id] as const,
  byIds: (ids: readonly string[]) => [...eventKeys.all, 'by-ids', ids] as const,
};

/** `next_page` is an absolute URL on the server's own base; only its token is needed. */
export const pageToken = (nextPage: string | null | undefined) => (nextPage ? new URL(nextPage, 'http://x').searchParams.get('page-token') : null);

/** Pages of 50, newest first, followed through `next_page`. */
export function buildEventsQuery(filter: EventFilter) {
  return infiniteQueryOptions({
    queryKey: eventKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<EventPage> =>
      pageParam
        ? unwrap(api.GET('/api/events/filter/next', { params: { query: { 'page-token': pageParam } }, signal }))
        : unwrap(api.POST('/api/events/filter', { body: { filter, limit: 50 }, signal })),
    getNextPageParam: (last) => pageToken(last.next_page),
    placeholderData: keepPreviousData,
  });
}

export function buildEventCountsQuery(body: EventCountBody) {
  return queryOptions({
    queryKey: eventKeys.counts(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/events/count-by/{countable}', { params: { path: { countable: 'time' } }, body, signal })),
    placeholderData: keepPreviousData,
  });
}

/** One event by id, looked up on the day it occurred (the URL carries the day: the default window is 180 days). */
export function buildEventQuery(id: string, day: string) {
  return queryOptions({
    queryKey: eventKeys.detail(id),
    queryFn: async ({ signal }) => {
      const since = `${day}T00:00:00Z`;
      const until = new Date(Date.parse(since) + 86_400_000 - 1).toISOString();
      const page = await unwrap(api.POST('/api/events/filter', { body: { filter: { id: { id: [id] }, occurred: { since, until } }, limit: 1 }, signal }));
      return page.events[0] ?? null;
    },
  });
}

/** Events by id (at most 50, the filter's page), oldest first: the causes of an automation's firing. Ids no longer stored are left out. */
export function buildEventsByIdQuery(ids: readonly string[]) {
  const wanted = ids.slice(-50);
  return queryOptions({
    queryKey: eventKeys.byIds(wanted),
    enabled: wanted.length > 0,
    staleTime: Infinity,
    queryFn: async ({ signal }) => (await unwrap(api.POST('/api/events/filter', { body: { filter: { id: { id: [...wanted] }, order: 'ASC' }, limit: wanted.length }, signal }))).events,
  });
}
