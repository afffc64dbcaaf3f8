import { randomUUID } from 'node:crypto';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { failureSignature } from '../server/lib/failure-signature.ts';
import type { Figure } from './api.ts';
import { percentile, post, startBenchServer, tempHome } from './lib.ts';

const CAUSES = Array.from({ length: 30 }, (_, k) => `step ${'abcdefghijklmnopqrstuvwxyz'[k % 26]}${k >= 26 ? 'z' : ''}`);

/** `/api/ui/failures` over 100,000 failed flow runs (30 causes, 20 flows, 7 days), SQLite. */
export async function failuresBench(failed = 100_000, requests = 30): Promise<Figure[]> {
  const home = tempHome();
  const db = await openDatabase(`sqlite:///${home}/syntask.db`);
  await migrateToLatest(db);
  const now = Date.now() * 1000;
  const flows = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `failing-${i}` }));
  await db.kysely.insertInto('flow').values(flows.map((f) => ({ ...f, created: now, updated: now, tags: '[]' }))).execute();
  const week = 7 * 86_400e6;
  await db.transaction(async (trx) => {
    for (let start = 0; start < failed; start += 500) {
      const rows = [];
      for (let i = start; i < Math.min(failed, start + 500); i++) {
        const t = now - Math.floor((i / failed) * week);
        const message = `Flow run encountered an exception: ValueError: ${CAUSES[i % CAUSES.length]} rejected record ${i} of batch-${i % 97}.csv: "bad-${i}"`;
        rows.push({
          id: randomUUID(), created: t, updated: t, name: `failed-${i}`, flow_id: flows[i % flows.length].id, state_id: null, state_type: i % 10 === 0 ? 'CRASHED' : 'FAILED', state_name: 'Failed', state_timestamp: t,
          run_count: 1, expected_start_time: t - 1e6, next_scheduled_start_time: null, start_time: t - 1e6, end_time: t, total_run_time: 1, deployment_id: null, deployment_version: null,
          work_queue_id: null, work_queue_name: null, flow_version: null, parameters: '{}', idempotency_key: null, context: '{}', empirical_policy: '{}', tags: '[]',
          parent_task_run_id: null, auto_scheduled: 0, infrastructure_document_id: null, infrastructure_pid: null, created_by: null, job_variables: null, failure_signature: failureSignature(message),
        });
      }
      await trx.insertInto('flow_run').values(rows).execute();
    }
  });
  await db.close();
  const server = await startBenchServer(home);
  try {
    const range = { start: new Date(now / 1000 - 7 * 86_400_000 - 60_000).toISOString(), end: new Date(now / 1000 + 60_000).toISOString() };
    const check = await post(server.url, '/api/ui/failures', range);
    if (check.status !== 200 || check.body.total !== failed || check.body.groups.length !== 30) throw new Error(`failures returned ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`);
    const time = async (body: object) => {
      const timings: number[] = [];
      for (let i = 0; i < requests + 3; i++) {
        const t = performance.now();
        await post(server.url, '/api/ui/failures', body);
        if (i >= 3) timings.push(performance.now() - t);
      }
      return timings.sort((a, b) => a - b);
    };
    const all = await time(range);
    const day = await time({ ...range, start: new Date(now / 1000 - 86_400_000).toISOString() });
    const oneFlow = await time({ ...range, flows: { id: { any_: [flows[3].id] } } });
    const label = `${failed.toLocaleString('en')} failed runs`;
    return [
      { name: `/api/ui/failures p50 (${label}, 7 days, 30 causes)`, value: percentile(all, 50), unit: 'ms' },
      { name: `/api/ui/failures p95 (${label}, 7 days, 30 causes)`, value: percentile(all, 95), unit: 'ms', target: '≤ 100 ms', ok: percentile(all, 95) <= 100 },
      { name: `/api/ui/failures p95 (${label}, last 24 h)`, value: percentile(day, 95), unit: 'ms', target: '≤ 100 ms', ok: percentile(day, 95) <= 100 },
      { name: `/api/ui/failures p95 (${label}, one flow)`, value: percentile(oneFlow, 95), unit: 'ms', target: '≤ 100 ms', ok: percentile(oneFlow, 95) <= 100 },
    ];
  } finally {
    await server.stop();
  }
}
