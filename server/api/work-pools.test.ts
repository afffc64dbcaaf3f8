import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow } from '../testing/fixtures.ts';
import { readFixtureJson } from '../testing/shared-fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const TEMPLATE = {
  job_configuration: { command: '{{ command }}', env: '{{ env }}', image: 'python:{{ python_version }}' },
  variables: {
    type: 'object',
    properties: { command: { type: 'string', default: 'run' }, env: { type: 'object', additionalProperties: { type: 'string' } }, python_version: { type: 'string', default: '3.12' } },
  },
};

async function pool(body: Record<string, unknown> = {}) {
  const res = await s.post('/api/work_pools/', { name: `pool-${randomUUID().slice(0, 8)}`, type: 'process', ...body });
  if (res.status !== 201) throw new Error(`createWorkPool ${res.status} ${res.text}`);
  return res.body;
}

/** A deployment on a pool/queue and `n` runs scheduled in the past (ready to hand out). */
async function scheduledRuns(poolName: string, queue: string | undefined, n: number, at = '2024-01-01T00:00:00Z') {
  const flow = await makeFlow(s);
  const d = (await s.post('/api/deployments/', { name: randomUUID(), flow_id: flow.id, work_pool_name: poolName, work_queue_name: queue })).body;
  const runs = [];
  for (let i = 0; i < n; i++) runs.push((await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: at } } })).body);
  return runs;
}
const poll = (name: string, body: Record<string, unknown> = {}) => s.post(`/api/work_pools/${name}/get_scheduled_flow_runs`, body);

describe('work pools (contract §3.6)', () => {
  it('creates with a default queue, reads, updates, deletes', async () => {
    const p = await pool({ description: 'local', base_job_template: TEMPLATE, concurrency_limit: 5 });
    expect(p).toMatchObject({ type: 'process', description: 'local', is_paused: false, concurrency_limit: 5, status: 'NOT_READY', base_job_template: TEMPLATE });
    const queue = (await s.get(`/api/work_pools/${p.name}/queues/default`)).body;
    expect(queue).toMatchObject({ id: p.default_queue_id, name: 'default', description: "The work pool's default queue.", priority: 1, work_pool_name: p.name });
    expect((await s.get(`/api/work_pools/${p.name}`)).body).toEqual(p);
    expect((await s.patch(`/api/work_pools/${p.name}`, { description: 'changed', concurrency_limit: null })).status).toBe(204);
    expect((await s.get(`/api/work_pools/${p.name}`)).body).toMatchObject({ description: 'changed', concurrency_limit: null });
    expect((await s.delete(`/api/work_pools/${p.name}`)).status).toBe(204);
    expect(await s.get(`/api/work_pools/${p.name}`)).toMatchObject({ status: 404, body: { detail: `Work pool "${p.name}" not found.` } });
    expect((await s.get(`/api/work_pools/${p.name}/queues/default`)).status).toBe(404);
  });

  it('refuses empty (400), reserved (403), duplicate (409) names and agent pools have no status', async () => {
    expect((await s.post('/api/work_pools/', { name: '' })).status).toBe(400);
    expect((await s.post('/api/work_pools/', { name: 'Syntask-pool' })).status).toBe(403);
    expect((await s.post('/api/work_pools/', { name: 'a/b' })).status).toBe(422);
    const p = await pool();
    expect(await s.post('/api/work_pools/', { name: p.name })).toMatchObject({ status: 409, body: { detail: 'A work pool with this name already exists.' } });
    expect((await s.post('/api/work_pools/', { name: `agent-${randomUUID().slice(0, 6)}` })).body).toMatchObject({ type: 'syntask-agent', status: null });
  });

  it('validates the base job template: placeholders must be variables, defaults must be valid', async () => {
    const undeclared = await s.post('/api/work_pools/', { name: 'bad-1', base_job_template: { job_configuration: { x: '{{ nope }}' }, variables: { type: 'object', properties: {} } } });
    expect(undeclared.status).toBe(422);
    expect(undeclared.body.exception_detail[0].msg).toMatch(/nope/);
    const badDefault = await s.post('/api/work_pools/', { name: 'bad-2', base_job_template: { job_configuration: { x: '{{ n }}' }, variables: { type: 'object', properties: { n: { type: 'integer', default: 'ten' } } } } });
    expect(badDefault.status).toBe(422);
    expect((await s.post('/api/work_pools/', { name: 'bad-3', base_job_template: { variables: { type: 'object' } } })).status).toBe(422);
    const p = await pool();
    expect((await s.patch(`/api/work_pools/${p.name}`, { base_job_template: { job_configuration: { x: '{{ y }}' }, variables: { properties: {} } } })).status).toBe(422);
  });

  it('accepts the default template of every fixture work-pool type', async () => {
    const types = readFixtureJson<Record<string, Record<string, { type: string; default_base_job_configuration: object }>>>('work-pool-types.json');
    for (const collection of Object.values(types)) {
      for (const t of Object.values(collection)) {
        const res = await s.post('/api/work_pools/', { name: `type-${t.type}`, type: t.type, base_job_template: t.default_base_job_configuration });
        expect([t.type, res.status]).toEqual([t.type, 201]);
      }
    }
  });

  it('status: heartbeat → READY, pause → PAUSED, unpause → READY with an online worker', async () => {
    const p = await pool();
    expect((await s.post(`/api/work_pools/${p.name}/workers/heartbeat`, { name: 'w1', heartbeat_interval_seconds: 10 })).status).toBe(204);
    expect((await s.get(`/api/work_pools/${p.name}`)).body.status).toBe('READY');
    await s.patch(`/api/work_pools/${p.name}`, { is_paused: true });
    expect((await s.get(`/api/work_pools/${p.name}`)).body).toMatchObject({ is_paused: true, status: 'PAUSED' });
    await s.patch(`/api/work_pools/${p.name}`, { is_paused: false });
    expect((await s.get(`/api/work_pools/${p.name}`)).body.status).toBe('READY');
    const idle = await pool({ is_paused: true });
    expect(idle.status).toBe('PAUSED');
    await s.patch(`/api/work_pools/${idle.name}`, { is_paused: false });
    expect((await s.get(`/api/work_pools/${idle.name}`)).body.status).toBe('NOT_READY');
  });

  it('filters by name, type and id, ordered by name; counts', async () => {
    const a = await pool({ name: `zz-a-${randomUUID().slice(0, 4)}`, type: 'docker' });
    const b = await pool({ name: `zz-b-${randomUUID().slice(0, 4)}`, type: 'kubernetes' });
    const names = async (f: object) => (await s.post('/api/work_pools/filter', { work_pools: f })).body.map((p: { name: string }) => p.name);
    expect(await names({ name: { any_: [b.name, a.name] } })).toEqual([a.name, b.name]);
    expect(await names({ name: { any_: [a.name, b.name] }, type: { any_: ['kubernetes'] } })).toEqual([b.name]);
    expect(await names({ id: { any_: [a.id] } })).toEqual([a.name]);
    expect((await s.post('/api/work_pools/count', { work_pools: { name: { any_: [a.name, b.name] } } })).body).toBe(2);
  });
});

