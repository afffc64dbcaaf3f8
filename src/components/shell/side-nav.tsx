import { Link } from '@tanstack/react-router';
import {
  Bell,
  Blocks,
  Braces,
  Gauge,
  LayoutDashboard,
  Package,
  Play,
  Rocket,
  Server,
  Settings,
  Workflow,
  type LucideIcon,
} from 'lucide-react';

interface NavItem {
  label: string;
  // Plain string while most sections have no route yet (they land on the not-found page);
  // narrow it to the router's path type once every section exists.
  to: string;
  icon: LucideIcon;
}

const NAV_ITEMS: readonly NavItem[] = [
  { label: 'Dashboard', to: '/dashboard', icon: LayoutDashboard },
  { label: 'Runs', to: '/runs', icon: Play },
  { label: 'Flows', to: '/flows', icon: Workflow },
  { label: 'Deployments', to: '/deployments', icon: Rocket },
  { label: 'Work Pools', to: '/work-pools', icon: Server },
  { label: 'Blocks', to: '/blocks', icon: Blocks },
  { label: 'Variables', to: '/variables', icon: Braces },
  { label: 'Concurrency', to: '/concurrency-limits', icon: Gauge },
  { label: 'Artifacts', to: '/artifacts', icon: Package },
  { label: 'Notifications', to: '/notifications', icon: Bell },
  { label: 'Settings', to: '/settings', icon: Settings },
];

export function SideNav() {
  return (
    <nav aria-label="Main" className="overflow-y-auto border-r border-border bg-surface-raised px-2 py-3">
      <ul className="space-y-0.5">
        {NAV_ITEMS.map(({ label, to, icon: Icon }) => (
          <li key={to}>
            <Link
              to={to}
              className="flex h-8 items-center gap-2.5 rounded-md px-2.5 text-fg-muted transition-colors hover:bg-surface-hover hover:text-fg data-[status=active]:bg-accent/10 data-[status=active]:font-medium data-[status=active]:text-accent"
            >
              <Icon className="size-4 shrink-0" aria-hidden="true" />
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
