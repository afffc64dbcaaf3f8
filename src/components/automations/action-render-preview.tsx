import { useQuery } from '@tanstack/react-query';
import { buildActionRenderQuery, type AutomationAction } from '../../api/automations.ts';
import { buildEventsByIdQuery } from '../../api/events.ts';
import { useDebounced } from '../ui/use-debounced.ts';
import { EventLink } from './event-links.tsx';

/**
 * What an action's templates render to for a real recorded event: the one behind the
 * preview's newest firing when there is one, else the newest the server has. Read a moment
 * after typing stops.
 */
export function ActionRenderPreview({ action, eventId, automationName }: { action: AutomationAction | null; eventId: string | null; automationName: string }) {
  const settled = useDebounced({ action, eventId, automationName });
  const render = useQuery(buildActionRenderQuery(settled.action, settled.eventId, settled.automationName));
  const event = useQuery(buildEventsByIdQuery(settled.eventId ? [settled.eventId] : []));
  const r = render.data;
  return (
    <section aria-label="Rendered preview" aria-busy={render.isFetching} className="rounded-md bg-surface-hover/60 p-2.5 text-sm">
      <h3 className="mb-1 text-xs font-semibold text-fg-muted uppercase">Preview</h3>
      {!action ? (
        <p className="text-fg-muted">The preview appears once this action is complete.</p>
      ) : render.isError ? (
        <p className="text-danger">Could not render: {render.error.message}</p>
      ) : !r ? (
        <p className="text-fg-muted">Rendering…</p>
      ) : (
        <div className="grid gap-1.5">
          <p className="text-xs text-fg-muted">
            {settled.eventId && event.data?.[0] ? (
              <>
                For the event behind the newest preview firing: <EventLink event={event.data[0]} />
              </>
            ) : settled.eventId ? (
              'For the event behind the newest preview firing.'
            ) : (
              'For the newest recorded event (the trigger would not have fired in the last 7 days).'
            )}
          </p>
          {r.error ? (
            <p role="alert" className="text-danger">
              {r.error}
            </p>
          ) : (
            <dl className="grid grid-cols-[fit-content(6rem)_minmax(0,1fr)] gap-x-3 gap-y-1">
              {r.subject !== undefined && <Rendered label="Subject" text={r.subject} />}
              {r.body !== undefined && <Rendered label="Body" text={r.body} />}
              {r.payload !== undefined && <Rendered label="Payload" text={r.payload} />}
              {r.parameters !== undefined && <Rendered label="Parameters" text={JSON.stringify(r.parameters, null, 2)} />}
            </dl>
          )}
        </div>
      )}
    </section>
  );
}

function Rendered({ label, text }: { label: string; text: string }) {
  return (
    <>
      <dt className="text-fg-muted">{label}</dt>
      <dd className="min-w-0">
        <pre className="font-mono text-xs break-words whitespace-pre-wrap">{text === '' ? <span className="text-fg-muted">(empty)</span> : text}</pre>
      </dd>
    </>
  );
}
