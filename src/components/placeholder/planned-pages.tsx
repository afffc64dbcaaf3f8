import { Blocks } from 'lucide-react';
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
