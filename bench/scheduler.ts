import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../server/settings.ts';
import { createServer } from '../server/server.ts';
import { schedulerPass } from '../server/services/scheduler.ts';
import type { Figure } from './api.ts';
import { tempHome } from './lib.ts';

const CRONS = ['*/15 * * * *', '0 * * * *', '0 9 * * 1-5', '30 2 * * *', '0 0 1 * *', '*/5 9-17 * * *'];
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tokyo'];

/** One scheduler pass over `count` deployments with cron schedules (in process, SQLite). */
export async function schedulerBench(count = 1000): Promise<Figure[]> {
  const home = tempHome();
  const { app, ctx } = await createServer(loadSettings({ SYNTASK_HOME: home, SYNTASK_API_DATABASE_CONNECTION_URL: `sqlite:///${join(home, 'bench.db')}`, SYNTASK_SERVER_LOGGING_LEVEL: 'error' }));
  try {
    const flow = (await app.inject({ method: 'POST', url: '/api/flows/', payload: { name: 'scheduled' } })).json();
    for (let i = 0; i < count; i++) {
      const schedule = { cron: CRONS[i % CRONS.length], timezone: ZONES[i % ZONES.length] };
      const res = await app.inject({ method: 'POST', url: '/api/deployments/', payload: { name: `d-${i}`, flow_id: flow.id, schedules: [{ schedule }] } });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const started = performance.now();
    const runs = await schedulerPass(ctx);
    const ms = performance.now() - started;
    return [{ name: `scheduler pass over ${count.toLocaleString('en')} cron deployments (${runs.toLocaleString('en')} runs created)`, value: ms, unit: 'ms' }];
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
}
