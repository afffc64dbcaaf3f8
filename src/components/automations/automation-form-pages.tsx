import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../api/auth.ts';
import { buildAutomationQuery, type Automation } from '../../api/automations.ts';
import { ApiError } from '../../api/client.ts';
import { draftFromAutomation, newAutomationDraft } from '../../lib/automation-form.ts';
import { draftForResource } from '../../lib/automation-templates.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { AutomationForm } from './automation-form.tsx';

const LIST = { label: 'Automations', to: '/automations' };

/** What a link with an id that cannot be an automation's gets (no request is made). */
export const NOT_FOUND = new ApiError(404, 'Automation not found');

/** `/automations/create`: the form, starting from the template of `resource` when a resource's page linked here. */
export function CreateAutomationPage({ resource }: { resource?: string }) {
  const can = useCan('admin');
  // Read once: the form owns its input from here on.
  const [initial] = useState(() => newAutomationDraft(draftForResource(resource)));
  if (!can) return <NeedsRolePage role="admin" title="New automation" breadcrumbs={[LIST, { label: 'New' }]} />;
  return (
    <>
      <PageHeader title="New automation" breadcrumbs={[LIST, { label: 'New' }]} description="When something happens (or fails to happen), do something: a trigger, one or more actions, and a name." />
      <AutomationForm initial={initial} />
    </>
  );
}

/** `/automations/automation/<id>/edit`. */
export function EditAutomationPage({ id }: { id: string }) {
  const can = useCan('admin');
  const automation = useQuery(buildAutomationQuery(id));
  const crumbs = [LIST, { label: automation.data?.name ?? id, to: '/automations/automation/$id', params: { id } }, { label: 'Edit' }];
  if (!can) return <NeedsRolePage role="admin" title="Edit automation" breadcrumbs={crumbs} />;
  if (!isUuid(id)) return <AutomationLoadError id={id} error={NOT_FOUND} onRetry={() => undefined} />;
  if (automation.isError) return <AutomationLoadError id={id} error={automation.error} onRetry={() => void automation.refetch()} />;
  if (!automation.data) return <Skeleton className="h-64 w-full" />;
  return (
    <>
      <PageHeader title={`Edit ${automation.data.name}`} breadcrumbs={crumbs} />
      <EditForm automation={automation.data} />
    </>
  );
}

function EditForm({ automation }: { automation: Automation }) {
  // The form starts from the automation as first read; a later refetch does not overwrite what is being typed.
  const [initial] = useState(() => draftFromAutomation(automation));
  return <AutomationForm initial={initial} automation={automation} />;
}

/** A failed read of one automation: "not found" said plainly (deleted, or a wrong link), anything else with a retry. */
export function AutomationLoadError({ id, error, onRetry }: { id: string; error: Error; onRetry: () => void }): ReactNode {
  if ((error as { status?: number }).status !== 404) return <ErrorState error={error} onRetry={onRetry} title="Could not load the automation" />;
  return (
    <>
      <PageHeader breadcrumbs={[LIST, { label: id }]} title="Automation not found" />
      <Card>
        <EmptyState title="No such automation">
          No automation has the id “{id}”; it may have been deleted (or automations are not enabled on this server).{' '}
          <Link to="/automations" className="text-accent hover:underline">
            Back to automations
          </Link>
        </EmptyState>
      </Card>
    </>
  );
}
