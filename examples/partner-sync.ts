import { concurrency, flow, getRunLogger, rateLimit, task } from 'syntask';

/**
 * Global limits shared by every run on every worker: the partner's API takes bursts of 3
 * calls and then 1 per second (the `partner-api` rate limit), and the warehouse takes at
 * most 2 loads at once (the `warehouse-db` concurrency limit). Both are created by the demo
 * setup and shown on Concurrency → Global.
 */

type Row = { id: number; page: number };

const fetchPartnerPage = task({ name: 'fetch-partner-page', retries: 1 }, async (page: number): Promise<Row[]> => {
  await rateLimit('partner-api', { timeoutSeconds: 120 });
  getRunLogger().info(`Fetched page ${page} from the partner API`);
  return Array.from({ length: 25 }, (_, i) => ({ id: page * 100 + i, page }));
});

const loadIntoWarehouse = task({ name: 'load-into-warehouse' }, (page: number, rows: Row[]) =>
  concurrency(
    'warehouse-db',
    async () => {
      getRunLogger().info(`Loading ${rows.length} rows of page ${page} (holds one of the warehouse-db slots)`);
      await new Promise((r) => setTimeout(r, 1500));
      return rows.length;
    },
    { timeoutSeconds: 300 },
  ),
);

export const partnerSync = flow(
  { name: 'partner-sync', description: 'Pulls pages from a rate-limited partner API and loads them under a global warehouse concurrency limit.' },
  async () => {
    const pages = [1, 2, 3, 4, 5, 6];
    const fetched = fetchPartnerPage.map(pages);
    const loaded = pages.map((page, i) => loadIntoWarehouse.submit(page, fetched[i]));
    const counts = await Promise.all(loaded.map((f) => f.result()));
    return { pages: pages.length, rows: counts.reduce((a, b) => a + b, 0) };
  },
);