describe('work queues (contract §3.6)', () => {
  it('priorities: lowest free by default, a taken one shifts the others', async () => {
    const p = await pool();
    const q = (name: string, priority?: number) => s.post(`/api/work_pools/${p.name}/queues`, { name, priority });
    expect((await q('second')).body.priority).toBe(2);
    expect((await q('urgent', 1)).body.priority).toBe(1);
    const list = async () => (await s.post(`/api/work_pools/${p.name}/queues/filter`, {})).body.map((x: { name: string; priority: number }) => `${x.name}:${x.priority}`);
    expect(await list()).toEqual(['urgent:1', 'default:2', 'second:3']);
    await s.patch(`/api/work_pools/${p.name}/queues/second`, { priority: 1 });
    expect(await list()).toEqual(['second:1', 'urgent:2', 'default:3']);
    expect((await q('second')).status).toBe(409);
    expect((await s.post(`/api/work_pools/${p.name}/queues/filter`, { work_queues: { name: { startswith_: ['UR'] } } })).body.map((x: { name: string }) => x.name)).toEqual(['urgent']);
  });

  it('pause → PAUSED; unpause → READY only if polled within 60 s; delete detaches runs; the default queue stays', async () => {
    const p = await pool();
    await s.post(`/api/work_pools/${p.name}/queues`, { name: 'q' });
    await s.patch(`/api/work_pools/${p.name}/queues/q`, { is_paused: true });
    expect((await s.get(`/api/work_pools/${p.name}/queues/q`)).body.status).toBe('PAUSED');
    await s.patch(`/api/work_pools/${p.name}/queues/q`, { is_paused: false });
    expect((await s.get(`/api/work_pools/${p.name}/queues/q`)).body.status).toBe('NOT_READY');
    await poll(p.name, { work_queue_names: ['q'] });
    await s.patch(`/api/work_pools/${p.name}/queues/q`, { is_paused: true });
    await s.patch(`/api/work_pools/${p.name}/queues/q`, { is_paused: false });
    expect((await s.get(`/api/work_pools/${p.name}/queues/q`)).body.status).toBe('READY');

    const [run] = await scheduledRuns(p.name, 'q', 1);
    expect((await s.delete(`/api/work_pools/${p.name}/queues/q`)).status).toBe(204);
    expect((await s.get(`/api/flow_runs/${run.id}`)).body.work_queue_id).toBeNull();
    expect((await s.get(`/api/work_pools/${p.name}/queues/q`)).body.detail).toBe(`Work pool queue '${p.name}/q' not found.`);
    expect((await s.delete(`/api/work_pools/${p.name}/queues/default`)).status).toBe(400);
  });
});

