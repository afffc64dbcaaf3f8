import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { ConnectionIndicator } from './connection-indicator.tsx';
import { SideNav } from './side-nav.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="grid h-dvh grid-cols-[13rem_minmax(0,1fr)] grid-rows-[3rem_minmax(0,1fr)]">
      <header className="col-span-2 flex items-center gap-4 border-b border-border bg-surface-raised px-4">
        <Link to="/dashboard" className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="size-5" />
          Syntask
        </Link>
        <div className="ml-auto flex items-center gap-4">
          <ConnectionIndicator />
          <ThemeToggle />
        </div>
      </header>
      <SideNav />
      <main className="overflow-y-auto px-8 py-6">{children}</main>
    </div>
  );
}
