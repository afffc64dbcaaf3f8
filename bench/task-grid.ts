import { gzipSync } from 'node:zlib';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedTaskGrid } from '../server/testing/task-grid-seed.ts';
import type { Figure } from './api.ts';
import { percentile, post, startBenchServer, tempHome } from './lib.ts';

/** `/api/ui/flow_runs/task_grid` over 100 runs × 500 task keys (50,000 task runs), SQLite. */
export async function taskGridBench(runs = 100, keys = 500, requests = 30): Promise<Figure[]> {
  const home = tempHome();
  const db = await openDatabase(`sqlite:///${home}/syntask.db`);
  await migrateToLatest(db);
  const { flowId } = await seedTaskGrid(db, { runs, keys });
  await db.close();
  const server = await startBenchServer(home);
  try {
    const body = { flow_id: flowId, limit: runs };
    const check = await post(server.url, '/api/ui/flow_runs/task_grid', body);
    if (check.status !== 200 || check.body.rows.length !== keys) throw new Error(`task_grid returned ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`);
    const json = JSON.stringify(check.body);
    const timings: number[] = [];
    for (let i = 0; i < requests + 3; i++) {
      const t = performance.now();
      await post(server.url, '/api/ui/flow_runs/task_grid', body);
      if (i >= 3) timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    const t25: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      await post(server.url, '/api/ui/flow_runs/task_grid', { flow_id: flowId });
      t25.push(performance.now() - t);
    }
    t25.sort((a, b) => a - b);
    const label = `${runs} runs × ${keys} keys`;
    const p95 = percentile(timings, 95);
    return [
      { name: `/api/ui/flow_runs/task_grid p50 (${label})`, value: percentile(timings, 50), unit: 'ms' },
      { name: `/api/ui/flow_runs/task_grid p95 (${label})`, value: p95, unit: 'ms', target: '≤ 500 ms', ok: p95 <= 500 },
      { name: `/api/ui/flow_runs/task_grid p50 (default 25 runs × ${keys} keys)`, value: percentile(t25, 50), unit: 'ms' },
      { name: `task_grid answer (${label}), JSON`, value: Buffer.byteLength(json) / 1024, unit: 'KB' },
      { name: `task_grid answer (${label}), gzip`, value: gzipSync(json).length / 1024, unit: 'KB' },
    ];
  } finally {
    await server.stop();
  }
}
