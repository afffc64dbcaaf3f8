import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateTime } from '../../server/lib/time.ts';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { BIN, cliEnv, until } from '../cli/testing.ts';
import { SyntaskClient } from '../client.ts';
import { deploy } from '../deploy.ts';
import { napsInTask } from './fixtures/flows.ts';

/**
 * A worker that dies with its flow processes (issue 14): the run it was running stops
 * sending heartbeats and the server marks it Crashed, with real processes throughout.
 * Runs on SQLite and, with SYNTASK_TEST_POSTGRES_URL, on PostgreSQL.
 */

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const HEARTBEAT_SECONDS = 1;
const POOL = 'heartbeats';
const WORKER = 'hb-worker-1';

let s: TestServer;
let worker: ChildProcess | null = null;
let output = '';

beforeAll(async () => {
  s = await startTestServer({
    // The crashed-runs service on its timer, once per heartbeat interval; the other services stay off.
    SYNTASK_API_SERVICES_ENABLED: 'true',
    SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: String(HEARTBEAT_SECONDS),
    SYNTASK_API_SERVICES_SCHEDULER_ENABLED: 'false',
    SYNTASK_API_SERVICES_LATE_RUNS_ENABLED: 'false',
    SYNTASK_API_SERVICES_PAUSE_EXPIRATIONS_ENABLED: 'false',
    SYNTASK_API_SERVICES_CANCELLATION_CLEANUP_ENABLED: 'false',
    SYNTASK_API_SERVICES_STATUS_KEEPER_ENABLED: 'false',
  });
});
afterAll(async () => {
  if (worker?.pid && worker.exitCode === null && worker.signalCode === null) {
    try {
      process.kill(-worker.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  await s?.close();
});

/** Alive and not a zombie (an orphan whose parent was killed may wait a moment to be reaped). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return statOf(pid).state !== 'Z';
  } catch {
    return false;
  }
}

/** `/proc/<pid>/stat`: state and process group. */
function statOf(pid: number) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], pgrp: Number(fields[2]) };
}

/** Processes started for a flow run: the worker gives each its run id in the environment. */
function processesOfRun(runId: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').includes(`SYNTASK__FLOW_RUN_ID=${runId}`) && alive(Number(entry))) pids.push(Number(entry));
    } catch {
      // Gone, or not ours.
    }
  }
  return pids;
}

describe('heartbeats: a worker killed with its flow processes', () => {
  it('leaves its Running run Crashed within 3 heartbeat intervals plus one service pass, saying when and from which worker', async () => {
    const client = new SyntaskClient(s.api);
    await s.post('/api/work_pools/', { name: POOL, type: 'process' });
    const deployment = await deploy({ flow: napsInTask, name: 'naps', entrypoint: 'flows.ts:napsInTask', path: FIXTURES, workPool: POOL }, client);
    const runId = (await s.post(`/api/deployments/${deployment.id}/create_flow_run`, {})).body.id as string;

    // Its own process group, as a service manager starts it: `kill -9 -<pgid>` takes the whole group.
    worker = spawn(process.execPath, [BIN, 'worker', 'start', '--pool', POOL, '--name', WORKER, '--poll-seconds', '0.5'], {
      env: cliEnv({ SYNTASK_API_URL: s.api, SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: String(HEARTBEAT_SECONDS) }),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (c) => (output += c));
    worker.stderr!.on('data', (c) => (output += c));
    const pgid = worker.pid!;

    const read = async () => (await s.get(`/api/flow_runs/${runId}`)).body;
    const taskRuns = async () => (await s.post('/api/task_runs/filter', { task_runs: { flow_run_id: { any_: [runId] } } })).body as { id: string; state_type: string; state: { message: string | null } }[];
    const heartbeat = () => s.ctx.db.kysely.selectFrom('flow_run').select(['last_heartbeat', 'heartbeat_worker']).where('id', '=', runId).executeTakeFirstOrThrow();
    await until(
      `the run and its task to be Running with heartbeats from ${WORKER}`,
      async () => (await read()).state_type === 'RUNNING' && (await taskRuns()).some((t) => t.state_type === 'RUNNING') && (await heartbeat()).heartbeat_worker === WORKER,
      60_000,
    ).catch((err: Error) => Promise.reject(new Error(`${err.message}\n--- worker output ---\n${output}`)));
    const flowPid = Number((await read()).infrastructure_pid.split(':')[1]);
    expect(alive(flowPid)).toBe(true);
    // The flow process was not detached: it is in the worker's group.
    expect(statOf(flowPid).pgrp).toBe(pgid);
    expect(processesOfRun(runId)).toContain(flowPid);

    // Heartbeats keep a healthy run Running well past 3 intervals.
    await new Promise((r) => setTimeout(r, 4 * HEARTBEAT_SECONDS * 1000));
    expect((await read()).state_type).toBe('RUNNING');

    const killedAt = Date.now() * 1000;
    process.kill(-pgid, 'SIGKILL');
    const crashed = await until('the run to be Crashed', async () => {
      const run = await read();
      return run.state_type === 'CRASHED' ? run : undefined;
    }, 20_000);

    const crashedAt = parseDateTime(crashed.state.timestamp)!;
    const elapsedSeconds = (crashedAt - killedAt) / 1e6;
    // Last heartbeat at most one interval before the kill; crashed after 3 silent intervals, found by the next pass (1 s of slack for a busy machine).
    expect(elapsedSeconds).toBeGreaterThan(3 * HEARTBEAT_SECONDS - HEARTBEAT_SECONDS);
    expect(elapsedSeconds).toBeLessThanOrEqual(3 * HEARTBEAT_SECONDS + HEARTBEAT_SECONDS + 1);
    expect(crashed.state.message).toMatch(
      new RegExp(`^No heartbeat since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC from worker "${WORKER}" \\(expected every ${HEARTBEAT_SECONDS} s\\); the run's process is presumed dead\\.$`),
    );
    const tasks = await taskRuns();
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) expect(t).toMatchObject({ state_type: 'CRASHED', state: { message: crashed.state.message } });

    // Nothing of the run survives the worker: no flow process, nothing started for it.
    expect(alive(flowPid)).toBe(false);
    expect(processesOfRun(runId)).toEqual([]);
    // Crashed once, and it stays Crashed.
    const states = (await s.get(`/api/flow_run_states/?flow_run_id=${runId}`)).body as { type: string }[];
    expect(states.filter((st) => st.type === 'CRASHED')).toHaveLength(1);
  }, 120_000);
});