describe('workers (contract §3.6, §7)', () => {
  it('heartbeats upsert, list newest first with ONLINE/OFFLINE, filter by status, delete', async () => {
    const p = await pool();
    await s.post(`/api/work_pools/${p.name}/workers/heartbeat`, { name: 'old', heartbeat_interval_seconds: 1 });
    await new Promise((r) => setTimeout(r, 3100));
    await s.post(`/api/work_pools/${p.name}/workers/heartbeat`, { name: 'fresh' });
    const workers = (await s.post(`/api/work_pools/${p.name}/workers/filter`, {})).body;
    expect(workers.map((w: { name: string; status: string }) => `${w.name}:${w.status}`)).toEqual(['fresh:ONLINE', 'old:OFFLINE']);
    // The stored status changes when the status keeper runs.
    await s.services.get('status_keeper').runOnce();
    expect((await s.post(`/api/work_pools/${p.name}/workers/filter`, { workers: { status: { any_: ['OFFLINE'] } } })).body.map((w: { name: string }) => w.name)).toEqual(['old']);
    expect((await s.delete(`/api/work_pools/${p.name}/workers/old`)).status).toBe(204);
    expect(await s.delete(`/api/work_pools/${p.name}/workers/old`)).toMatchObject({ status: 404, body: { detail: 'Worker not found.' } });
    expect((await s.post('/api/work_pools/missing-pool/workers/heartbeat', { name: 'w' })).status).toBe(404);
  });
});

