import { Link } from '@tanstack/react-router';
import { Card } from '../ui/card.tsx';
import { PageHeader, type Crumb } from '../ui/page-header.tsx';
import { EmptyState } from '../ui/states.tsx';

/** A block or block type that does not exist (deleted, or a mistyped link): said plainly, with the way back. */
export function BlockNotFound({ what, value, crumbs }: { what: 'block' | 'block type'; value: string; crumbs: Crumb[] }) {
  const back = what === 'block' ? { to: '/blocks', label: 'Back to blocks' } : { to: '/blocks/catalog', label: 'Back to the catalog' };
  return (
    <>
      <PageHeader breadcrumbs={crumbs} title={what === 'block' ? 'Block not found' : 'Block type not found'} />
      <Card>
        <EmptyState title={`No such ${what}`}>
          No {what} {what === 'block' ? 'has the id' : 'has the slug'} “{value}”; it may have been deleted.{' '}
          <Link to={back.to} className="text-accent hover:underline">
            {back.label}
          </Link>
        </EmptyState>
      </Card>
    </>
  );
}
