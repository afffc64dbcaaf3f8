import { useCallback } from 'react';
import { createFileRoute } from '@tanstack/react-router';
import { EventFeedPage } from '../components/events/event-feed-page.tsx';
import { compactEventSearch, parseEventSearch, type EventSearch } from '../lib/event-search.ts';

export const Route = createFileRoute('/events/')({
  validateSearch: (raw: Record<string, unknown>): Partial<EventSearch> => compactEventSearch(parseEventSearch(raw)),
  component: EventsRoute,
});

function EventsRoute() {
  const search = parseEventSearch(Route.useSearch());
  const navigate = Route.useNavigate();
  const onChange = useCallback((patch: Partial<EventSearch>) => void navigate({ search: (prev: Partial<EventSearch>) => compactEventSearch(parseEventSearch({ ...prev, ...patch })) }), [navigate]);
  return <EventFeedPage search={search} onChange={onChange} />;
}
