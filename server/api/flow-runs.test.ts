import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('flow runs CRUD (contract §3.2)', () => {
  it('creates with defaults: random slug name, PENDING, every field present', async () => {
    const flow = await makeFlow(s);
    const res = await s.post('/api/flow_runs/', { flow_id: flow.id });
    expect(res.status).toBe(201);
    const run = res.body;
    expect(run.name).toMatch(/^[a-z]+-[a-z]+$/);
    expect(run).toMatchObject({
      flow_id: flow.id,
      state_type: 'PENDING',
      state_name: 'Pending',
      parameters: {},
      context: {},
      tags: [],
      run_count: 0,
      total_run_time: 0,
      auto_scheduled: false,
      deployment_id: null,
      work_pool_id: null,
      work_pool_name: null,
      job_variables: null,
      empirical_policy: { max_retries: 0, retry_delay_seconds: 0, retries: null, retry_delay: null, pause_keys: [], resuming: false, retry_type: null },
    });
    expect(run.state.state_details).toEqual({
      flow_run_id: run.id,
      task_run_id: null,
      child_flow_run_id: null,
      scheduled_time: null,
      cache_key: null,
      cache_expiration: null,
      untrackable_result: false,
      pause_timeout: null,
      pause_reschedule: false,
      pause_key: null,
      run_input_keyset: null,
      refresh_cache: null,
      retriable: null,
      transition_id: null,
      task_parameters_id: null,
    });
    expect(run.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
  });

  it('is idempotent on (flow_id, idempotency_key)', async () => {
    const flow = await makeFlow(s);
    const first = await s.post('/api/flow_runs/', { flow_id: flow.id, idempotency_key: 'once', name: 'first' });
    const second = await s.post('/api/flow_runs/', { flow_id: flow.id, idempotency_key: 'once', name: 'second' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.name).toBe('first');
    const racing = await Promise.all(Array.from({ length: 5 }, () => s.post('/api/flow_runs/', { flow_id: flow.id, idempotency_key: 'race' })));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(racing.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('creates with an initial state (forced) and parameters', async () => {
    const run = await makeFlowRun(s, { name: 'with-state', parameters: { x: 1, nested: { y: [1, 2] } }, state: { type: 'SCHEDULED', state_details: { scheduled_time: '2030-01-01T00:00:00Z' } } });
    expect(run.state_type).toBe('SCHEDULED');
    expect(run.next_scheduled_start_time).toBe('2030-01-01T00:00:00+00:00');
    expect(run.parameters).toEqual({ x: 1, nested: { y: [1, 2] } });
  });

  it('refuses an unknown flow (409) and a bad body (422)', async () => {
    expect((await s.post('/api/flow_runs/', { flow_id: randomUUID() })).status).toBe(409);
    const bad = await s.post('/api/flow_runs/', { flow_id: 'not-a-uuid', tags: [1] });
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'flow_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
        expect.objectContaining({ loc: ['body', 'tags', 0] }),
      ]),
    );
    expect((await s.post('/api/flow_runs/', { flow_id: randomUUID(), state: { type: 'SLEEPING' } })).body.exception_detail[0].loc).toEqual(['body', 'state', 'type']);
  });

  it('patches only the keys sent (204)', async () => {
    const run = await makeFlowRun(s, { tags: ['keep'], parameters: { a: 1 } });
    expect((await s.patch(`/api/flow_runs/${run.id}`, { name: 'renamed', infrastructure_pid: 'pid-1' })).status).toBe(204);
    const after = (await s.get(`/api/flow_runs/${run.id}`)).body;
    expect(after).toMatchObject({ name: 'renamed', infrastructure_pid: 'pid-1', tags: ['keep'], parameters: { a: 1 } });
    await s.patch(`/api/flow_runs/${run.id}`, { tags: [], flow_version: null });
    expect((await s.get(`/api/flow_runs/${run.id}`)).body).toMatchObject({ tags: [], flow_version: null });
    expect((await s.patch(`/api/flow_runs/${run.id}`, { job_variables: { a: 1 } })).status).toBe(400);
    expect((await s.patch(`/api/flow_runs/${randomUUID()}`, { name: 'x' })).status).toBe(404);
    expect((await s.patch(`/api/flow_runs/${run.id}`, { state_type: 'COMPLETED' })).status).toBe(422);
  });

  it('deletes a run with its task runs and states', async () => {
    const run = await runningFlowRun(s);
    const task = await makeTaskRun(s, { flow_run_id: run.id });
    expect((await s.delete(`/api/flow_runs/${run.id}`)).status).toBe(204);
    expect(await s.get(`/api/flow_runs/${run.id}`)).toMatchObject({ status: 404, body: { detail: 'Flow run not found' } });
    expect((await s.get(`/api/task_runs/${task.id}`)).status).toBe(404);
    expect((await s.get(`/api/flow_run_states/?flow_run_id=${run.id}`)).body).toEqual([]);
    expect((await s.delete(`/api/flow_runs/${run.id}`)).status).toBe(404);
  });
});

describe('flow run filters, sorts, counts (contract §4)', () => {
  let flowA: { id: string }, flowB: { id: string };
  const ids: Record<string, string> = {};
  let parentTask: { id: string };
  const deployment = randomUUID();

  beforeAll(async () => {
    flowA = await makeFlow(s, 'filter-flow-a', ['team-a']);
    flowB = await makeFlow(s, 'filter-flow-b');
    const alpha = await makeFlowRun(s, { flow_id: flowA.id, name: 'alpha-run', tags: ['nightly', 'etl'], flow_version: 'v1', idempotency_key: 'key-alpha' });
    await setFlowState(s, alpha.id, { type: 'RUNNING' });
    parentTask = await makeTaskRun(s, { flow_run_id: alpha.id, tags: ['has-subflow'] });
    await setTaskState(s, parentTask.id, { type: 'RUNNING' });
    await setFlowState(s, alpha.id, { type: 'COMPLETED' });
    ids.alpha = alpha.id;
    const beta = await makeFlowRun(s, { flow_id: flowA.id, name: 'beta-run', tags: ['etl'], deployment_id: deployment, flow_version: 'v2' });
    await setFlowState(s, beta.id, { type: 'RUNNING' });
    await setFlowState(s, beta.id, { type: 'FAILED' });
    ids.beta = beta.id;
    ids.gamma = (await makeFlowRun(s, { flow_id: flowB.id, name: 'gamma-run', state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(3600) } } })).id;
    const delta = await makeFlowRun(s, { flow_id: flowB.id, name: 'delta-run', parent_task_run_id: parentTask.id });
    await setFlowState(s, delta.id, { type: 'RUNNING' });
    ids.delta = delta.id;
    ids.late = (await makeFlowRun(s, { flow_id: flowB.id, name: 'late-run', state: { type: 'SCHEDULED', name: 'Late', state_details: { scheduled_time: isoIn(-600) } } })).id;
  });

  const mine = () => ({ flows: { id: { any_: [flowA.id, flowB.id] } } });
  const filter = async (body: Record<string, unknown>) => {
    const res = await s.post('/api/flow_runs/filter', { ...mine(), sort: 'NAME_ASC', ...body });
    expect(res.status).toBe(200);
    return (res.body as { name: string }[]).map((r) => r.name.replace('-run', ''));
  };

  it('id any_ / not_any_ and name any_ / like_', async () => {
    expect(await filter({ flow_runs: { id: { any_: [ids.alpha, ids.gamma] } } })).toEqual(['alpha', 'gamma']);
    expect(await filter({ flow_runs: { id: { not_any_: [ids.alpha, ids.gamma] } } })).toEqual(['beta', 'delta', 'late']);
    expect(await filter({ flow_runs: { name: { any_: ['beta-run'] } } })).toEqual(['beta']);
    expect(await filter({ flow_runs: { name: { like_: 'EL' } } })).toEqual(['delta']);
    expect(await filter({ flow_runs: { name: { like_: 'a_run' } } })).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it('tags all_ / is_null_ with operator', async () => {
    expect(await filter({ flow_runs: { tags: { all_: ['etl'] } } })).toEqual(['alpha', 'beta']);
    expect(await filter({ flow_runs: { tags: { all_: ['etl', 'nightly'] } } })).toEqual(['alpha']);
    expect(await filter({ flow_runs: { tags: { is_null_: true } } })).toEqual(['delta', 'gamma', 'late']);
    expect(await filter({ flow_runs: { tags: { operator: 'or_', all_: ['nightly'], is_null_: true } } })).toEqual(['alpha', 'delta', 'gamma', 'late']);
  });

  it('state type / name with operator, and the top-level operator', async () => {
    expect(await filter({ flow_runs: { state: { type: { any_: ['COMPLETED', 'FAILED'] } } } })).toEqual(['alpha', 'beta']);
    expect(await filter({ flow_runs: { state: { name: { any_: ['Late'] } } } })).toEqual(['late']);
    expect(await filter({ flow_runs: { state: { operator: 'or_', type: { any_: ['FAILED'] }, name: { any_: ['Late'] } } } })).toEqual(['beta', 'late']);
    expect(await filter({ flow_runs: { state: { type: { any_: ['SCHEDULED'] }, name: { any_: ['Late'] } } } })).toEqual(['late']);
    expect(await filter({ flow_runs: { operator: 'or_', name: { any_: ['alpha-run'] }, state: { type: { any_: ['RUNNING'] } } } })).toEqual(['alpha', 'delta']);
  });

  it('deployment_id, work_queue_name, flow_version, idempotency_key', async () => {
    expect(await filter({ flow_runs: { deployment_id: { any_: [deployment] } } })).toEqual(['beta']);
    expect(await filter({ flow_runs: { deployment_id: { is_null_: false } } })).toEqual(['beta']);
    expect((await filter({ flow_runs: { deployment_id: { is_null_: true } } })).length).toBe(4);
    expect((await filter({ flow_runs: { work_queue_name: { is_null_: true } } })).length).toBe(5);
    expect(await filter({ flow_runs: { work_queue_name: { any_: ['default'] } } })).toEqual([]);
    expect(await filter({ flow_runs: { flow_version: { any_: ['v2'] } } })).toEqual(['beta']);
    expect(await filter({ flow_runs: { idempotency_key: { any_: ['key-alpha'] } } })).toEqual(['alpha']);
    expect(await filter({ flow_runs: { idempotency_key: { not_any_: ['key-alpha'] } } })).toEqual(['beta', 'delta', 'gamma', 'late']);
  });

  it('start_time, expected_start_time, next_scheduled_start_time ranges', async () => {
    expect(await filter({ flow_runs: { start_time: { is_null_: true } } })).toEqual(['gamma', 'late']);
    expect(await filter({ flow_runs: { start_time: { after_: isoIn(-120), is_null_: false } } })).toEqual(['alpha', 'beta', 'delta']);
    expect(await filter({ flow_runs: { start_time: { before_: isoIn(-120) } } })).toEqual([]);
    expect(await filter({ flow_runs: { expected_start_time: { after_: isoIn(60) } } })).toEqual(['gamma']);
    expect(await filter({ flow_runs: { expected_start_time: { before_: isoIn(-300) } } })).toEqual(['late']);
    expect(await filter({ flow_runs: { next_scheduled_start_time: { after_: isoIn(0) } } })).toEqual(['gamma']);
    expect(await filter({ flow_runs: { next_scheduled_start_time: { before_: isoIn(0) } } })).toEqual(['late']);
  });

  it('subflows: parent_flow_run_id, parent_task_run_id any_ / is_null_', async () => {
    expect(await filter({ flow_runs: { parent_flow_run_id: { any_: [ids.alpha] } } })).toEqual(['delta']);
    expect(await filter({ flow_runs: { parent_task_run_id: { any_: [parentTask.id] } } })).toEqual(['delta']);
    expect(await filter({ flow_runs: { parent_task_run_id: { is_null_: true } } })).toEqual(['alpha', 'beta', 'gamma', 'late']);
  });

  it('cross-entity: flows, task_runs, deployments', async () => {
    expect(await filter({ flows: { name: { any_: ['filter-flow-a'] } } })).toEqual(['alpha', 'beta']);
    expect(await filter({ flows: { id: { any_: [flowA.id, flowB.id] }, tags: { all_: ['team-a'] } } })).toEqual(['alpha', 'beta']);
    expect(await filter({ task_runs: { tags: { all_: ['has-subflow'] } } })).toEqual(['alpha']);
    expect(await filter({ task_runs: {} })).toEqual(['alpha']);
    // A sent cross-entity filter requires the related row; no deployment row exists here.
    expect(await filter({ deployments: {} })).toEqual([]);
  });

  it('every sort order', async () => {
    const sorted = async (sort: string) => filter({ sort });
    expect(await sorted('NAME_ASC')).toEqual(['alpha', 'beta', 'delta', 'gamma', 'late']);
    expect(await sorted('NAME_DESC')).toEqual(['late', 'gamma', 'delta', 'beta', 'alpha']);
    expect((await sorted('EXPECTED_START_TIME_ASC'))[0]).toBe('late');
    expect((await sorted('EXPECTED_START_TIME_DESC'))[0]).toBe('gamma');
    expect((await sorted('START_TIME_DESC'))[0]).toBe('gamma');
    expect((await sorted('START_TIME_ASC'))[0]).toBe('late');
    expect((await sorted('NEXT_SCHEDULED_START_TIME_ASC')).slice(0, 2)).toEqual(['late', 'gamma']);
    expect((await sorted('END_TIME_DESC')).slice(0, 2)).toEqual(['beta', 'alpha']);
    const byId = await s.post('/api/flow_runs/filter', { ...mine(), sort: 'ID_DESC' });
    const got = byId.body.map((r: { id: string }) => r.id);
    expect(got).toEqual([...got].sort().reverse());
  });

  it('paginates and counts', async () => {
    expect(await filter({ limit: 2, offset: 1 })).toEqual(['beta', 'delta']);
    expect((await s.post('/api/flow_runs/count', mine())).body).toBe(5);
    expect((await s.post('/api/flow_runs/count', { ...mine(), flow_runs: { state: { type: { any_: ['SCHEDULED'] } } } })).body).toBe(2);
  });

  it('lateness: mean start delay of the matching runs, null when none', async () => {
    const late = (await s.post('/api/flow_runs/lateness', { ...mine(), flow_runs: { id: { any_: [ids.late] } } })).body;
    expect(late).toBeGreaterThan(590);
    expect((await s.post('/api/flow_runs/lateness', { flow_runs: { id: { any_: [] } } })).body).toBeNull();
  });

  it('history: many runs in one interval make one row per state (flow and task runs)', async () => {
    const flow = await makeFlow(s, `bucketed-${randomUUID().slice(0, 8)}`);
    const base = Date.now() - 60_000;
    // Start times a few ms apart: a fractional bucket index would make a row per run.
    for (let i = 0; i < 12; i++) {
      const run = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'SCHEDULED', name: i % 3 ? 'Scheduled' : 'Late', state_details: { scheduled_time: new Date(base + i * 37).toISOString() } } });
      await makeTaskRun(s, { flow_run_id: run.id, task_key: `t${i}` });
    }
    const window = { history_start: new Date(base - 3_600_000).toISOString(), history_end: new Date(base + 3_600_000).toISOString(), history_interval_seconds: 7200 };
    // Task runs are expected to start when created (now): inside the window too.
    const flows = (await s.post('/api/flow_runs/history', { ...window, flows: { id: { any_: [flow.id] } } })).body;
    expect(flows).toHaveLength(1);
    expect(flows[0].states.map((x: { state_name: string; count_runs: number }) => [x.state_name, x.count_runs])).toEqual([
      ['Late', 4],
      ['Scheduled', 8],
    ]);
    const tasks = (await s.post('/api/task_runs/history', { ...window, flows: { id: { any_: [flow.id] } } })).body;
    expect(tasks[0].states.map((x: { state_type: string; count_runs: number }) => [x.state_type, x.count_runs])).toEqual([['PENDING', 12]]);
  });

  it('history buckets runs by expected start time (contract §3.15)', async () => {
    const base = Date.now();
    const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();
    const body = { ...mine(), history_start: at(-3600), history_end: at(7200), history_interval_seconds: 3600 };
    const res = await s.post('/api/flow_runs/history', body);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    const states = res.body.flatMap((i: { states: { state_type: string; state_name: string; count_runs: number }[] }) => i.states);
    const count = (type: string, name: string) => states.filter((x: { state_type: string; state_name: string }) => x.state_type === type && x.state_name === name).reduce((n: number, x: { count_runs: number }) => n + x.count_runs, 0);
    expect(count('COMPLETED', 'Completed')).toBe(1);
    expect(count('FAILED', 'Failed')).toBe(1);
    expect(count('SCHEDULED', 'Late')).toBe(1);
    expect(count('SCHEDULED', 'Scheduled')).toBe(1);
    const gammaStart = Date.parse((await s.get(`/api/flow_runs/${ids.gamma}`)).body.expected_start_time);
    const gammaBucket = res.body.find((i: { interval_start: string; interval_end: string }) => Date.parse(i.interval_start) <= gammaStart && gammaStart < Date.parse(i.interval_end));
    expect(gammaBucket.states.map((x: { state_name: string }) => x.state_name)).toContain('Scheduled');
    const lateEntry = states.find((x: { state_name: string }) => x.state_name === 'Late');
    expect(lateEntry.sum_estimated_lateness).toBeGreaterThan(590);
    expect(res.body[0].interval_end).toBe(res.body[1].interval_start);
    expect((await s.post('/api/flow_runs/history', { ...body, history_interval_seconds: 0.5 })).status).toBe(422);
    expect((await s.post('/api/flow_runs/history', { ...body, history_interval_seconds: 1 })).status).toBe(422);
    expect((await s.post('/api/flow_runs/history', { ...body, history_interval_seconds: 'PT1H' })).body).toHaveLength(3);
  });

  it('/ui/flow_runs/history gives one point per run', async () => {
    const res = await s.post('/api/ui/flow_runs/history', { ...mine(), limit: 1000 });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(5);
    expect(res.body[0]).toEqual({ id: ids.gamma, state_type: 'SCHEDULED', timestamp: expect.any(String), duration: 0, lateness: 0 });
    expect((await s.post('/api/ui/flow_runs/history', { limit: 1001 })).status).toBe(422);
  });
});
