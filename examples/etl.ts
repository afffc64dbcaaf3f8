import { Block, createTableArtifact, flow, getRunContext, getRunLogger, task, z } from 'syntask';

/** Parallel extracts feeding one transform (fan-in), a flaky step that recovers on retry, a load that uses a stored connection. */

const SOURCES = ['orders', 'customers', 'payments'] as const;

const extract = task({ name: 'extract', tags: ['io'], retries: 1 }, async (source: string) => {
  const logger = getRunLogger();
  await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
  const rows = Array.from({ length: 20 + Math.floor(Math.random() * 30) }, (_, i) => ({ id: `${source}-${i}`, amount: Math.round(Math.random() * 10_000) / 100 }));
  logger.info(`Extracted ${rows.length} rows from ${source}`);
  return { source, rows };
});

const transform = task({ name: 'transform' }, async (...batches: { source: string; rows: { id: string; amount: number }[] }[]) => {
  const rows = batches.flatMap((b) => b.rows.map((r) => ({ ...r, source: b.source })));
  getRunLogger().info(`Transformed ${rows.length} rows from ${batches.length} sources`);
  return rows;
});

/** Fails on its first attempt (a flaky upstream API), succeeds on the retry. */
const enrich = task({ name: 'enrich-with-fx-rates', retries: 2, retryDelaySeconds: 1 }, async (rows: { source: string; amount: number }[]) => {
  const ctx = getRunContext();
  if (ctx?.kind === 'task' && ctx.taskRun.runCount === 1) throw new Error('FX rates API answered 503 Service Unavailable');
  return rows.map((r) => ({ ...r, amount_eur: Math.round(r.amount * 0.92 * 100) / 100 }));
});

const load = task({ name: 'load', tags: ['warehouse'] }, async (rows: { source: string; amount_eur: number }[]) => {
  const connection = await Block.load<{ host: string; port: number; database: string; credentials: { user: string; password: string } }>('database-connection/warehouse');
  const { host, port, database, credentials } = connection.data;
  getRunLogger().info(`Loading ${rows.length} rows into ${database} on ${host}:${port} as ${credentials.user}`);
  await new Promise((r) => setTimeout(r, 400));
  const bySource = SOURCES.map((source) => {
    const mine = rows.filter((r) => r.source === source);
    return { source, rows: mine.length, total_eur: Math.round(mine.reduce((n, r) => n + r.amount_eur, 0) * 100) / 100 };
  });
  await createTableArtifact({ key: 'etl-load-summary', table: bySource, description: 'Rows and totals loaded per source' });
  return bySource;
});

export const etl = flow(
  {
    name: 'etl',
    description: 'Extracts three sources in parallel, transforms and enriches them, and loads the warehouse.',
    parameters: z.object({ full_refresh: z.boolean().default(false).describe('Reload everything instead of the last day') }),
  },
  async ({ full_refresh }) => {
    getRunLogger().info(`Starting ${full_refresh ? 'a full refresh' : 'an incremental load'}`);
    const batches = SOURCES.map((source) => extract.submit(source));
    const rows = await transform(...batches);
    const enriched = await enrich(rows);
    return load(enriched);
  },
);
