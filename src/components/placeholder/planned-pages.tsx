import { Blocks, Server } from 'lucide-react';
import { Link } from '@tanstack/react-router';
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

export function BlocksPage() {
  return (
    <PlannedPage title="Blocks" icon={Blocks} description="Stored configuration and credentials that flows load by name." emptyTitle="No blocks on this server">
      This page lists block documents (credentials, storage, notification targets) by type; the{' '}
      <Link to="/blocks/catalog" className="text-accent hover:underline">catalog</Link> lists the block types to create them from. This server does not serve blocks yet.
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
