import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { historyWindowBody, pastWindow } from '../src/lib/activity.ts';
import type { Figure } from './api.ts';
import { parallel, percentile, startBenchServer, tempHome } from './lib.ts';
import { request } from './scale/load.ts';

/**
 * `npm run bench load`: the mixed load of issue 17. Four busy workers (flow run RUNNING,
 * then task-run lifecycles with a log batch each, then COMPLETED, over and over) and ten
 * dashboards (the requests of the runs list and a run page, with a think time between
 * them) against one server on loopback, for SYNTASK_BENCH_LOAD_SECONDS (default 60) on
 * SQLite and, when SYNTASK_TEST_POSTGRES_URL is set, on a fresh PostgreSQL schema.
 * Nothing is retried: every failure is one a client would have seen.
 */

const SECONDS = Math.min(600, Math.max(1, Number(process.env.SYNTASK_BENCH_LOAD_SECONDS ?? 60)));
const WORKERS = 4;
const DASHBOARDS = 10;
const THINK_MS = 100;
const TASKS_PER_FLOW_RUN = 50;
const LOG_LINES_PER_TASK = 10;
const SEED_RUNS = 3000;

interface KindStats {
  latencies: number[];
  requests: number;
  errors: number;
  messages: string[];
}

/** Per request kind: latency of every answered request, and the failures (non-2xx or no answer). */
class Calls {
  readonly kinds = new Map<string, KindStats>();

  constructor(readonly base: string) {}

  private of(kind: string): KindStats {
    let s = this.kinds.get(kind);
    if (!s) this.kinds.set(kind, (s = { latencies: [], requests: 0, errors: 0, messages: [] }));
    return s;
  }

