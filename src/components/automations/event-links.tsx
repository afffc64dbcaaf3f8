import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildEventsByIdQuery, type SyntaskEvent } from '../../api/events.ts';
import { eventDay, eventLabel, resourceLabel } from '../../lib/event-search.ts';
import { DateTime } from '../ui/time.tsx';

/** A link to an event's page (its URL carries the day it occurred). */
export function EventLink({ event }: { event: Pick<SyntaskEvent, 'id' | 'event' | 'occurred' | 'resource'> }) {
  return (
    <span className="inline-flex min-w-0 flex-wrap items-baseline gap-x-2">
      <Link to="/events/event/$date/$id" params={{ date: eventDay(event.occurred), id: event.id }} className="text-accent hover:underline" title={event.event}>
        {eventLabel(event.event)}
      </Link>
      <span className="truncate text-fg-muted">{resourceLabel(event.resource as Record<string, string>)}</span>
      <DateTime value={event.occurred} style="seconds" className="text-xs text-fg-muted" />
    </span>
  );
}

/** Events known only by id (a firing's causes), read when shown; ids no longer stored are counted, not hidden. */
export function EventIdLinks({ ids, label }: { ids: readonly string[]; label: string }) {
  const events = useQuery(buildEventsByIdQuery(ids));
  const shown = ids.slice(-50);
  if (ids.length === 0) return <p className="text-fg-muted">No events recorded.</p>;
  if (events.isError) return <p className="text-danger">Could not read the events: {events.error.message}</p>;
  if (!events.data) return <p className="text-fg-muted">Loading {ids.length} events…</p>;
  const gone = shown.length - events.data.length;
  return (
    <div>
      <ol aria-label={label} className="grid gap-1">
        {events.data.map((e) => (
          <li key={e.id} className="min-w-0">
            <EventLink event={e} />
          </li>
        ))}
      </ol>
      {(gone > 0 || ids.length > shown.length) && (
        <p className="mt-1 text-xs text-fg-muted">
          {gone > 0 && `${gone} no longer stored (older than the events retention period). `}
          {ids.length > shown.length && `Showing the last ${shown.length} of ${ids.length}.`}
        </p>
      )}
    </div>
  );
}
