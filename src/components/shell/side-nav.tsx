import { Link } from '@tanstack/react-router';
import { useFeatureFlags } from '../../api/server.ts';
import { pagesFor } from '../../lib/pages.ts';
import { clsx } from 'clsx';
import { Bell, Blocks, Braces, Bug, Gauge, LayoutDashboard, Package, PanelLeftClose, PanelLeftOpen, Play, Radio, Rocket, ScrollText, Server, Settings, Workflow, Zap, type LucideIcon } from 'lucide-react';

// The page list itself (labels, paths, go-to keys) is shared with the shortcuts and the palette.
const ICONS: Record<string, LucideIcon> = {
  dashboard: LayoutDashboard,
  runs: Play,
  failures: Bug,
  flows: Workflow,
  deployments: Rocket,
  'work-pools': Server,
  blocks: Blocks,
  variables: Braces,
  concurrency: Gauge,
  artifacts: Package,
  events: Radio,
  automations: Zap,
  notifications: Bell,
  settings: Settings,
  'audit-log': ScrollText,
};

/** The main navigation; collapsed, it shows the icons only, each named by its tooltip and label. */
export function SideNav({ collapsed, onCollapse }: { collapsed: boolean; onCollapse: (collapsed: boolean) => void }) {
  const Toggle = collapsed ? PanelLeftOpen : PanelLeftClose;
  const pages = pagesFor(useFeatureFlags());
  return (
    <nav aria-label="Main" className={clsx('flex flex-col overflow-y-auto border-r border-border bg-surface-raised py-3', collapsed ? 'px-1.5' : 'px-2')}>
      <ul id="main-nav-pages" className="space-y-0.5">
        {pages.map(({ id, label, to, goKey }) => {
          const Icon = ICONS[id];
          return (
            <li key={to}>
              <Link
                to={to}
                title={`${label} (g then ${goKey})`}
                aria-label={collapsed ? label : undefined}
                className={clsx(
                  'flex h-8 items-center gap-2.5 rounded-md text-fg-muted transition-colors hover:bg-surface-hover hover:text-fg data-[status=active]:bg-accent/10 data-[status=active]:font-medium data-[status=active]:text-accent',
                  collapsed ? 'justify-center px-0' : 'px-2.5',
                )}
              >
                <Icon className="size-4 shrink-0" aria-hidden="true" />
                {!collapsed && label}
              </Link>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        aria-label="Sidebar"
        aria-expanded={!collapsed}
        aria-controls="main-nav-pages"
        title={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
        onClick={() => onCollapse(!collapsed)}
        className={clsx('mt-auto flex h-8 shrink-0 items-center rounded-md text-fg-muted transition-colors hover:bg-surface-hover hover:text-fg', collapsed ? 'justify-center' : 'px-2.5')}
      >
        <Toggle className="size-4 shrink-0" aria-hidden="true" />
      </button>
    </nav>
  );
}
