import { flow, getRunLogger, task } from 'syntask';

/** A cached task (the second run reuses its result) and tasks limited by the `warehouse-slot` tag concurrency limit. */

const fetchReferenceData = task(
  { name: 'fetch-reference-data', cacheKeyFn: (_ctx, day: string) => `reference-data-${day}`, cacheExpiration: 3600 },
  async (day: string) => {
    getRunLogger().info(`Downloading reference data for ${day} (slow, so it is cached for an hour)`);
    await new Promise((r) => setTimeout(r, 1500));
    return { day, currencies: ['EUR', 'USD', 'GBP'], version: 3 };
  },
);

const queryWarehouse = task({ name: 'query-warehouse', tags: ['warehouse-slot'] }, async (table: string) => {
  getRunLogger().info(`Querying ${table} (holds one of the warehouse slots)`);
  await new Promise((r) => setTimeout(r, 1000));
  return table.length;
});

export const cachedLookups = flow({ name: 'cached-lookups', description: 'Reuses cached reference data; warehouse queries share a tag concurrency limit.' }, async () => {
  const day = new Date().toISOString().slice(0, 10);
  const reference = await fetchReferenceData(day);
  const sizes = await Promise.all(queryWarehouse.map(['orders', 'customers', 'payments', 'refunds']).map((f) => f.result()));
  return { reference: reference.version, rows: sizes.reduce((a, b) => a + b, 0) };
});
