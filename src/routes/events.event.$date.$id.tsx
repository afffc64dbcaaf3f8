import { createFileRoute } from '@tanstack/react-router';
import { buildEventQuery } from '../api/events.ts';
import { EventPage } from '../components/events/event-page.tsx';

export const Route = createFileRoute('/events/event/$date/$id')({
  loader: ({ context: { queryClient }, params }) => void queryClient.prefetchQuery(buildEventQuery(params.id, params.date)),
  component: EventRoute,
});

function EventRoute() {
  const { date, id } = Route.useParams();
  return <EventPage id={id} day={date} />;
}
