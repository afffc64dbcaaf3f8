/** URL search params of the concurrency page (validated; the default tab is left out of the URL). Pure. */

export type ConcurrencyTab = 'tag' | 'global';

export interface ConcurrencySearch {
  tab?: Exclude<ConcurrencyTab, 'tag'>;
}

export const parseConcurrencySearch = (raw: Record<string, unknown>): ConcurrencySearch => (raw.tab === 'global' ? { tab: 'global' } : {});
