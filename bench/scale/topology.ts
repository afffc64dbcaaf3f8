import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { deploy } from '../../sdk/deploy.ts';
import { SyntaskClient } from '../../sdk/client.ts';
import { startReceiver } from '../../server/testing/http-receiver.ts';
import { openEventStream } from '../../server/testing/sse.ts';
import { freePort } from '../lib.ts';
import { lateRuns, missingWrites, notifications, workerRuns, type Check } from './checks.ts';
import { marker } from './flows.ts';
import { Recorder, runLoad } from './load.ts';
import { createDatabase, dropDatabase, output, Replica, startNginx, startWorker } from './processes.ts';

/**
 * `npm run scale-test`: the reference topology of issue 15, tested. nginx (unprivileged,
 * deploy/nginx/syntask.conf) in front of two server replicas on a fresh PostgreSQL
 * database, two process workers, a notification receiver and a bounded load generator,
 * all on loopback. Measures 1 vs 2 replicas, then runs a mixed load for 65 s, kills one
 * replica with SIGKILL and restarts it, and checks that nothing was lost or done twice.
 * Exits 1 when a check fails. SYNTASK_SCALE_POSTGRES_URL (or SYNTASK_TEST_POSTGRES_URL)
 * names a database to connect to for creating the test database.
 */

const ADMIN_URL = process.env.SYNTASK_SCALE_POSTGRES_URL ?? process.env.SYNTASK_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MEASURE_SECONDS = Number(process.env.SYNTASK_SCALE_MEASURE_SECONDS ?? 15);
const MIXED_SECONDS = Number(process.env.SYNTASK_SCALE_MIXED_SECONDS ?? 65);
const KILL_AT_SECONDS = 20;
const RESTART_AFTER_SECONDS = 10;
const USERS = 4;
const HERE = dirname(fileURLToPath(import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function until<T>(what: string, fn: () => Promise<T | false | undefined>, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) {
      log(`gave up waiting for ${what}`);
      return null;
    }
    await sleep(500);
  }
}

/** Opens a stream through nginx, then drives the run through the replica that is not serving the stream. */
async function followAcrossReplicas(nginxUrl: string, replicas: Replica[], flowId: string): Promise<Check> {
  const r = new Recorder(nginxUrl);
  const run = await r.call('POST', '/api/flow_runs/', { flow_id: flowId, name: `tracked-${randomUUID().slice(0, 8)}` });
  if (!run) return { name: 'stream through nginx follows a run written via the other replica', ok: false, detail: 'could not create the run' };
  // The dashboard's one connection per tab, following this run.
  const stream = await openEventStream(`${nginxUrl}/api/ui/stream?flow_run_id=${run.body.id}`);
  try {
    const serving = (stream.res.headers.get('x-syntask-upstream') ?? '').split(',').at(-1)!.trim();
    const other = replicas.find((x) => !serving.endsWith(`:${x.port}`))!;
    const direct = new Recorder(other.url);
    await direct.setState('flow', run.body.id, { type: 'RUNNING' });
    await direct.setState('flow', run.body.id, { type: 'COMPLETED' });
    // From the write's answer (it committed by then) to the event on the other replica's stream.
    const sent = Date.now();
    await stream.waitFor((e) => e.some((x) => x.event === 'state' && x.data.state.type === 'COMPLETED'), 5000).catch(() => undefined);
    const done = stream.events.find((x) => x.event === 'state' && x.data.state.type === 'COMPLETED');
    const types = stream.events.filter((e) => e.event === 'state').map((e) => e.data.state.type);
    const lag = done ? Math.max(0, done.at - sent) : Infinity;
    // The run's creation (through either replica) may still arrive as a PENDING event just after the stream opened.
    const ok = lag < 1000 && types.filter((t) => t !== 'PENDING').join() === 'RUNNING,COMPLETED' && types.at(-1) === 'COMPLETED';
    return { name: 'stream through nginx follows a run written via the other replica', ok, detail: `stream on ${serving}, writes on :${other.port}; saw ${types.join(' → ') || 'nothing'}${done ? ` (COMPLETED ${lag} ms after the write was answered)` : ''}` };
  } finally {
    await stream.close();
  }
}

