import { randomUUID } from 'node:crypto';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import type { StateTypeName } from '../server/api/models/states.ts';
import { newState } from '../server/orchestration/context.ts';
import { parallel, percentile, post, startBenchServer, tempHome } from './lib.ts';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/** Task-run lifecycles per second: create + PENDING → RUNNING → COMPLETED over HTTP. */
export async function lifecycles(total = 6000, clients = 16): Promise<Figure> {
  const server = await startBenchServer();
  try {
    const flow = (await post(server.url, '/api/flows/', { name: 'bench' })).body;
    const run = (await post(server.url, '/api/flow_runs/', { flow_id: flow.id, state: { type: 'RUNNING' } })).body;
    let next = 0;
    const warmup = 300;
    const one = async (i: number) => {
      const t = (await post(server.url, '/api/task_runs/', { flow_run_id: run.id, task_key: 'bench', dynamic_key: String(i) })).body;
      for (const type of ['RUNNING', 'COMPLETED']) {
        const r = await post(server.url, `/api/task_runs/${t.id}/set_state`, { state: { type } });
        if (r.body.status !== 'ACCEPT') throw new Error(`lifecycle ${i}: ${JSON.stringify(r.body)}`);
      }
    };
    for (let i = 0; i < warmup; i++) await one(-1 - i);
    const started = performance.now();
    await parallel(clients, async () => {
      while (next < total) await one(next++);
    });
    const perSecond = total / ((performance.now() - started) / 1000);
    return { name: 'task-run lifecycles (create + PENDING→RUNNING→COMPLETED)', value: perSecond, unit: '/s', target: '≥ 1,000/s', ok: perSecond >= 1000 };
  } finally {
    await server.stop();
  }
}

/** Log lines ingested per second in batches of 200. */
export async function logIngest(lines = 400_000, clients = 4): Promise<Figure> {
  const server = await startBenchServer();
  try {
    const flowRunId = randomUUID();
    const batch = (n: number) =>
      Array.from({ length: 200 }, (_, i) => ({ name: 'bench', level: 20, message: `line ${n * 200 + i} of the benchmark, with a realistic amount of text in it`, timestamp: new Date().toISOString(), flow_run_id: flowRunId, task_run_id: null }));
    const batches = lines / 200;
    let next = 0;
    for (let i = 0; i < 20; i++) await post(server.url, '/api/logs/', batch(i));
    const started = performance.now();
    await parallel(clients, async () => {
      while (next < batches) {
        const res = await post(server.url, '/api/logs/', batch(next++));
        if (res.status !== 201) throw new Error(`logs: ${res.status}`);
      }
    });
    const perSecond = lines / ((performance.now() - started) / 1000);
    return { name: 'log lines ingested (batches of 200)', value: perSecond, unit: '/s', target: '≥ 50,000/s', ok: perSecond >= 50_000 };
  } finally {
    await server.stop();
  }
}

/** Seeds flow runs straight into the database (the fast way to get 100k rows), then queries over HTTP. */
export async function seedFlowRuns(home: string, count: number) {
  const db = await openDatabase(`sqlite:///${home}/syntask.db`);
  await migrateToLatest(db);
  const now = Date.now() * 1000;
  const flows = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), created: now, updated: now, name: `flow-${i}`, tags: '[]' }));
  await db.kysely.insertInto('flow').values(flows).execute();
  const types = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED', 'RUNNING', 'SCHEDULED', 'CANCELLED', 'CRASHED'];
  const tagSets = [['nightly'], ['nightly', 'etl'], ['hourly'], [], ['etl']];
  await db.transaction(async (trx) => {
    for (let start = 0; start < count; start += 500) {
      const rows = [];
      const states = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const id = randomUUID();
        const stateId = randomUUID();
        const type = types[i % types.length];
        const t = now - (count - i) * 30_000_000;
        rows.push({
          id, created: t, updated: t, name: `run-${i}`, flow_id: flows[i % flows.length].id, state_id: stateId, state_type: type, state_name: type.charAt(0) + type.slice(1).toLowerCase(), state_timestamp: t,
          run_count: 1, expected_start_time: t, next_scheduled_start_time: null, start_time: t, end_time: t + 5_000_000, total_run_time: 5,
          deployment_id: null, deployment_version: null, work_queue_id: null, work_queue_name: null, flow_version: null, parameters: '{}', idempotency_key: null, context: '{}',
          empirical_policy: '{}', tags: JSON.stringify(tagSets[i % tagSets.length]), parent_task_run_id: null, auto_scheduled: 0, infrastructure_document_id: null,
          infrastructure_pid: null, created_by: null, job_variables: null,
        });
        states.push({ id: stateId, created: t, updated: t, flow_run_id: id, type, name: type, timestamp: t, message: null, data: null, state_details: JSON.stringify({ ...newState(type as StateTypeName, type, t).details, flow_run_id: id }) });
      }
      await trx.insertInto('flow_run').values(rows).execute();
      await trx.insertInto('flow_run_state').values(states).execute();
    }
  });
  await db.close();
}

/** `/api/flow_runs/filter` latency with 100,000 runs, filtered by state and tag, limit 50. */
export async function filterLatency(count = 100_000, requests = 300): Promise<Figure[]> {
  const home = tempHome();
  await seedFlowRuns(home, count);
  const server = await startBenchServer(home);
  try {
    const body = { flow_runs: { state: { type: { any_: ['COMPLETED', 'FAILED'] } }, tags: { all_: ['nightly'] } }, limit: 50 };
    const check = await post(server.url, '/api/flow_runs/filter', body);
    if (check.body?.length !== 50) throw new Error(`filter returned ${check.status}: ${JSON.stringify(check.body).slice(0, 300)}`);
    const timings: number[] = [];
    for (let i = 0; i < requests + 20; i++) {
      const t = performance.now();
      await post(server.url, '/api/flow_runs/filter', { ...body, sort: i % 2 ? 'START_TIME_DESC' : 'ID_DESC' });
      if (i >= 20) timings.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    return [
      { name: `/api/flow_runs/filter p50 (${count.toLocaleString('en')} runs, state + tag, limit 50)`, value: percentile(timings, 50), unit: 'ms' },
      { name: `/api/flow_runs/filter p95 (${count.toLocaleString('en')} runs, state + tag, limit 50)`, value: p95, unit: 'ms', target: '≤ 20 ms', ok: p95 <= 20 },
    ];
  } finally {
    await server.stop();
  }
}
