import { Bell, Blocks, Braces, Gauge, Package } from 'lucide-react';
import { Link } from '@tanstack/react-router';
import { PlannedPage } from './planned-page.tsx';

const code = 'rounded bg-surface-hover px-1 font-mono text-xs';

export function BlocksPage() {
  return (
    <PlannedPage title="Blocks" icon={Blocks} description="Stored configuration and credentials that flows load by name." emptyTitle="No blocks on this server">
      This page lists block documents (credentials, storage, notification targets) by type; the{' '}
      <Link to="/blocks/catalog" className="text-accent underline">catalog</Link> lists the block types to create them from. This server does not serve blocks yet.
    </PlannedPage>
  );
}

export function BlockCatalogPage() {
  return (
    <PlannedPage title="Block catalog" breadcrumbs={[{ label: 'Blocks', to: '/blocks' }, { label: 'Catalog' }]} icon={Blocks} description="Block types to create blocks from." emptyTitle="No block types on this server">
      The catalog lists every block type with its description, capabilities and a form to create a block. This server does not serve block types yet.
    </PlannedPage>
  );
}

export function BlockPage({ id }: { id: string }) {
  return (
    <PlannedPage title="Block" breadcrumbs={[{ label: 'Blocks', to: '/blocks' }, { label: id }]} icon={Blocks} description={`Block ${id}`} emptyTitle="This block cannot be shown">
      A block page shows its type, its values (secrets masked) and the blocks it references. This server does not serve blocks yet, so <span className={code}>{id}</span> cannot be
      looked up.
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
