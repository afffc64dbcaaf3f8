import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Trash2 } from 'lucide-react';
import { buildFlowDetailQuery, useDeleteFlow } from '../../api/flows.ts';
import { buildDeploymentCountQuery } from '../../api/deployments.ts';
import { buildFlowRunCountQuery } from '../../api/flow-runs.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { CopyButton, KeyValue, TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { DateTime } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { ConfirmDialog } from '../flow-runs/state-dialog.tsx';
import { FlowRunsTable, NoFlowRuns } from '../flow-runs/flow-runs-table.tsx';
import { FlowDeployments } from '../deployments/flow-deployments.tsx';
import { RunActivityCard } from '../runs/run-activity-card.tsx';
import { TaskGridSection } from '../runs/task-grid.tsx';
import { WatchingAutomations } from '../automations/watching-automations.tsx';

export type FlowTab = 'runs' | 'deployments' | 'details';

export function FlowPage({ id, tab, page, grid, onChange }: { id: string; tab: FlowTab; page: number; grid?: number; onChange: (next: { tab?: FlowTab; page?: number; grid?: number }) => void }) {
  const flow = useQuery(buildFlowDetailQuery(id));
  const filter = { flows: { id: { any_: [id] } } };
  const runCount = useQuery(buildFlowRunCountQuery(filter));
  const deploymentCount = useQuery(buildDeploymentCountQuery(filter));
  const remove = useDeleteFlow();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState(false);

  if (flow.isError) {
    return (flow.error as { status?: number }).status === 404 ? (
      <EmptyState title="Flow not found">
        No flow has the id {id}. <Link to="/flows" className="text-accent hover:underline">Back to flows</Link>
      </EmptyState>
    ) : (
      <ErrorState error={flow.error} onRetry={() => void flow.refetch()} />
    );
  }
  if (!flow.data) return <Skeleton className="h-6 w-64" />;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: 'Flows', to: '/flows' }, { label: flow.data.name }]}
        title={flow.data.name}
        badge={<TagList tags={flow.data.tags} />}
        actions={
          <>
            <CopyButton value={flow.data.id} />
            <RequireRole role="admin">
              <Button onClick={() => setConfirm(true)}>
                <Trash2 aria-hidden="true" />
                Delete
              </Button>
            </RequireRole>
          </>
        }
      />
      <WatchingAutomations resourceId={`syntask.flow.${id}`} />
      <RunActivityCard flowId={id} subject="this flow" />
      <TaskGridSection flowId={id} runs={grid} onRuns={(n) => onChange({ grid: n })} />
      <Card>
        <Tabs
          label="Flow views"
          value={tab}
          onSelect={(t) => onChange({ tab: t === 'runs' ? undefined : t })}
          items={[
            { id: 'runs', label: 'Runs', count: runCount.data },
            { id: 'deployments', label: 'Deployments', count: deploymentCount.data },
            { id: 'details', label: 'Details' },
          ]}
        />
        {tab === 'runs' && <FlowRunsTable filter={filter} sort="START_TIME_DESC" page={page} pageSize={50} onPage={(p) => onChange({ page: p })} hideFlow empty={<NoFlowRuns filtered={false} />} />}
        {tab === 'deployments' && <FlowDeployments flowId={id} />}
        {tab === 'details' && (
          <div className="p-4">
            <KeyValue
              items={[
                ['Flow id', <span className="font-mono text-xs">{flow.data.id}</span>],
                ['Name', flow.data.name],
                ['Created', <DateTime value={flow.data.created} style="seconds" />],
                ['Updated', <DateTime value={flow.data.updated} style="seconds" />],
                ['Tags', flow.data.tags.length ? <TagList tags={flow.data.tags} /> : null],
              ]}
            />
          </div>
        )}
      </Card>
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title="Delete flow"
        confirmLabel="Delete flow"
        busy={remove.isPending}
        onConfirm={() => remove.mutate(id, { onSuccess: () => (toast(`Deleted ${flow.data.name}.`), void navigate({ to: '/flows' })) })}
      >
        Delete {flow.data.name} with all its runs and deployments? This cannot be undone.
      </ConfirmDialog>
    </>
  );
}
