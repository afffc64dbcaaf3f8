import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Card } from '../ui/card.tsx';
import { PageHeader, type Crumb } from '../ui/page-header.tsx';
import { EmptyState } from '../ui/states.tsx';

export interface PlannedPageProps {
  title: string;
  breadcrumbs?: Crumb[];
  icon: LucideIcon;
  /** One line on what the page is for. */
  description: string;
  /** Empty-state heading. */
  emptyTitle: string;
  /** What the page will list or show, and what the user can do meanwhile. */
  children: ReactNode;
}

/**
 * A section whose data this server does not serve yet: the page exists (deep links work),
 * says what it will hold and what to do now, and never shows invented data.
 */
export function PlannedPage({ title, breadcrumbs, icon, description, emptyTitle, children }: PlannedPageProps) {
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} description={description} />
      <Card>
        <EmptyState icon={icon} title={emptyTitle}>
          {children}
        </EmptyState>
      </Card>
    </>
  );
}
