/**
 * The top-level pages of the dashboard, in navigation order: the side navigation, the
 * `g <key>` shortcuts and the command palette all read this one list.
 */
export interface TopPage {
  id: string;
  label: string;
  // Plain string while some sections are placeholders; narrow to the router's path type later.
  to: string;
  /** Second key of the `g <key>` go-to shortcut. */
  goKey: string;
  /** Shown only when the server's `/ui-settings` flags include this one. */
  flag?: string;
}

/** The pages a server with these flags offers (`undefined` while unknown: none of the flagged ones yet). */
export const pagesFor = (flags: ReadonlySet<string> | undefined, pages: readonly TopPage[] = TOP_PAGES) => pages.filter((p) => !p.flag || flags?.has(p.flag));

export const TOP_PAGES: readonly TopPage[] = [
  { id: 'dashboard', label: 'Dashboard', to: '/dashboard', goKey: 'h' },
  { id: 'runs', label: 'Runs', to: '/runs', goKey: 'r' },
  { id: 'failures', label: 'Failures', to: '/failures', goKey: 'x' },
  { id: 'flows', label: 'Flows', to: '/flows', goKey: 'f' },
  { id: 'deployments', label: 'Deployments', to: '/deployments', goKey: 'd' },
  { id: 'work-pools', label: 'Work Pools', to: '/work-pools', goKey: 'w' },
  { id: 'blocks', label: 'Blocks', to: '/blocks', goKey: 'b' },
  { id: 'variables', label: 'Variables', to: '/variables', goKey: 'v' },
  { id: 'concurrency', label: 'Concurrency', to: '/concurrency-limits', goKey: 'c' },
  { id: 'artifacts', label: 'Artifacts', to: '/artifacts', goKey: 'a' },
  { id: 'events', label: 'Event feed', to: '/events', goKey: 'e' },
  { id: 'automations', label: 'Automations', to: '/automations', goKey: 'o', flag: 'automations' },
  { id: 'notifications', label: 'Notifications', to: '/notifications', goKey: 'n' },
  { id: 'settings', label: 'Settings', to: '/settings', goKey: 's' },
  { id: 'audit-log', label: 'Audit log', to: '/audit-log', goKey: 'l' },
];
