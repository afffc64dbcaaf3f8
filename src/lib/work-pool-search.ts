/** URL search params of the work pool page (validated; the default tab is left out of the URL). Pure. */

export const WORK_POOL_TABS = ['details', 'runs', 'queues', 'workers', 'deployments'] as const;
export type WorkPoolTab = (typeof WORK_POOL_TABS)[number];

export interface WorkPoolSearch {
  tab?: Exclude<WorkPoolTab, 'details'>;
  /** Page of the runs tab. */
  page?: number;
}

export function parseWorkPoolSearch(raw: Record<string, unknown>): WorkPoolSearch {
  const out: WorkPoolSearch = {};
  if (typeof raw.tab === 'string' && raw.tab !== 'details' && (WORK_POOL_TABS as readonly string[]).includes(raw.tab)) out.tab = raw.tab as WorkPoolSearch['tab'];
  if (typeof raw.page === 'number' && Number.isInteger(raw.page) && raw.page > 1 && raw.page <= 100_000) out.page = raw.page;
  return out;
}

/** The CLI command that starts a worker polling this pool (quoted when the name needs it in a shell). */
export function workerStartCommand(pool: string): string {
  const quoted = /^[\w.@%+=:,/-]+$/.test(pool) ? pool : `'${pool.replace(/'/g, `'\\''`)}'`;
  return `syntask worker start --pool ${quoted}`;
}
