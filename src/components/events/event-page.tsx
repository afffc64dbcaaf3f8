import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildEventQuery } from '../../api/events.ts';
import { eventLabel } from '../../lib/event-search.ts';
import { Card } from '../ui/card.tsx';
import { CopyButton, KeyValue } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { DateTime } from '../ui/time.tsx';
import { ResourceLink } from './resource-link.tsx';

const crumbs = [{ label: 'Event feed', to: '/events' }];

/** `/events/event/<day>/<id>`: one event, its resource and related resources as links, its payload. */
export function EventPage({ id, day }: { id: string; day: string }) {
  const query = useQuery(buildEventQuery(id, day));
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load this event" />;
  if (query.isPending) return <Skeleton className="h-64 w-full" />;
  const e = query.data;
  if (!e) {
    return (
      <>
        <PageHeader title="Event not found" breadcrumbs={[...crumbs, { label: id }]} />
        <EmptyState title="No event with this id on this day">It may be older than the events retention period (SYNTASK_EVENTS_RETENTION_PERIOD, 7 days by default), or the link is wrong.</EmptyState>
      </>
    );
  }
  const resource = e.resource as Record<string, string>;
  const related = e.related as Record<string, string>[];
  const extraLabels = Object.entries(resource).filter(([k]) => k !== 'syntask.resource.id' && k !== 'syntask.resource.name');
  return (
    <>
      <PageHeader title={eventLabel(e.event)} breadcrumbs={[...crumbs, { label: e.event }]} description={<span className="font-mono text-xs">{e.event}</span>} />
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold">Event</h2>
          <KeyValue
            items={[
              ['Occurred', <DateTime key="o" value={e.occurred} style="seconds" />],
              ['Received', <DateTime key="r" value={e.received} style="seconds" />],
              ['Id', <span key="i" className="inline-flex items-center gap-1 font-mono text-xs">{e.id}<CopyButton value={e.id} /></span>],
              [
                'Follows',
                e.follows ? (
                  // Within 5 minutes of this one, so almost always the same day.
                  <Link key="f" to="/events/event/$date/$id" params={{ date: day, id: e.follows }} className="font-mono text-xs text-accent hover:underline">
                    {e.follows}
                  </Link>
                ) : (
                  '—'
                ),
              ],
            ]}
          />
        </Card>
        <Card className="p-4">
          <h2 className="mb-2 text-sm font-semibold">Resource</h2>
          <KeyValue items={[['Resource', <ResourceLink key="r" labels={resource} />], ['Events', <Link key="e" to="/events" search={{ resource: resource['syntask.resource.id'], range: '7d' }} className="text-accent hover:underline">Events of this resource</Link>], ['Id', <span key="i" className="font-mono text-xs break-all">{resource['syntask.resource.id']}</span>], ...extraLabels.map(([k, v]): [string, React.ReactNode] => [k.replace(/^syntask\./, ''), <span key={k} className="break-all">{v || '—'}</span>])]} />
        </Card>
      </div>
      <Card className="mt-3 p-4">
        <h2 className="mb-2 text-sm font-semibold">Related resources ({related.length})</h2>
        {related.length === 0 ? (
          <p className="text-sm text-fg-muted">None.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
            {related.map((r) => (
              <li key={`${r['syntask.resource.role']}:${r['syntask.resource.id']}`} className="flex min-w-0 items-baseline gap-2">
                <span className="w-24 shrink-0 text-xs text-fg-muted">{r['syntask.resource.role']}</span>
                <ResourceLink labels={r} role={r['syntask.resource.role']} className="truncate" />
                <Link to="/events" search={{ resource: r['syntask.resource.id'], range: '7d' }} className="ml-auto shrink-0 text-xs text-fg-muted hover:text-accent hover:underline" aria-label={`Events of ${r['syntask.resource.role']} ${r['syntask.resource.id']}`}>
                  events
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card className="mt-3 p-4">
        <h2 className="mb-2 text-sm font-semibold">Payload</h2>
        <pre tabIndex={0} aria-label="Payload (JSON)" className="max-h-96 overflow-auto rounded bg-surface-hover p-3 font-mono text-xs">{JSON.stringify(e.payload, null, 2)}</pre>
      </Card>
    </>
  );
}