async function main() {
  const dbName = `syntask_scale_${Date.now()}_${process.pid}`;
  const dbUrl = await createDatabase(ADMIN_URL, dbName);
  const receiver = await startReceiver();
  const [nginxPort, p1, p2] = [await freePort(), await freePort(), await freePort()];
  const env = {
    SYNTASK_API_DATABASE_CONNECTION_URL: dbUrl,
    SYNTASK_SECRET_KEY: randomBytes(32).toString('hex'),
    SYNTASK_API_SERVICES_SCHEDULER_LOOP_SECONDS: '5',
    SYNTASK_API_SERVICES_RECENT_SCHEDULER_LOOP_SECONDS: '1',
    SYNTASK_API_SERVICES_LATE_RUNS_LOOP_SECONDS: '1',
    SYNTASK_API_SERVICES_LATE_RUNS_AFTER_SECONDS: '5',
    SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_LOOP_SECONDS: '1',
    SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_LOOP_SECONDS: '2',
    SYNTASK_API_SERVICES_STATUS_KEEPER_LOOP_SECONDS: '2',
    SYNTASK_RETENTION_DAYS: '30',
    SYNTASK_API_SERVICES_RETENTION_LOOP_SECONDS: '5',
    SYNTASK_NOTIFICATIONS_POLL_INTERVAL_SECONDS: '0.5',
    SYNTASK_NOTIFICATIONS_TIMEOUT_SECONDS: '2',
    SYNTASK_NOTIFICATIONS_RETRY_DELAY_SECONDS: '0.2',
  };
  const replicas = [new Replica('replica-1', p1, env), new Replica('replica-2', p2, env)];
  const [r1, r2] = replicas;
  // A failed nginx start still drops the database.
  const nginx = await startNginx(nginxPort, [p1, p2]).catch(async (err) => {
    await receiver.close();
    await dropDatabase(ADMIN_URL, dbName);
    throw err;
  });
  const workers: { stop(): Promise<void> }[] = [];
  const checks: Check[] = [];
  const figures: string[] = [];
  const db = new pg.Client({ connectionString: dbUrl });
  try {
    // Both replicas on the empty database at once: migrations and catalog seeding race.
    const started = Date.now();
    r1.start();
    r2.start();
    await Promise.all([r1.healthy(), r2.healthy()]);
    checks.push({ name: 'two replicas started together on an empty database both come up', ok: true, detail: `${Date.now() - started} ms` });
    await db.connect();

    const api = new SyntaskClient(`${nginx.url}/api`);
    const flowId = (await api.createFlow('scale-load')).id;
    const webhook = (await api.get<{ id: string }>('/block_types/slug/webhook')).id;
    const schema = (await api.post<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [webhook] } } }))[0].id;
    const doc = await api.post<{ id: string }>('/block_documents/', { name: 'scale-receiver', data: { url: `${receiver.url}/notify` }, block_schema_id: schema, block_type_id: webhook });
    await api.post('/flow_run_notification_policies/', { block_document_id: doc.id, state_names: ['Completed'], tags: ['notify'], message_template: '{flow_run_id}|{flow_run_state_timestamp}' });
    const deployment = await deploy({ flow: marker, name: 'scale', entrypoint: 'flows.ts:marker', path: HERE, workPool: 'scale', tags: ['notify'] }, api);

    // Throughput and latency: one replica (the other stopped; nginx skips it), then two.
    const measure = async (label: string) => {
      const r = new Recorder(nginx.url);
      const t0 = Date.now();
      await runLoad(r, { flowId, users: USERS, seconds: MEASURE_SECONDS });
      const s = r.summary((Date.now() - t0) / 1000);
      figures.push(`| ${label} | ${s.throughput.toFixed(0)} req/s | ${s.p50.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.errors} |`);
      log(`${label}: ${s.requests} requests, ${s.throughput.toFixed(0)} req/s, p95 ${s.p95.toFixed(1)} ms, ${s.errors} errors`);
      return r;
    };
    await r2.stop();
    await sleep(500);
    const one = await measure('1 replica');
    r2.start();
    await r2.healthy();
    const two = await measure('2 replicas');

    // Mixed load with workers, late runs, notifications, streams; one replica killed and restarted.
    log(`mixed load for ${MIXED_SECONDS} s, killing replica-1 at ${KILL_AT_SECONDS} s`);
    workers.push(startWorker('scale-worker-1', `${nginx.url}/api`, 'scale'), startWorker('scale-worker-2', `${nginx.url}/api`, 'scale'));
    const mixed = new Recorder(nginx.url);
    const side = new Recorder(nginx.url);
    const workerRunIds: string[] = [];
    const overdue: string[] = [];
    const t0 = Date.now();
    const end = t0 + MIXED_SECONDS * 1000;
    let killAt = 0;
    let restartMs = 0;
    let healthyAt = 0;
    const producers = (async () => {
      for (let i = 0; Date.now() < end; i++) {
        const made = await side.call('POST', `/api/deployments/${deployment.id}/create_flow_run`, { tags: ['notify'] });
        if (made) workerRunIds.push(made.body.id);
        const late = await side.call('POST', '/api/flow_runs/', { flow_id: flowId, name: `overdue-${i}`, state: { type: 'SCHEDULED', state_details: { scheduled_time: new Date(Date.now() - 60_000).toISOString() } } });
        if (late) overdue.push(late.body.id);
        await sleep(2500);
      }
    })();
    const chaos = (async () => {
      checks.push(await followAcrossReplicas(nginx.url, replicas, flowId));
      await sleep(t0 + KILL_AT_SECONDS * 1000 - Date.now());
      killAt = Date.now();
      r1.kill();
      log('replica-1 killed (SIGKILL)');
      await sleep(RESTART_AFTER_SECONDS * 1000);
      r1.start();
      restartMs = await r1.healthy();
      healthyAt = Date.now();
      log(`replica-1 restarted, healthy after ${restartMs} ms`);
      await sleep(2000);
      checks.push(await followAcrossReplicas(nginx.url, replicas, flowId));
    })();
    let loadSeconds = MIXED_SECONDS;
    const load = runLoad(mixed, { flowId, users: USERS - 1, seconds: MIXED_SECONDS, tags: (i) => (i % 4 === 0 ? ['notify'] : []) }).then(() => (loadSeconds = (Date.now() - t0) / 1000));
    await Promise.all([load, producers, chaos]);
    const mixedSummary = mixed.summary(loadSeconds);
    const killErrors = [...mixed.errors, ...side.errors].filter((e) => e.at >= killAt);
    const lastError = killErrors.length ? Math.max(...killErrors.map((e) => e.at)) - killAt : 0;
    const kinds = [...new Set(killErrors.map((e) => e.what))].slice(0, 6).join('; ');
    figures.push(`| 2 replicas, mixed load with workers, whole run (kill included) | ${mixedSummary.throughput.toFixed(0)} req/s | ${mixedSummary.p50.toFixed(1)} ms | ${mixedSummary.p95.toFixed(1)} ms | ${mixedSummary.errors + side.errors.length} |`);
    const loadEnd = t0 + loadSeconds * 1000;
    const windows: [string, number, number][] = [
      ['  before the kill', t0, killAt],
      ['  one replica down, then restarting', killAt, Math.min(healthyAt, loadEnd)],
      ['  after the restart', healthyAt, loadEnd],
    ];
    for (const [label, from, to] of windows) {
      if (!(to > from)) continue;
      const w = mixed.summary((to - from) / 1000, from, to);
      figures.push(`| ${label} | ${w.throughput.toFixed(0)} req/s | ${w.p50.toFixed(1)} ms | ${w.p95.toFixed(1)} ms | ${w.errors} |`);
    }
    const killCost = `kill -9 of one replica: ${killErrors.length} failed client requests (${kinds || 'none'}); last one ${lastError} ms after the kill; the restarted replica was healthy ${restartMs} ms after its start`;
    log(killCost);

    // Let the system settle: worker runs finish, overdue runs turn Late, notifications go out.
    log('draining');
    // Runs left PENDING long ago were claimed through the killed replica (see checks.ts): not waited for.
    const unfinished = "select count(*) as n from flow_run where id = any($1) and state_type not in ('COMPLETED','FAILED','CANCELLED','CRASHED') and not (state_type = 'PENDING' and state_timestamp < $2)";
    await until('worker runs to finish', async () => Number((await db.query(unfinished, [workerRunIds, (Date.now() - 20_000) * 1000])).rows[0].n) === 0, 120_000);
    await until('overdue runs to turn Late', async () => Number((await db.query("select count(*) as n from flow_run where id = any($1) and state_name = 'Scheduled'", [overdue])).rows[0].n) === 0, 30_000);
    // A message claimed by the killed replica waits for its lease (2 × timeout + 30 s).
    await until('the notification queue to drain', async () => Number((await db.query('select count(*) as n from flow_run_notification_queue')).rows[0].n) === 0, 60_000);
    await sleep(2000);

    checks.push(await missingWrites(db, mergeAcknowledged([one, two, mixed, side])));
    checks.push(...(await workerRuns(db, workerRunIds, killAt)));
    checks.push(await lateRuns(db, overdue));
    checks.push(...(await notifications(db, receiver.requests.filter((r) => r.path === '/notify'), killAt)));

    console.log(`\nMachine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), PostgreSQL on loopback, ${USERS} virtual users\n`);
    console.log('| topology | throughput | p50 | p95 | client errors |\n|---|---|---|---|---|');
    for (const f of figures) console.log(f);
    console.log(`\n${killCost}\n`);
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
    await Promise.all(replicas.map((r) => r.stop()));
    await nginx.stop();
    await receiver.close();
    await db.end().catch(() => undefined);
    for (const r of replicas) r.cleanup();
    if (!process.env.SYNTASK_SCALE_KEEP_DATABASE) await dropDatabase(ADMIN_URL, dbName);
  }
  const failed = checks.filter((c) => !c.ok);
  if (failed.length) {
    console.log(`\n${failed.length} check(s) failed. Last output of the processes:\n${output.slice(-80).join('\n')}`);
    process.exit(1);
  }
  process.exit(0);
}

function mergeAcknowledged(recorders: Recorder[]) {
  const all = { flowRuns: [] as string[], taskRuns: [] as string[], flowStates: [] as string[], taskStates: [] as string[], logMessages: [] as string[] };
  for (const r of recorders) for (const key of Object.keys(all) as (keyof typeof all)[]) all[key].push(...r.acknowledged[key]);
  return all;
}

await main().catch((err) => {
  console.error(err);
  console.error(output.slice(-60).join('\n'));
  process.exit(1);
});
