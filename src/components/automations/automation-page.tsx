import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Pencil, Trash2 } from 'lucide-react';
import { buildAutomationQuery, useDeleteAutomation, type Automation } from '../../api/automations.ts';
import { actionResourceId, describeAction } from '../../lib/automation-actions.ts';
import { summarizeTrigger, triggerJson } from '../../lib/automation-templates.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { resourceRoute } from '../../lib/event-search.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { KeyValue } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { DateTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { AutomationFirings } from './automation-firings.tsx';
import { AutomationLoadError, NOT_FOUND } from './automation-form-pages.tsx';
import { EnabledSwitch } from './enabled-switch.tsx';
import { useResourceNames } from './use-resource-names.ts';

/** `/automations/automation/<id>`: what it waits for, what it does, and every recent firing with its cause and outcome. */
export function AutomationPage({ id }: { id: string }) {
  const automation = useQuery(buildAutomationQuery(id));
  if (!isUuid(id)) return <AutomationLoadError id={id} error={NOT_FOUND} onRetry={() => undefined} />;
  if (automation.isError) return <AutomationLoadError id={id} error={automation.error} onRetry={() => void automation.refetch()} />;
  if (!automation.data) {
    return (
      <div aria-busy="true" aria-label="Loading the automation" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
      </div>
    );
  }
  return <Loaded automation={automation.data} />;
}

function Loaded({ automation: a }: { automation: Automation }) {
  const nameOf = useResourceNames([a]);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Automations', to: '/automations' }, { label: a.name }]}
        title={a.name}
        badge={<EnabledSwitch automation={a} />}
        description={a.description || undefined}
        actions={
          <>
            <RequireRole role="admin">
              <Link to="/automations/automation/$id/edit" params={{ id: a.id }} className={buttonClassName()}>
                <Pencil aria-hidden="true" />
                Edit
              </Link>
            </RequireRole>
            <RequireRole role="admin">
              <Button onClick={() => setConfirming(true)}>
                <Trash2 aria-hidden="true" />
                Delete
              </Button>
            </RequireRole>
          </>
        }
      />
      <DeleteDialog automation={a} open={confirming} onClose={() => setConfirming(false)} />
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        <Card>
          <CardHeader title="Trigger" />
          <div className="grid gap-2 p-4 text-sm">
            <p className="font-medium">{summarizeTrigger(a.trigger, nameOf)}</p>
            <details>
              <summary className="cursor-pointer text-accent">Trigger as JSON</summary>
              <pre tabIndex={0} aria-label="Trigger (JSON)" className="mt-2 max-h-80 overflow-auto rounded bg-surface-hover p-3 font-mono text-xs">
                {triggerJson(a.trigger)}
              </pre>
            </details>
          </div>
        </Card>
        <Card>
          <CardHeader title={`Actions (${a.actions.length})`} />
          <div className="grid gap-3 p-4 text-sm">
            <ol aria-label="Actions" className="grid list-decimal gap-1 pl-5">
              {a.actions.map((action, i) => {
                const resource = actionResourceId(action);
                const to = resource ? resourceRoute({ 'syntask.resource.id': resource, 'syntask.resource.name': nameOf(resource) ?? '' }) : null;
                const text = describeAction(action, nameOf);
                return <li key={i}>{to ? <Link to={to} className="text-accent hover:underline">{text}</Link> : text}</li>;
              })}
            </ol>
            <KeyValue
              items={[
                ['Created', <DateTime key="c" value={a.created} />],
                ['Updated', <DateTime key="u" value={a.updated} />],
                ['Id', <span key="i" className="font-mono text-xs">{a.id}</span>],
              ]}
            />
          </div>
        </Card>
      </div>
      <AutomationFirings automation={a} nameOf={nameOf} />
    </>
  );
}

function DeleteDialog({ automation, open, onClose }: { automation: Automation; open: boolean; onClose: () => void }) {
  const remove = useDeleteAutomation();
  const navigate = useNavigate();
  const confirm = () =>
    remove.mutate(automation.id, {
      onSuccess: () => {
        toast(`Deleted automation ${automation.name}.`);
        void navigate({ to: '/automations' });
      },
    });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Delete automation?"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={remove.isPending} onClick={confirm}>
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </Button>
        </>
      }
    >
      <p>
        “{automation.name}” stops acting at once, and its firings are no longer shown. Events it caused stay in the event feed.
      </p>
    </Dialog>
  );
}
