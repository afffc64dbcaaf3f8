import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlow, setFlowState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const AGENT_POOL = 'default-agent-pool';
const uniq = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function queue(body: Record<string, unknown> = {}) {
  const res = await s.post('/api/work_queues/', { name: uniq('q'), ...body });
  if (res.status !== 201) throw new Error(`createLegacyWorkQueue ${res.status} ${res.text}`);
  return res.body;
}

/** A deployment on the legacy queue (agent pool) and `n` runs scheduled at the given times. */
async function scheduledRuns(queueName: string, times: string[]) {
  const flow = await makeFlow(s);
  const d = (await s.post('/api/deployments/', { name: uniq('d'), flow_id: flow.id, work_queue_name: queueName })).body;
  const runs = [];
  for (const at of times) runs.push((await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: at } } })).body);
  return { deployment: d, runs };
}

const getRuns = (id: string, body: Record<string, unknown> = {}, headers?: Record<string, string>) => s.post(`/api/work_queues/${id}/get_runs`, body, headers);

describe('legacy work queues: create and read (contract §3.7)', () => {
  it('makes default-agent-pool on demand; "default" in a pool made just now is its default queue', async () => {
    expect((await s.get(`/api/work_pools/${AGENT_POOL}`)).status).toBe(404);
    const res = await s.post('/api/work_queues/', { name: 'default' });
    expect(res.status).toBe(201);
    const pool = (await s.get(`/api/work_pools/${AGENT_POOL}`)).body;
    expect(pool).toMatchObject({ type: 'syntask-agent', status: null, default_queue_id: res.body.id });
    expect(res.body).toMatchObject({ name: 'default', work_pool_id: pool.id, work_pool_name: AGENT_POOL, priority: 1 });
    // Once the pool exists, "default" is an ordinary duplicate.
    expect(await s.post('/api/work_queues/', { name: 'default' })).toMatchObject({ status: 409, body: { detail: 'A work queue with this name already exists.' } });
  });

  it('creates with every field, defaults, the lowest free priority and the deprecated filter', async () => {
    const plain = await queue();
    expect(plain).toEqual({
      id: expect.any(String),
      created: expect.any(String),
      updated: expect.any(String),
      name: plain.name,
      description: '',
      is_paused: false,
      concurrency_limit: null,
      priority: expect.any(Number),
      work_pool_id: (await s.get(`/api/work_pools/${AGENT_POOL}`)).body.id,
      work_pool_name: AGENT_POOL,
      filter: null,
      last_polled: null,
      status: 'NOT_READY',
    });
    const full = await queue({ description: 'nightly jobs', is_paused: true, concurrency_limit: 3, priority: 1, filter: { tags: ['etl'], deployment_ids: null } });
    expect(full).toMatchObject({ description: 'nightly jobs', is_paused: true, concurrency_limit: 3, priority: 1, status: 'PAUSED', filter: { tags: ['etl'], deployment_ids: null } });
    // Taking priority 1 moved the others up.
    expect((await s.get(`/api/work_queues/${plain.id}`)).body.priority).toBe(plain.priority + 1);
  });

  it('refuses duplicates (409) and invalid bodies (422)', async () => {
    const q = await queue();
    expect(await s.post('/api/work_queues/', { name: q.name })).toMatchObject({ status: 409, body: { detail: 'A work queue with this name already exists.' } });
    for (const body of [{ name: 'a/b' }, { name: '' }, {}, { name: uniq('x'), priority: 0 }, { name: uniq('x'), concurrency_limit: -1 }, { name: uniq('x'), nope: 1 }, { name: uniq('x'), filter: { tags: 'etl' } }]) {
      const res = await s.post('/api/work_queues/', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.exception_message).toBe('Invalid request received.');
    }
  });

  it('reads by id (any pool) and by name (agent pool only); 404 "work queue not found"', async () => {
    const q = await queue();
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toEqual(q);
    expect((await s.get(`/api/work_queues/name/${q.name}`)).body).toEqual(q);
    expect(await s.get(`/api/work_queues/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'work queue not found' } });
    expect(await s.get('/api/work_queues/name/no-such-queue')).toMatchObject({ status: 404, body: { detail: 'work queue not found' } });
    expect((await s.get('/api/work_queues/not-a-uuid')).status).toBe(404);
    const pool = (await s.post('/api/work_pools/', { name: uniq('pool'), type: 'process' })).body;
    const poolQueue = (await s.get(`/api/work_pools/${pool.name}/queues/default`)).body;
    expect((await s.get(`/api/work_queues/${poolQueue.id}`)).body).toEqual(poolQueue);
    expect((await s.get('/api/work_queues/name/default')).body.work_pool_name).toBe(AGENT_POOL);
  });
});

describe('legacy work queues: update, delete, filter', () => {
  it('PATCH writes the keys sent, pauses and unpauses; 404 and 422', async () => {
    const q = await queue({ description: 'before', concurrency_limit: 2 });
    const name = uniq('renamed');
    expect((await s.patch(`/api/work_queues/${q.id}`, { name, description: 'after', concurrency_limit: null, filter: { tags: ['a'] } })).status).toBe(204);
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ name, description: 'after', concurrency_limit: null, filter: { tags: ['a'] }, is_paused: false });
    expect((await s.patch(`/api/work_queues/${q.id}`, { is_paused: true })).status).toBe(204);
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ is_paused: true, status: 'PAUSED' });
    expect((await s.patch(`/api/work_queues/${q.id}`, { is_paused: false })).status).toBe(204);
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ is_paused: false, status: 'NOT_READY' });
    const polled = new Date().toISOString();
    await s.patch(`/api/work_queues/${q.id}`, { is_paused: true });
    await s.patch(`/api/work_queues/${q.id}`, { is_paused: false, last_polled: polled });
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ status: 'READY', last_polled: expect.any(String) });
    expect(await s.patch(`/api/work_queues/${randomUUID()}`, { description: 'x' })).toMatchObject({ status: 404, body: { detail: 'work queue not found' } });
    expect((await s.patch(`/api/work_queues/${q.id}`, { nope: true })).status).toBe(422);
    expect((await s.patch(`/api/work_queues/${q.id}`, { priority: 0 })).status).toBe(422);
    const other = await queue();
    expect((await s.patch(`/api/work_queues/${q.id}`, { name: other.name })).status).toBe(409);
  });

  it('DELETE detaches runs, keeps deployments and a pool default queue; 404 afterwards', async () => {
    const q = await queue();
    const { deployment, runs } = await scheduledRuns(q.name, ['2024-01-01T00:00:00Z']);
    expect(runs[0].work_queue_id).toBe(q.id);
    expect((await s.delete(`/api/work_queues/${q.id}`)).status).toBe(204);
    expect((await s.get(`/api/flow_runs/${runs[0].id}`)).body.work_queue_id).toBeNull();
    expect((await s.get(`/api/deployments/${deployment.id}`)).status).toBe(200);
    expect(await s.delete(`/api/work_queues/${q.id}`)).toMatchObject({ status: 404, body: { detail: 'work queue not found' } });
    const agentPool = (await s.get(`/api/work_pools/${AGENT_POOL}`)).body;
    expect((await s.delete(`/api/work_queues/${agentPool.default_queue_id}`)).status).toBe(400);
  });

  it('filter lists queues of every pool by name, with criteria and pagination', async () => {
    const prefix = uniq('flt');
    const pool = (await s.post('/api/work_pools/', { name: uniq('pool'), type: 'process' })).body;
    await s.post(`/api/work_pools/${pool.name}/queues`, { name: `${prefix}-b` });
    await queue({ name: `${prefix}-c` });
    await queue({ name: `${prefix}-a` });
    const names = async (body: Record<string, unknown>) => (await s.post('/api/work_queues/filter', body)).body.map((q: { name: string }) => q.name);
    expect(await names({ work_queues: { name: { startswith_: [prefix] } } })).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    expect(await names({ work_queues: { name: { startswith_: [prefix] } }, limit: 1, offset: 1 })).toEqual([`${prefix}-b`]);
    expect(await names({ work_queues: { name: { any_: [`${prefix}-c`] } } })).toEqual([`${prefix}-c`]);
    const all = await names({});
    expect(all).toEqual([...all].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(all).toContain('default');
    expect(await s.post('/api/work_queues/filter', { limit: 201 })).toMatchObject({ status: 422, body: { detail: 'Invalid limit: must be less than or equal to 200.' } });
    expect((await s.post('/api/work_queues/filter', { work_queues: { nope: 1 } })).status).toBe(422);
  });
});

describe('legacy get_runs and status (contract §3.7, §6 readiness)', () => {
  it('hands out SCHEDULED runs by scheduled time, within limit and scheduled_before, and records the poll', async () => {
    const q = await queue();
    const { deployment, runs } = await scheduledRuns(q.name, ['2024-01-03T00:00:00Z', '2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', '2999-01-01T00:00:00Z']);
    const peek = await getRuns(q.id, { scheduled_before: '2030-01-01T00:00:00Z' }, { 'x-syntask-ui': 'true' });
    expect(peek.status).toBe(200);
    expect(peek.body.map((r: { id: string }) => r.id)).toEqual([runs[1].id, runs[2].id, runs[0].id]);
    // The dashboard's look records nothing and leases nothing.
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ last_polled: null, status: 'NOT_READY' });
    const first = await getRuns(q.id, { limit: 2, scheduled_before: '2030-01-01T00:00:00Z', agent_id: randomUUID() });
    expect(first.status).toBe(200);
    expect(first.body.map((r: { id: string }) => r.id)).toEqual([runs[1].id, runs[2].id]);
    expect(first.body[0]).toMatchObject({ state_type: 'SCHEDULED', work_queue_id: q.id, work_queue_name: q.name, work_pool_name: AGENT_POOL, deployment_id: deployment.id });
    expect((await s.get(`/api/work_queues/${q.id}`)).body).toMatchObject({ status: 'READY', last_polled: expect.any(String) });
    expect((await s.get(`/api/deployments/${deployment.id}`)).body).toMatchObject({ status: 'READY', last_polled: expect.any(String) });
    // A second poll does not hand out the same runs again.
    expect((await getRuns(q.id, { scheduled_before: '2030-01-01T00:00:00Z' })).body.map((r: { id: string }) => r.id)).toEqual([runs[0].id]);
  });

  it('respects the queue concurrency limit, pauses, defaults and refusals', async () => {
    const q = await queue({ concurrency_limit: 2 });
    const { runs } = await scheduledRuns(q.name, ['2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z']);
    await setFlowState(s, runs[0].id, { type: 'PENDING' });
    await setFlowState(s, runs[0].id, { type: 'RUNNING' });
    expect((await getRuns(q.id)).body.map((r: { id: string }) => r.id)).toEqual([runs[1].id]);
    // Handed out but not yet PENDING: the slot is still free for the next run.
    expect((await getRuns(q.id)).body.map((r: { id: string }) => r.id)).toEqual([runs[2].id]);
    await setFlowState(s, runs[1].id, { type: 'PENDING' });
    await s.patch(`/api/work_queues/${q.id}`, { concurrency_limit: 2 });
    const more = (await scheduledRuns(q.name, ['2024-01-04T00:00:00Z'])).runs;
    expect((await getRuns(q.id)).body).toEqual([]);
    await setFlowState(s, runs[1].id, { type: 'CANCELLED' }, true);
    expect((await getRuns(q.id)).body.map((r: { id: string }) => r.id)).toEqual([more[0].id]);

    const paused = await queue({ is_paused: true });
    await scheduledRuns(paused.name, ['2024-01-01T00:00:00Z']);
    expect((await getRuns(paused.id)).body).toEqual([]);

    const missing = randomUUID();
    expect(await getRuns(missing)).toMatchObject({ status: 404, body: { exception_message: `Work queue with id ${missing} not found` } });
    expect(await getRuns(q.id, { limit: 201 })).toMatchObject({ status: 422, body: { detail: 'Invalid limit: must be less than or equal to 200.' } });
    expect((await getRuns(q.id, { limit: -1 })).status).toBe(422);
    expect((await getRuns(q.id, { scheduled_before: 'yesterday' })).status).toBe(422);
    // Unknown top-level keys of a multi-key body are ignored.
    expect((await getRuns(q.id, { something_else: 1 })).status).toBe(200);
  });

  it('polls a queue of any pool by id', async () => {
    const pool = (await s.post('/api/work_pools/', { name: uniq('pool'), type: 'process' })).body;
    const flow = await makeFlow(s);
    const d = (await s.post('/api/deployments/', { name: uniq('d'), flow_id: flow.id, work_pool_name: pool.name })).body;
    const run = (await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: '2024-01-01T00:00:00Z' } } })).body;
    expect((await getRuns(pool.default_queue_id)).body.map((r: { id: string }) => r.id)).toEqual([run.id]);
  });

  it('status: healthy when polled within 60 s and no run is Late', async () => {
    const q = await queue();
    const policy = { maximum_late_runs: 0, maximum_seconds_since_last_polled: 60 };
    expect((await s.get(`/api/work_queues/${q.id}/status`)).body).toEqual({ healthy: false, late_runs_count: 0, last_polled: null, health_check_policy: policy });
    const { runs } = await scheduledRuns(q.name, ['2999-01-01T00:00:00Z']);
    await getRuns(q.id, { scheduled_before: '2000-01-01T00:00:00Z' });
    const healthy = (await s.get(`/api/work_queues/${q.id}/status`)).body;
    expect(healthy).toEqual({ healthy: true, late_runs_count: 0, last_polled: (await s.get(`/api/work_queues/${q.id}`)).body.last_polled, health_check_policy: policy });
    await setFlowState(s, runs[0].id, { type: 'SCHEDULED', name: 'Late', state_details: { scheduled_time: '2999-01-01T00:00:00Z' } }, true);
    expect((await s.get(`/api/work_queues/${q.id}/status`)).body).toMatchObject({ healthy: false, late_runs_count: 1 });
    await s.patch(`/api/work_queues/${q.id}`, { last_polled: new Date(Date.now() - 120_000).toISOString() });
    await setFlowState(s, runs[0].id, { type: 'SCHEDULED', state_details: { scheduled_time: '2999-01-01T00:00:00Z' } }, true);
    expect((await s.get(`/api/work_queues/${q.id}/status`)).body).toMatchObject({ healthy: false, late_runs_count: 0 });
    const missing = randomUUID();
    expect(await s.get(`/api/work_queues/${missing}/status`)).toMatchObject({ status: 404, body: { exception_message: `Work queue with id ${missing} not found` } });
  });
});