describe('get_scheduled_flow_runs (contract §7)', () => {
  it('hands out by queue priority then time, without pool keys in the runs', async () => {
    const p = await pool();
    await s.post(`/api/work_pools/${p.name}/queues`, { name: 'urgent', priority: 1 });
    const normal = await scheduledRuns(p.name, 'default', 2, '2024-01-01T00:00:00Z');
    const urgent = await scheduledRuns(p.name, 'urgent', 1, '2024-06-01T00:00:00Z');
    const res = await poll(p.name, { scheduled_before: new Date().toISOString(), limit: 10 });
    expect(res.body.map((r: { flow_run: { id: string } }) => r.flow_run.id)).toEqual([urgent[0].id, ...normal.map((r) => r.id)]);
    expect(res.body[0].work_pool_id).toBe(p.id);
    expect(res.body[0].flow_run).not.toHaveProperty('work_pool_name');
    expect(res.body[0].flow_run).toHaveProperty('work_queue_name', 'urgent');
  });

  it('leases handed-out runs so a second poll does not get them', async () => {
    const p = await pool();
    await scheduledRuns(p.name, undefined, 3);
    expect((await poll(p.name)).body).toHaveLength(3);
    expect((await poll(p.name)).body).toHaveLength(0);
  });

  it('respects scheduled_before/after, limit, paused pools and queues, unknown queues', async () => {
    const p = await pool();
    await s.post(`/api/work_pools/${p.name}/queues`, { name: 'paused-q', is_paused: true });
    await scheduledRuns(p.name, 'paused-q', 2);
    const early = await scheduledRuns(p.name, undefined, 1, '2024-01-01T00:00:00Z');
    await scheduledRuns(p.name, undefined, 1, '2099-01-01T00:00:00Z');
    expect((await poll(p.name, { scheduled_before: '2030-01-01T00:00:00Z', scheduled_after: '2023-01-01T00:00:00Z' })).body.map((r: { flow_run: { id: string } }) => r.flow_run.id)).toEqual([early[0].id]);
    expect((await poll(p.name, { work_queue_names: ['nope'] })).status).toBe(404);
    await s.patch(`/api/work_pools/${p.name}`, { is_paused: true });
    expect((await poll(p.name, { scheduled_after: '2090-01-01T00:00:00Z' })).body).toEqual([]);
  });

  it('stays within queue and pool concurrency limits (PENDING/RUNNING count) and skips in-process retries', async () => {
    const p = await pool({ concurrency_limit: 3 });
    await s.post(`/api/work_pools/${p.name}/queues`, { name: 'limited', concurrency_limit: 1, priority: 1 });
    const limited = await scheduledRuns(p.name, 'limited', 3);
    const other = await scheduledRuns(p.name, undefined, 5);
    await s.post(`/api/flow_runs/${other[0].id}/set_state`, { state: { type: 'RUNNING' }, force: true });
    const res = (await poll(p.name, { limit: 10 })).body.map((r: { flow_run: { id: string } }) => r.flow_run.id);
    // Pool: 3 − 1 running = 2 free. "limited" goes first (priority 1) but may take only 1; the default queue gets the other.
    expect(res).toHaveLength(2);
    expect(res.filter((id: string) => limited.some((r) => r.id === id))).toHaveLength(1);
    expect(res.filter((id: string) => other.some((r) => r.id === id))).toHaveLength(1);
    const retrying = await scheduledRuns((await pool()).name, undefined, 1);
    await s.patch(`/api/flow_runs/${retrying[0].id}`, { empirical_policy: { retry_type: 'in_process' } });
    const poolName = (await s.get(`/api/flow_runs/${retrying[0].id}`)).body.work_pool_name;
    expect((await poll(poolName)).body).toEqual([]);
  });

  it('records the poll: queue and deployments become READY', async () => {
    const p = await pool();
    const [run] = await scheduledRuns(p.name, undefined, 1, '2099-01-01T00:00:00Z');
    await poll(p.name);
    expect((await s.get(`/api/work_pools/${p.name}/queues/default`)).body).toMatchObject({ status: 'READY', last_polled: expect.any(String) });
    expect((await s.get(`/api/deployments/${run.deployment_id}`)).body.status).toBe('READY');
  });

  it('exactly once: two concurrent pollers claiming 1,000 runs with PENDING each get distinct runs', async () => {
    const p = await pool();
    const flow = await makeFlow(s);
    const schedules = [{ schedule: { interval: 60, anchor_date: '2024-01-01T00:00:00Z' } }];
    const d = (await s.post('/api/deployments/', { name: 'bulk', flow_id: flow.id, work_pool_name: p.name, schedules })).body;
    await s.post(`/api/deployments/${d.id}/schedule`, { start_time: '2024-01-01T00:00:00Z', end_time: '2025-01-01T00:00:00Z', min_runs: 1000, max_runs: 1000 });
    expect((await s.post('/api/flow_runs/count', { deployments: { id: { any_: [d.id] } } })).body).toBe(1000);
    const claims = new Map<string, number>();
    const worker = async () => {
      for (;;) {
        const batch = (await poll(p.name, { limit: 25 })).body as { flow_run: { id: string } }[];
        if (batch.length === 0) return;
        for (const { flow_run } of batch) {
          const res = await s.post(`/api/flow_runs/${flow_run.id}/set_state`, { state: { type: 'PENDING' } });
          if (res.body.status === 'ACCEPT') claims.set(flow_run.id, (claims.get(flow_run.id) ?? 0) + 1);
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(claims.size).toBe(1000);
    expect([...claims.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);
});

describe('work-pool types (contract §3.16)', () => {
  it('serves the bundled catalog with the built-in process type and no external logos', async () => {
    const view = (await s.get('/api/collections/views/aggregate-worker-metadata')).body;
    expect(view.syntask.process).toMatchObject({ type: 'process', display_name: 'Process', logo_url: null });
    expect(Object.keys(view.syntask.process.default_base_job_configuration.variables.properties)).toEqual(expect.arrayContaining(['command', 'env', 'working_dir', 'stream_output']));
    expect(Object.keys(view)).toEqual(expect.arrayContaining(['syntask-docker', 'syntask-kubernetes']));
    expect(JSON.stringify(view)).not.toMatch(/"logo_url":"http/);
    expect((await s.get('/api/collections/views/nope')).status).toBe(404);
  });
});
