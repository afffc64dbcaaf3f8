import { PageHeader } from '../ui/page-header.tsx';
import { ServerStatusCard } from './server-status-card.tsx';

export function DashboardPage() {
  return (
    <>
      <PageHeader title="Dashboard" description="Health of your Syntask server." />
      <div className="grid max-w-xl gap-4">
        <ServerStatusCard />
      </div>
    </>
  );
}