  fail(kind: string, message: string) {
    const s = this.of(kind);
    s.errors += 1;
    if (s.messages.length < 3) s.messages.push(message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').slice(0, 300));
  }

  /** The answer's body, or null when the request failed (recorded). */
  async call(kind: string, method: string, path: string, body?: unknown): Promise<any> {
    const s = this.of(kind);
    s.requests += 1;
    const started = performance.now();
    try {
      const answer = await request(this.base, method, path, body);
      s.latencies.push(performance.now() - started);
      if (answer.status < 200 || answer.status >= 300) {
        this.fail(kind, `${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
        return null;
      }
      return answer.body;
    } catch (err) {
      this.fail(kind, `${method} ${path} → ${(err as Error).message}`);
      return null;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Finished flow runs for the lists and the history chart to read, created through the API. */
async function seed(calls: Calls, flowIds: string[]): Promise<string[]> {
  const types = ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];
  const ids: string[] = [];
  let next = 0;
  await parallel(8, async () => {
    while (next < SEED_RUNS) {
      const i = next++;
      const run = await calls.call('seed', 'POST', '/api/flow_runs/', { flow_id: flowIds[i % flowIds.length], name: `seed-${i}`, tags: i % 3 ? ['nightly'] : ['etl'], state: { type: types[i % types.length] } });
      if (run) ids.push(run.id);
    }
  });
  const failed = calls.kinds.get('seed')!;
  if (failed.errors) throw new Error(`seeding: ${failed.errors} of ${SEED_RUNS} failed, e.g. ${failed.messages[0]}`);
  calls.kinds.delete('seed');
  return ids;
}

/** One worker: a flow run, its task runs one after another (each with a batch of log lines), then the next flow run. */
async function busyWorker(calls: Calls, w: number, flowId: string, until: number, recent: string[], done: { lifecycles: number }) {
  for (let n = 0; Date.now() < until; n++) {
    const run = await calls.call('flow run create (RUNNING)', 'POST', '/api/flow_runs/', { flow_id: flowId, name: `load-${w}-${n}`, tags: ['load'], state: { type: 'RUNNING' } });
    if (!run) {
      await sleep(50);
      continue;
    }
    recent.push(run.id);
    if (recent.length > 20) recent.shift();
    for (let t = 0; t < TASKS_PER_FLOW_RUN && Date.now() < until; t++) {
      const task = await calls.call('task run create (PENDING)', 'POST', '/api/task_runs/', { flow_run_id: run.id, task_key: `task-${t % 10}`, dynamic_key: String(t), name: `task-${t}`, state: { type: 'PENDING' } });
      if (!task) continue;
      let accepted = true;
      for (const type of ['RUNNING', 'COMPLETED']) {
        const answer = await calls.call('task run set_state', 'POST', `/api/task_runs/${task.id}/set_state`, { state: { type } });
        if (answer?.status !== 'ACCEPT') {
          if (answer) calls.fail('task run set_state', `${type} → ${answer.status}: ${answer.details?.reason ?? ''}`);
          accepted = false;
          break;
        }
      }
      if (accepted) done.lifecycles += 1;
      const now = new Date().toISOString();
      const lines = Array.from({ length: LOG_LINES_PER_TASK }, (_, i) => ({ name: 'load', level: 20, message: `task ${t} line ${i}: a log line of a realistic length from a busy worker`, timestamp: now, flow_run_id: run.id, task_run_id: task.id }));
      await calls.call('log batch (10 lines)', 'POST', '/api/logs/', lines);
    }
    const final = await calls.call('flow run set_state', 'POST', `/api/flow_runs/${run.id}/set_state`, { state: { type: 'COMPLETED' } });
    if (final && final.status !== 'ACCEPT') calls.fail('flow run set_state', `COMPLETED → ${final.status}`);
  }
}

/** What the runs page and a run page ask for, in order, with a think time between requests. */
function dashboardRequests(runId: string): [kind: string, method: string, path: string, body?: unknown][] {
  const byRun = { any_: [runId] };
  return [
    ['runs list (filter, limit 50)', 'POST', '/api/flow_runs/filter', { sort: 'EXPECTED_START_TIME_DESC', limit: 50 }],
    ['runs count', 'POST', '/api/flow_runs/count', {}],
    ['runs history (24 h)', 'POST', '/api/flow_runs/history', historyWindowBody(pastWindow(86_400, Date.now()))],
    ['run detail', 'GET', `/api/flow_runs/${runId}`],
    ['run graph-v2', 'GET', `/api/flow_runs/${runId}/graph-v2`],
    ['run logs (filter, 200)', 'POST', '/api/logs/filter', { logs: { flow_run_id: byRun }, sort: 'TIMESTAMP_ASC', limit: 200 }],
    ['run task runs (filter, 50)', 'POST', '/api/task_runs/filter', { flow_runs: { id: byRun }, sort: 'EXPECTED_START_TIME_DESC', limit: 50 }],
    ['health', 'GET', '/api/health'],
  ];
}

const DASHBOARD_KINDS = new Set(dashboardRequests('x').map(([kind]) => kind));

async function dashboard(calls: Calls, until: number, recent: string[]) {
  await sleep(Math.random() * THINK_MS);
  while (Date.now() < until) {
    for (const [kind, method, path, body] of dashboardRequests(recent[Math.floor(Math.random() * recent.length)])) {
      if (Date.now() >= until) return;
      await calls.call(kind, method, path, body);
      await sleep(THINK_MS);
    }
  }
}

/** Every route once, unmeasured: the server compiles a route's schemas on its first request, which stalls all others. */
async function warmUp(base: string, flowId: string, recent: string[]) {
  const calls = new Calls(base);
  await busyWorker(calls, -1, flowId, Date.now() + 2000, [], { lifecycles: 0 });
  for (const [kind, method, path, body] of dashboardRequests(recent[recent.length - 1])) await calls.call(kind, method, path, body);
  const failed = [...calls.kinds.values()].find((s) => s.errors);
  if (failed) throw new Error(`warm-up: ${failed.messages[0]}`);
}

interface Env {
  label: string;
  env: Record<string, string>;
  lifecycleTarget?: number;
}

async function measure({ label, env, lifecycleTarget }: Env): Promise<Figure[]> {
  const server = await startBenchServer(tempHome(), env);
  try {
    const calls = new Calls(server.url);
    if (!(await calls.call('setup', 'GET', '/api/health'))) throw new Error(`${label}: the server did not start`);
    const flowIds: string[] = [];
    for (let i = 0; i < 20; i++) flowIds.push((await calls.call('setup', 'POST', '/api/flows/', { name: `load-flow-${i}` })).id);
    const seeded = performance.now();
    const recent = (await seed(calls, flowIds)).slice(-20);
    process.stdout.write(`  ${label}: seeded ${SEED_RUNS.toLocaleString('en')} finished flow runs through the API in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`);
    await warmUp(server.url, flowIds[0], recent);
    calls.kinds.clear();
    const loadBefore = loadavg()[0];
    const done = { lifecycles: 0 };
    const started = performance.now();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all([
      parallel(WORKERS, (w) => busyWorker(calls, w, flowIds[w], until, recent, done)),
      parallel(DASHBOARDS, () => dashboard(calls, until, recent)),
    ]);
    const elapsed = (performance.now() - started) / 1000;
    return report(calls, label, elapsed, done.lifecycles, [loadBefore, loadavg()[0]], lifecycleTarget);
  } finally {
    await server.stop();
  }
}

function report(calls: Calls, label: string, elapsed: number, lifecycles: number, load: number[], lifecycleTarget?: number): Figure[] {
  const stats = (latencies: number[]) => {
    const sorted = [...latencies].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50) ?? 0, p95: percentile(sorted, 95) ?? 0, p99: percentile(sorted, 99) ?? 0 };
  };
  const rows = [...calls.kinds.entries()].filter(([kind]) => kind !== 'setup');
  const reads = rows.filter(([kind]) => DASHBOARD_KINDS.has(kind));
  const requests = rows.reduce((n, [, s]) => n + s.requests, 0);
  const errors = rows.reduce((n, [, s]) => n + s.errors, 0);
  const readStats = stats(reads.flatMap(([, s]) => s.latencies));
  const readCount = reads.reduce((n, [, s]) => n + s.requests, 0);

  const ms = (v: number) => v.toFixed(1);
  const lines = [
    `\n${label}: ${WORKERS} busy workers + ${DASHBOARDS} dashboards for ${elapsed.toFixed(1)} s (1-min load average ${load[0].toFixed(2)} before, ${load[1].toFixed(2)} after)`,
    '| request kind | requests | per s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [kind, s] of rows) {
    const p = stats(s.latencies);
    lines.push(`| ${DASHBOARD_KINDS.has(kind) ? 'dashboard: ' : 'worker: '}${kind} | ${s.requests} | ${(s.requests / elapsed).toFixed(1)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${s.errors} |`);
  }
  lines.push(`| all dashboard reads | ${readCount} | ${(readCount / elapsed).toFixed(1)} | ${ms(readStats.p50)} | ${ms(readStats.p95)} | ${ms(readStats.p99)} | ${reads.reduce((n, [, s]) => n + s.errors, 0)} |`);
  lines.push(`| all | ${requests} | ${(requests / elapsed).toFixed(1)} | | | | ${errors} |`);
  for (const [kind, s] of rows) for (const m of s.messages) lines.push(`  error (${kind}): ${m}`);
  console.log(lines.join('\n'));

  const perSecond = lifecycles / elapsed;
  const name = `${label} load (${WORKERS} workers + ${DASHBOARDS} dashboards, ${Math.round(elapsed)} s)`;
  return [
    { name: `${name}: task-run lifecycles (create + PENDING→RUNNING→COMPLETED, log batch each)`, value: perSecond, unit: '/s', ...(lifecycleTarget ? { target: `≥ ${lifecycleTarget.toLocaleString('en')}/s`, ok: perSecond >= lifecycleTarget } : {}) },
    { name: `${name}: requests answered`, value: requests / elapsed, unit: '/s' },
    { name: `${name}: dashboard reads p50 (${readCount.toLocaleString('en')} reads)`, value: readStats.p50, unit: 'ms' },
    { name: `${name}: dashboard reads p95`, value: readStats.p95, unit: 'ms', target: '≤ 50 ms', ok: readStats.p95 <= 50 },
    { name: `${name}: dashboard reads p99`, value: readStats.p99, unit: 'ms' },
    { name: `${name}: errors (of ${requests.toLocaleString('en')} requests)`, value: errors, unit: 'errors', target: '0', ok: errors === 0 },
  ];
}

/** A fresh schema in SYNTASK_TEST_POSTGRES_URL's database (as the API tests use), dropped afterwards. */
async function withPostgresSchema<T>(adminUrl: string, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  try {
    const url = new URL(adminUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return await fn(url.toString());
  } finally {
    await admin(`drop schema if exists ${schema} cascade`);
  }
}

export async function loadBench(): Promise<Figure[]> {
  const figures = await measure({ label: 'SQLite', env: {}, lifecycleTarget: 1500 });
  const pgUrl = process.env.SYNTASK_TEST_POSTGRES_URL;
  if (pgUrl) {
    const env = (databaseUrl: string) => ({ SYNTASK_API_DATABASE_CONNECTION_URL: databaseUrl, SYNTASK_SECRET_KEY: randomBytes(32).toString('hex') });
    figures.push(...(await withPostgresSchema(pgUrl, (databaseUrl) => measure({ label: 'PostgreSQL', env: env(databaseUrl) }))));
  }
  return figures;
}
