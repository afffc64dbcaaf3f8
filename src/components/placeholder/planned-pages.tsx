import { Bell, Braces, Gauge, Package, Server } from 'lucide-react';
import { PlannedPage } from './planned-page.tsx';

const code = 'rounded bg-surface-hover px-1 font-mono text-xs';

export function WorkPoolsPage() {
  return (
    <PlannedPage title="Work Pools" icon={Server} description="Where deployments run: pools of workers polling for scheduled runs." emptyTitle="No work pools on this server">
      This page lists each work pool with its type, status, queues, workers and late runs. This server does not serve work pools yet; a worker started with{' '}
      <span className={code}>syntask worker start --pool &lt;name&gt;</span> will create its pool once it does.
    </PlannedPage>
  );
}

export function WorkPoolPage({ name }: { name: string }) {
  return (
    <PlannedPage title={name} breadcrumbs={[{ label: 'Work Pools', to: '/work-pools' }, { label: name }]} icon={Server} description="Work pool" emptyTitle="This work pool cannot be shown">
      A work pool page shows its queues with their priorities and concurrency limits, its workers with their last heartbeat, and its runs. This server does not serve work pools
      yet, so <span className={code}>{name}</span> cannot be looked up.
    </PlannedPage>
  );
}

export function VariablesPage() {
  return (
    <PlannedPage title="Variables" icon={Braces} description="Named values that flows and deployment templates read at run time." emptyTitle="No variables on this server">
      This page lists variables with their values and tags, and creates, edits and deletes them. This server does not serve variables yet.
    </PlannedPage>
  );
}

export function ConcurrencyPage() {
  return (
    <PlannedPage title="Concurrency" icon={Gauge} description="Limits on how many task runs with a tag run at once." emptyTitle="Concurrency limits are not shown here yet">
      This page will list tag limits with their active slots and the task runs holding them, and create, reset and delete them. The server already enforces tag limits: create one
      with <span className={code}>POST /api/concurrency_limits/</span>.
    </PlannedPage>
  );
}

export function ArtifactsPage() {
  return (
    <PlannedPage title="Artifacts" icon={Package} description="Tables, links, markdown and results that runs publish." emptyTitle="No artifacts on this server">
      This page lists the latest artifact of each key with its type and the run that made it, and shows its history. This server does not serve artifacts yet.
    </PlannedPage>
  );
}

export function NotificationsPage() {
  return (
    <PlannedPage title="Notifications" icon={Bell} description="Messages sent when flow runs enter chosen states." emptyTitle="No notifications on this server">
      This page lists notification policies (states, tags, the block that sends the message, the template) and lets you pause or edit them. This server does not serve them yet.
    </PlannedPage>
  );
}
