import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing/harness.ts';
import { SyntaskClient } from '../client.ts';
import { deploy } from '../deploy.ts';
import { dies, hangs, quick, slow } from './fixtures/flows.ts';
import { ProcessWorker } from './worker.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let s: TestServer;
let client: SyntaskClient;
const workers: ProcessWorker[] = [];

beforeAll(async () => {
  s = await startTestServer();
  client = new SyntaskClient(s.api);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await s.close();
});

function worker(pool: string, name: string, limit = 10) {
  const w = new ProcessWorker({ pool, name, limit, client, pollSeconds: 0.5, heartbeatSeconds: 5, cancelCheckSeconds: 1, log: () => undefined });
  workers.push(w);
  return w;
}

async function runsOf(n: number, flowDeploy: Parameters<typeof deploy>[0]) {
  if (flowDeploy.workPool) await s.post('/api/work_pools/', { name: flowDeploy.workPool, type: 'process' });
  const d = await deploy(flowDeploy, client);
  expect(d.id).toBeTruthy();
  const ids = [];
  for (let i = 0; i < n; i++) ids.push((await s.post(`/api/deployments/${d.id}/create_flow_run`, {})).body.id as string);
  return ids;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const read = async (id: string) => (await s.get(`/api/flow_runs/${id}`)).body;
const final = (id: string) => until(`flow run ${id} to finish`, async () => {
  const run = await read(id);
  return ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(run.state_type) ? run : undefined;
});

describe('process worker (contract §7)', () => {
  it('two workers on one pool execute each run exactly once; process output becomes logs', async () => {
    const ids = await runsOf(8, { flow: quick, name: 'quick', entrypoint: 'flows.ts:quick', path: FIXTURES, workPool: 'shared' });
    await worker('shared', 'w1').start();
    await worker('shared', 'w2').start();
    const runs = await Promise.all(ids.map(final));
    for (const run of runs) {
      expect(run).toMatchObject({ state_type: 'COMPLETED', run_count: 1 });
      expect(run.infrastructure_pid).toMatch(/:\d+$/);
      const states = (await s.get(`/api/flow_run_states/?flow_run_id=${run.id}`)).body.map((st: { type: string }) => st.type);
      expect(states[0]).toBe('SCHEDULED');
      expect(states.filter((t: string) => t === 'PENDING')).toHaveLength(1); // claimed once
      expect(states.filter((t: string) => t === 'RUNNING')).toHaveLength(1);
    }
    const logs = (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [ids[0]] } } })).body.map((l: { message: string }) => l.message);
    expect(logs.filter((m: string) => m === `executing ${ids[0]}`)).toHaveLength(1);
    expect(logs).toContain('plain console output from the flow process');
    const heartbeats = (await s.post('/api/work_pools/shared/workers/filter', {})).body.map((w: { name: string; status: string }) => `${w.name}:${w.status}`).sort();
    expect(heartbeats).toEqual(['w1:ONLINE', 'w2:ONLINE']);
  }, 90_000);

  it('a process that dies without a final state is marked Crashed', async () => {
    const [id] = await runsOf(1, { flow: dies, name: 'dies', entrypoint: 'flows.ts:dies', path: FIXTURES, workPool: 'crashy' });
    await worker('crashy', 'w-crash').start();
    const run = await final(id);
    expect(run.state_type).toBe('CRASHED');
    expect(run.state.message).toMatch(/exited with code 3/);
  }, 60_000);

  it('cancelling a running flow run stops its process and ends Cancelled within 10 s', async () => {
    const [id] = await runsOf(1, { flow: hangs, name: 'hangs', entrypoint: 'flows.ts:hangs', path: FIXTURES, workPool: 'cancels' });
    await worker('cancels', 'w-cancel').start();
    const running = await until('the run to start', async () => ((await read(id)).state_type === 'RUNNING' ? await read(id) : undefined));
    const pid = Number(running.infrastructure_pid.split(':')[1]);
    const started = Date.now();
    await s.post(`/api/flow_runs/${id}/set_state`, { state: { type: 'CANCELLING' }, force: true });
    const run = await until('Cancelled', async () => ((await read(id)).state_type === 'CANCELLED' ? await read(id) : undefined), 15_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.state_type).toBe('CANCELLED');
    expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);

  it('honours the pool concurrency limit', async () => {
    const ids = await runsOf(3, { flow: slow, name: 'slow', entrypoint: 'flows.ts:slow', path: FIXTURES, workPool: 'one-at-a-time' });
    await s.patch('/api/work_pools/one-at-a-time', { concurrency_limit: 1 });
    await worker('one-at-a-time', 'w-limit').start();
    const runs = await Promise.all(ids.map(final));
    expect(runs.every((r) => r.state_type === 'COMPLETED')).toBe(true);
    const spans = runs.map((r) => [Date.parse(r.start_time), Date.parse(r.end_time)]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  }, 90_000);

  it('sends its own events: started, submitted and executed a flow run, stopped (following started)', async () => {
    const [id] = await runsOf(1, { flow: quick, name: 'quick-events', entrypoint: 'flows.ts:quick', path: FIXTURES, workPool: 'evented' });
    const w = new ProcessWorker({ pool: 'evented', name: 'Evented Worker 1', client, pollSeconds: 0.5, heartbeatSeconds: 5, cancelCheckSeconds: 1, log: () => undefined });
    await w.start();
    await final(id);
    await until('its process to exit', async () => w.running === 0);
    await w.stop();
    // stop() flushes the worker's events; POST /api/events answers once they are stored.
    const events = (await s.post('/api/events/filter', { filter: { resource: { id: ['syntask.worker.process.evented-worker-1'] }, order: 'ASC' } })).body.events as { event: string; id: string; follows: string | null; related: Record<string, string>[]; payload: Record<string, unknown> }[];
    expect(events.map((e) => e.event)).toEqual(['syntask.worker.started', 'syntask.worker.submitted-flow-run', 'syntask.worker.executed-flow-run', 'syntask.worker.stopped']);
    expect(events[3].follows).toBe(events[0].id);
    expect(events[1].related.map((r) => r['syntask.resource.role'])).toEqual(['flow-run', 'flow', 'deployment', 'work-pool']);
    expect(events[1].related[0]['syntask.resource.id']).toBe(`syntask.flow-run.${id}`);
    expect(events[1].related[2]['syntask.resource.name']).toBe('quick-events');
    expect(events[2].payload).toEqual({ status_code: 0 });
  }, 60_000);
});
