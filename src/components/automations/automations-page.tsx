import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plus, Zap } from 'lucide-react';
import { buildAutomationsQuery, buildLastFiredQuery } from '../../api/automations.ts';
import { summarizeTrigger } from '../../lib/automation-templates.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { countOf } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { EnabledSwitch } from './enabled-switch.tsx';
import { useResourceNames } from './use-resource-names.ts';

function NewAutomationLink() {
  return (
    <RequireRole role="admin">
      <Link to="/automations/create" className={buttonClassName('primary')}>
        <Plus aria-hidden="true" />
        New automation
      </Link>
    </RequireRole>
  );
}

/** `/automations`: every automation with what triggers it, when it last fired, and its switch. */
export function AutomationsPage() {
  const automations = useQuery(buildAutomationsQuery());
  const lastFired = useQuery(buildLastFiredQuery(automations.data?.map((a) => a.id) ?? []));
  const nameOf = useResourceNames(automations.data);
  const list = automations.data;
  return (
    <>
      <PageHeader title="Automations" count={list?.length} description="When something happens — or fails to happen — do something: pause a deployment, run one, send a notification, call a webhook…" actions={<NewAutomationLink />} />
      <Card>
        {automations.isError ? (
          <ErrorState error={automations.error} onRetry={() => void automations.refetch()} title="Could not load the automations" />
        ) : list?.length === 0 ? (
          <EmptyState icon={Zap} title="No automations yet" action={<NewAutomationLink />}>
            Start from a template: repeated failures of a flow, a deployment with no completed run, a work pool without workers. The form shows how often it would have fired in the last 7 days before you save.
          </EmptyState>
        ) : (
          <>
            <Table
              label="Automations"
              head={
                <>
                  <th className={`${th} w-[30%]`}>Name</th>
                  <th className={`${th} w-[45%]`}>Trigger</th>
                  <th className={th}>Last fired</th>
                  <th className={th}>Enabled</th>
                </>
              }
            >
              {!list ? (
                <SkeletonRows columns={4} rows={4} />
              ) : (
                list.map((a) => (
                  <tr key={a.id}>
                    <td className={tdFlex}>
                      <Link to="/automations/automation/$id" params={{ id: a.id }} className="block truncate font-medium text-accent hover:underline">
                        {a.name}
                      </Link>
                      {a.description && <span className="block truncate text-xs text-fg-muted">{a.description}</span>}
                    </td>
                    <td className={tdFlex}>
                      <span className="block truncate" title={summarizeTrigger(a.trigger, nameOf)}>
                        {summarizeTrigger(a.trigger, nameOf)}
                      </span>
                      <span className="block truncate text-xs text-fg-muted">{countOf(a.actions.length, 'action')}</span>
                    </td>
                    <td className={td}>{lastFired.data ? lastFired.data[a.id] ? <RelativeTime value={lastFired.data[a.id]} /> : <span className="text-fg-muted">Never</span> : <span className="text-fg-muted">…</span>}</td>
                    <td className={td}>
                      <EnabledSwitch automation={a} />
                    </td>
                  </tr>
                ))
              )}
            </Table>
            {list && <p className="border-t border-border px-3 py-2 text-xs text-fg-muted tabular-nums">{countOf(list.length, 'automation')}</p>}
          </>
        )}
      </Card>
    </>
  );
}
