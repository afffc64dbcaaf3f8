import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { BellOff } from 'lucide-react';
import { buildAutomationFiringsQuery, type Automation, type AutomationFiring } from '../../api/automations.ts';
import { describeAction } from '../../lib/automation-actions.ts';
import type { NameOf } from '../../lib/automation-templates.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { countOf } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { DateTime } from '../ui/time.tsx';
import { EventIdLinks, EventLink } from './event-links.tsx';

type Outcome = AutomationFiring['actions'][number];

const STATUS_CLASS: Record<Outcome['status'], string> = {
  pending: 'border-border-strong text-fg-muted',
  running: 'border-state-running/50 text-state-running',
  executed: 'border-success/50 text-success',
  failed: 'border-danger/50 text-danger',
};
const STATUS_WORD: Record<Outcome['status'], string> = { pending: 'Pending', running: 'Running', executed: 'Executed', failed: 'Failed' };

/** The automation's newest 50 firings: when, for which labels, what caused it, and how each action went. */
export function AutomationFirings({ automation, nameOf }: { automation: Automation; nameOf: NameOf }) {
  const firings = useQuery(buildAutomationFiringsQuery(automation.id));
  const list = firings.data;
  return (
    <Card className="mt-3">
      <CardHeader title={`Firings${list ? ` (${list.length === 50 ? 'newest 50' : list.length})` : ''}`} />
      {firings.isError ? (
        <ErrorState error={firings.error} onRetry={() => void firings.refetch()} title="Could not load the firings" />
      ) : !list ? (
        <div className="grid gap-2 p-3">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : list.length === 0 ? (
        <EmptyState icon={BellOff} title="It has not fired yet">
          {automation.enabled ? 'Each time its trigger fires, the firing, the events that caused it and the outcome of every action are listed here.' : 'It is disabled: enable it to have it evaluated.'}
        </EmptyState>
      ) : (
        <ol aria-label="Firings" className="divide-y divide-border">
          {list.map((f) => (
            <Firing key={f.id} firing={f} automation={automation} nameOf={nameOf} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function Firing({ firing: f, automation, nameOf }: { firing: AutomationFiring; automation: Automation; nameOf: NameOf }) {
  const labels = Object.entries(f.triggering_labels).filter(([, v]) => v);
  const all = [...automation.actions, ...automation.actions_on_trigger, ...automation.actions_on_resolve];
  return (
    <li aria-label={`Firing at ${f.fired}`} className="grid gap-2 px-4 py-3 text-sm md:grid-cols-[12rem_minmax(0,1fr)_minmax(0,1fr)]">
      <div>
        <DateTime value={f.fired} style="seconds" className="font-medium" />
        {labels.length > 0 && (
          <dl className="mt-1 text-xs text-fg-muted">
            {labels.map(([k, v]) => (
              <div key={k} className="truncate" title={`${k}: ${v}`}>
                <dt className="inline">{k.replace(/^related:/, '')}: </dt>
                <dd className="inline font-mono">{v}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="grid min-w-0 content-start gap-1">
        <h3 className="text-xs font-semibold text-fg-muted uppercase">Cause</h3>
        {f.triggering_event ? (
          <p>
            Triggering event: <EventLink event={f.triggering_event} />
          </p>
        ) : (
          <p className="text-fg-muted">No triggering event (a proactive trigger fires when expected events do not arrive).</p>
        )}
        {f.cause_event_ids.length > 0 && (
          <details>
            <summary className="cursor-pointer text-accent">{countOf(f.cause_event_ids.length, 'event')} counted toward it</summary>
            <div className="mt-1">
              <EventIdLinks ids={f.cause_event_ids} label={`Events counted toward the firing at ${f.fired}`} />
            </div>
          </details>
        )}
      </div>
      <div className="grid min-w-0 content-start gap-1">
        <h3 className="text-xs font-semibold text-fg-muted uppercase">Actions</h3>
        <ul aria-label="Action outcomes" className="grid gap-1">
          {f.actions.map((o) => (
            <li key={o.id} className="flex min-w-0 flex-wrap items-baseline gap-x-2">
              <span className={clsx('rounded border px-1.5 text-xs leading-5', STATUS_CLASS[o.status])}>{STATUS_WORD[o.status]}</span>
              <span className="min-w-0">{all[o.action_index] ? describeAction(all[o.action_index], nameOf) : o.action_type}</span>
              {o.status_code !== null && <span className="text-xs text-fg-muted tabular-nums">HTTP {o.status_code}</span>}
              {o.reason && <span className="w-full text-xs break-words text-fg-muted">{o.reason}</span>}
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
