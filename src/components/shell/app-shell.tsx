import type { ReactNode } from 'react';
import { clsx } from 'clsx';
import { Link } from '@tanstack/react-router';
import { UserMenu } from '../auth/user-menu.tsx';
import { CommandPalette } from '../palette/command-palette.tsx';
import { Toaster } from '../ui/toast.tsx';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { ShortcutDispatcher, ShortcutHelp } from './shortcuts.tsx';
import { SideNav } from './side-nav.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { TimeZonePicker } from './time-zone-picker.tsx';
import { useSidebarCollapsed } from './use-sidebar.ts';

export function AppShell({ children }: { children: ReactNode }) {
  const [collapsed, setCollapsed] = useSidebarCollapsed();
  return (
    <div className={clsx('grid h-dvh grid-rows-[3rem_minmax(0,1fr)]', collapsed ? 'grid-cols-[3rem_minmax(0,1fr)]' : 'grid-cols-[13rem_minmax(0,1fr)]')}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface-raised focus:px-2 focus:py-1">
        Skip to content
      </a>
      <header className="col-span-2 flex items-center gap-4 border-b border-border bg-surface-raised px-4">
        <Link to="/dashboard" className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="size-5" />
          Syntask
        </Link>
        <CommandPalette />
        <div className="ml-auto flex items-center gap-4">
          <ConnectionIndicator />
          <TimeZonePicker />
          <ThemeToggle />
          <ShortcutHelp />
          <UserMenu />
        </div>
      </header>
      <SideNav collapsed={collapsed} onCollapse={setCollapsed} />
      <main id="main" className="overflow-y-auto px-8 py-6">
        {children}
      </main>
      <Toaster />
      <ShortcutDispatcher />
    </div>
  );
}
