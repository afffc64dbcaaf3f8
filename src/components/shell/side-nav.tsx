import { Link } from '@tanstack/react-router';
import { TOP_PAGES } from '../../lib/pages.ts';
import { Bell, Blocks, Braces, Gauge, LayoutDashboard, Package, Play, Rocket, Server, Settings, Workflow, type LucideIcon } from 'lucide-react';

// The page list itself (labels, paths, go-to keys) is shared with the shortcuts and the palette.
const ICONS: Record<string, LucideIcon> = {
  dashboard: LayoutDashboard,
  runs: Play,
  flows: Workflow,
  deployments: Rocket,
  'work-pools': Server,
  blocks: Blocks,
  variables: Braces,
  concurrency: Gauge,
  artifacts: Package,
  notifications: Bell,
  settings: Settings,
};

export function SideNav() {
  return (
    <nav aria-label="Main" className="overflow-y-auto border-r border-border bg-surface-raised px-2 py-3">
      <ul className="space-y-0.5">
        {TOP_PAGES.map(({ id, label, to, goKey }) => {
          const Icon = ICONS[id];
          return (
            <li key={to}>
              <Link
                to={to}
                title={`${label} (g then ${goKey})`}
                className="flex h-8 items-center gap-2.5 rounded-md px-2.5 text-fg-muted transition-colors hover:bg-surface-hover hover:text-fg data-[status=active]:bg-accent/10 data-[status=active]:font-medium data-[status=active]:text-accent"
              >
                <Icon className="size-4 shrink-0" aria-hidden="true" />
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
