import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { History } from 'lucide-react';
import type { AutomationPreview } from '../../api/automations.ts';
import { countOf } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { DateTime } from '../ui/time.tsx';
import { EventIdLinks } from './event-links.tsx';

const SHOWN = 25;

/**
 * "Would have fired N times in the last 7 days": the trigger evaluated by the server over
 * the stored events (nothing acts), each firing with the events that caused it.
 */
export function TriggerPreview({ preview, waiting }: { preview: UseQueryResult<AutomationPreview>; waiting: string | null }) {
  const [all, setAll] = useState(false);
  const p = preview.data;
  return (
    <section aria-label="Preview: would have fired" aria-busy={preview.isFetching} className="grid gap-2 text-sm">
      <h2 className="inline-flex items-center gap-1.5 font-semibold">
        <History className="size-4 text-fg-muted" aria-hidden="true" />
        Preview
      </h2>
      {waiting ? (
        <p className="text-fg-muted">{waiting}</p>
      ) : preview.isError ? (
        <p role="alert" className="text-danger">
          Could not preview this trigger: {preview.error.message}
        </p>
      ) : !p ? (
        <Skeleton className="h-16 w-full" />
      ) : (
        <>
          <p aria-live="polite" className="text-base font-medium">
            Would have fired <span className="tabular-nums">{countOf(p.count, 'time')}</span> in the last 7 days
          </p>
          <p className="text-xs text-fg-muted">
            <DateTime value={p.since} /> – <DateTime value={p.until} />; {countOf(p.events_evaluated, 'event')} evaluated.
            {p.truncated && ' More events matched than were evaluated: the newest are left out, so the count may be low.'}
          </p>
          {p.firings.length > 0 && (
            <ol aria-label="Firings in the preview" className="grid max-h-96 gap-1 overflow-y-auto">
              {(all ? p.firings : p.firings.slice(-SHOWN)).toReversed().map((f) => (
                <PreviewFiring key={`${f.fired}-${f.event_ids.at(-1) ?? ''}`} fired={f.fired} eventIds={f.event_ids} />
              ))}
            </ol>
          )}
          {!all && p.firings.length > SHOWN && (
            <button type="button" onClick={() => setAll(true)} className="justify-self-start text-xs text-accent hover:underline">
              Show all {p.firings.length} firings
            </button>
          )}
          {p.count > p.firings.length && <p className="text-xs text-fg-muted">The server lists the first {p.firings.length} firings of {p.count}.</p>}
        </>
      )}
    </section>
  );
}

/** One would-be firing: its time and (opened) the events that caused it. */
function PreviewFiring({ fired, eventIds }: { fired: string; eventIds: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <li className="rounded border border-border px-2 py-1">
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer">
          <DateTime value={fired} style="seconds" />
          <span className="ml-2 text-xs text-fg-muted">{countOf(eventIds.length, 'event')}</span>
        </summary>
        {open && (
          <div className="mt-1 pl-4">
            <EventIdLinks ids={eventIds} label={`Events behind the firing at ${fired}`} />
          </div>
        )}
      </details>
    </li>
  );
}
