import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoIn, makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

/** "Why is this run late?" (issue 20 part 3): the first fact that holds a run, with its fix. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const explain = async (id: string) => (await s.post('/api/ui/flow_runs/delay_explanations', { flow_run_ids: [id] })).body[id];

/** A pool with a default queue, a deployment on it and a run of it due a minute ago. */
async function setup(options: { poolLimit?: number; queueLimit?: number } = {}) {
  const pool = (await s.post('/api/work_pools/', { name: `pool-${randomUUID().slice(0, 8)}`, type: 'process', concurrency_limit: options.poolLimit ?? null })).body;
  const queue = (await s.post(`/api/work_pools/${pool.name}/queues/filter`, {})).body[0];
  if (options.queueLimit !== undefined) await s.patch(`/api/work_pools/${pool.name}/queues/${queue.name}`, { concurrency_limit: options.queueLimit });
  const flow = await makeFlow(s);
  const deployment = (await s.post('/api/deployments/', { name: 'nightly', flow_id: flow.id, work_pool_name: pool.name, entrypoint: 'flows.ts:nightly' })).body;
  const due = async () => (await s.post(`/api/deployments/${deployment.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(-60) } } })).body;
  const run = await due();
  const heartbeat = (name = 'w1') => s.post(`/api/work_pools/${pool.name}/workers/heartbeat`, { name, heartbeat_interval_seconds: 30 });
  const poll = () => s.post(`/api/work_pools/${pool.name}/get_scheduled_flow_runs`, { scheduled_before: isoIn(-3600) });
  return { pool, queue, deployment, run, due, heartbeat, poll };
}

describe('why a run has not started', () => {
  it('walks the checks in order: deployment paused, pool paused, no worker, queue paused, queue not polled, then nothing holds it', async () => {
    const { pool, queue, deployment, run, heartbeat, poll } = await setup();
    expect(await explain(run.id)).toMatchObject({ code: 'no_online_worker', late: true, title: `Work pool ${pool.name} has no online worker.`, action: { kind: 'open_work_pool', work_pool_name: pool.name } });
    expect((await explain(run.id)).detail).toContain('No worker has ever polled it');

    await s.patch(`/api/work_pools/${pool.name}`, { is_paused: true });
    expect(await explain(run.id)).toMatchObject({ code: 'work_pool_paused', action: { kind: 'resume_work_pool', work_pool_name: pool.name } });
    await s.post(`/api/deployments/${deployment.id}/pause_deployment`, {});
    expect(await explain(run.id)).toMatchObject({ code: 'deployment_paused', title: 'Deployment nightly is paused.', action: { kind: 'resume_deployment', deployment_id: deployment.id } });

    await s.post(`/api/deployments/${deployment.id}/resume_deployment`, {});
    await s.patch(`/api/work_pools/${pool.name}`, { is_paused: false });
    await heartbeat();
    await s.patch(`/api/work_pools/${pool.name}/queues/${queue.name}`, { is_paused: true });
    expect(await explain(run.id)).toMatchObject({ code: 'work_queue_paused', action: { kind: 'resume_work_queue', work_queue_id: queue.id, work_pool_name: pool.name } });

    await s.patch(`/api/work_pools/${pool.name}/queues/${queue.name}`, { is_paused: false });
    expect(await explain(run.id)).toMatchObject({ code: 'queue_not_polled', title: `No worker polls work queue ${queue.name}.` });
    // A poll that does not reach the run's time (the queue is polled, the run is due): nothing holds it.
    await poll();
    expect(await explain(run.id)).toMatchObject({ code: 'scheduled_later', late: true, action: null });
  });

  it('a full pool or queue names the runs holding the slots', async () => {
    const full = await setup({ poolLimit: 1 });
    await full.heartbeat();
    const holder = await full.due();
    await setFlowState(s, holder.id, { type: 'RUNNING' });
    const pool = await explain(full.run.id);
    expect(pool).toMatchObject({ code: 'work_pool_full', title: `Work pool ${full.pool.name} is full: 1 of 1 runs at once.`, action: { kind: 'show_runs', flow_run_ids: [holder.id] } });
    expect(pool.detail).toContain(holder.name);

    const queueFull = await setup({ queueLimit: 1 });
    await queueFull.heartbeat();
    const other = await queueFull.due();
    await setFlowState(s, other.id, { type: 'PENDING' });
    expect(await explain(queueFull.run.id)).toMatchObject({ code: 'work_queue_full', action: { kind: 'show_runs', flow_run_ids: [other.id] } });
  });

  it('time: a retry ahead, a schedule ahead, a claimed run starting; finished and unknown runs have nothing to explain', async () => {
    const flow = await makeFlow(s);
    const later = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(3600) } } });
    expect(await explain(later.id)).toMatchObject({ code: 'scheduled_later', late: false });
    const retrying = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'SCHEDULED', name: 'AwaitingRetry', state_details: { scheduled_time: isoIn(30) } } });
    expect((await explain(retrying.id)).title).toMatch(/^Waiting to retry until \d{4}-/);
    const pending = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'PENDING' } });
    expect(await explain(pending.id)).toMatchObject({ code: 'pending_start' });
    const done = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'COMPLETED' } });
    const unknown = randomUUID();
    const answer = (await s.post('/api/ui/flow_runs/delay_explanations', { flow_run_ids: [done.id, unknown] })).body;
    expect(answer).toEqual({ [done.id]: null, [unknown]: null });
  });

  it('a Running run held by a full tag limit names the task, the tag and the runs holding its slots; a free slot clears it', async () => {
    const tag = `warehouse-${randomUUID().slice(0, 6)}`;
    await s.post('/api/concurrency_limits/', { tag, concurrency_limit: 1 });
    const holderRun = await runningFlowRun(s, { name: 'holder' });
    const holding = await makeTaskRun(s, { flow_run_id: holderRun.id, tags: [tag] });
    expect((await setTaskState(s, holding.id, { type: 'PENDING' })).body.status).toBe('ACCEPT');
    expect((await setTaskState(s, holding.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    const run = await runningFlowRun(s);
    expect(await explain(run.id)).toBeNull();
    const waiting = await makeTaskRun(s, { flow_run_id: run.id, name: 'load-orders', tags: [tag] });
    await setTaskState(s, waiting.id, { type: 'PENDING' });
    // The orchestration tells the task to wait; it stays Pending.
    expect((await setTaskState(s, waiting.id, { type: 'RUNNING' })).body.status).toBe('WAIT');
    expect(await explain(run.id)).toMatchObject({
      code: 'tag_limit_full',
      late: false,
      title: `Task run load-orders waits for the concurrency limit on tag ${tag}: 1 of 1 slots taken.`,
      detail: 'Held by task runs of holder.',
      action: { kind: 'show_runs', flow_run_ids: [holderRun.id] },
    });
    await setTaskState(s, holding.id, { type: 'COMPLETED' });
    expect(await explain(run.id)).toBeNull();
  });

  it('a Running run whose code was refused by a full global limit names it until it gets its slots', async () => {
    const name = `partner-api-${randomUUID().slice(0, 6)}`;
    expect((await s.post('/api/v2/concurrency_limits/', { name, limit: 1 })).status).toBe(201);
    const run = await runningFlowRun(s);
    const other = await runningFlowRun(s);
    const take = (flow_run_id: string) => s.post('/api/v2/concurrency_limits/increment', { names: [name], slots: 1, mode: 'concurrency', flow_run_id });
    expect((await take(other.id)).status).toBe(200);
    expect((await take(run.id)).status).toBe(423);
    expect(await explain(run.id)).toMatchObject({ code: 'global_limit_full', title: `Waiting for global concurrency limit ${name}: 1 of 1 slots taken.`, action: { kind: 'open_global_limits' } });
    expect(await explain(other.id)).toBeNull();
    // A freed slot no longer holds it, even before its next try; getting the slot forgets the refusal.
    await s.post('/api/v2/concurrency_limits/decrement', { names: [name], slots: 1 });
    expect(await explain(run.id)).toBeNull();
    expect((await take(run.id)).status).toBe(200);
    await take(other.id);
    expect(await explain(run.id)).toBeNull();
    // A client that names no run (a Syntask 2 client) is served as before.
    expect((await s.post('/api/v2/concurrency_limits/increment', { names: [name], slots: 1 })).status).toBe(423);
  });

  it('bad input: 422 naming the field', async () => {
    const tooMany = await s.post('/api/ui/flow_runs/delay_explanations', { flow_run_ids: Array.from({ length: 51 }, () => randomUUID()) });
    expect(tooMany.status).toBe(422);
    expect(JSON.stringify(tooMany.body.exception_detail)).toContain('flow_run_ids');
    expect((await s.post('/api/ui/flow_runs/delay_explanations', { flow_run_ids: ['nope'] })).status).toBe(422);
  });
});
