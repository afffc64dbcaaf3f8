import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('task runs CRUD (contract §3.3)', () => {
  it('creates PENDING, idempotent on (flow_run_id, task_key, dynamic_key), also without a flow run', async () => {
    const run = await makeFlowRun(s);
    const body = { flow_run_id: run.id, task_key: 'extract', dynamic_key: '0', tags: ['io'], task_inputs: { x: [{ input_type: 'parameter', name: 'x' }] } };
    const first = await s.post('/api/task_runs/', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ flow_run_id: run.id, task_key: 'extract', dynamic_key: '0', state_type: 'PENDING', tags: ['io'], flow_run_run_count: 0, cache_key: null });
    expect(first.body.empirical_policy).toEqual({ max_retries: 0, retry_delay_seconds: 0, retries: null, retry_delay: null, retry_jitter_factor: null });
    const second = await s.post('/api/task_runs/', { ...body, name: 'other' });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);

    const auto1 = await s.post('/api/task_runs/', { task_key: 'autonomous', dynamic_key: 'a' });
    const auto2 = await s.post('/api/task_runs/', { task_key: 'autonomous', dynamic_key: 'a' });
    expect([auto1.status, auto2.status]).toEqual([201, 200]);
    expect(auto2.body.id).toBe(auto1.body.id);
    expect(auto1.body.flow_run_id).toBeNull();
  });

  it('accepts a client-chosen id and refuses reusing it for another task', async () => {
    const id = randomUUID();
    const res = await s.post('/api/task_runs/', { id, task_key: 'chosen', dynamic_key: '1' });
    expect(res.body.id).toBe(id);
    expect((await s.post('/api/task_runs/', { id, task_key: 'different', dynamic_key: '1' })).status).toBe(409);
  });

  it('validates the body: task_inputs shape, retry delays, cache key length, unknown flow run', async () => {
    expect((await s.post('/api/task_runs/', { task_key: 'x' })).body.exception_detail).toEqual([{ loc: ['body', 'dynamic_key'], msg: 'field required', type: 'value_error.missing' }]);
    expect((await s.post('/api/task_runs/', { task_key: 'x', dynamic_key: '0', task_inputs: { a: [{ input_type: 'task_run' }] } })).status).toBe(422);
    expect((await s.post('/api/task_runs/', { task_key: 'x', dynamic_key: '0', empirical_policy: { retry_delay: Array(51).fill(1) } })).status).toBe(422);
    expect((await s.post('/api/task_runs/', { task_key: 'x', dynamic_key: '0', cache_key: 'k'.repeat(2001) })).status).toBe(422);
    expect((await s.post('/api/task_runs/', { task_key: 'x', dynamic_key: '0', flow_run_id: randomUUID() })).status).toBe(409);
  });

  it('reads, renames, deletes; 404 with "Task not found"', async () => {
    const t = await makeTaskRun(s);
    expect((await s.patch(`/api/task_runs/${t.id}`, { name: 'renamed' })).status).toBe(204);
    expect((await s.get(`/api/task_runs/${t.id}`)).body.name).toBe('renamed');
    expect((await s.delete(`/api/task_runs/${t.id}`)).status).toBe(204);
    expect(await s.get(`/api/task_runs/${t.id}`)).toMatchObject({ status: 404, body: { detail: 'Task not found' } });
    expect((await s.patch(`/api/task_runs/${t.id}`, { name: 'x' })).status).toBe(404);
  });
});

describe('task run filters (contract §4)', () => {
  let flowRun: { id: string };
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const flow = await makeFlow(s, 'task-filter-flow', ['tf']);
    flowRun = await runningFlowRun(s, { flow_id: flow.id, tags: ['parent-tag'] });
    const mk = async (name: string, body: Record<string, unknown>) => (ids[name] = (await makeTaskRun(s, { flow_run_id: flowRun.id, name, task_key: name, ...body })).id);
    await mk('load', { tags: ['io', 'db'] });
    await mk('extract', { tags: ['io'] });
    await mk('transform', { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(3600) } } });
    await setTaskState(s, ids.load, { type: 'RUNNING' });
    await setTaskState(s, ids.load, { type: 'COMPLETED' });
    await setTaskState(s, ids.extract, { type: 'RUNNING' });
    await setTaskState(s, ids.extract, { type: 'FAILED' });
    // A subflow's state is mirrored onto its parent task: create it already failed.
    await makeFlowRun(s, { parent_task_run_id: ids.extract, state: { type: 'FAILED' } });
  });
  const filter = async (body: Record<string, unknown>) => {
    const res = await s.post('/api/task_runs/filter', { flow_runs: { id: { any_: [flowRun.id] } }, sort: 'NAME_ASC', ...body });
    expect(res.status).toBe(200);
    return (res.body as { name: string }[]).map((t) => t.name);
  };

  it('each criterion', async () => {
    expect(await filter({})).toEqual(['extract', 'load', 'transform']);
    expect(await filter({ task_runs: { id: { any_: [ids.load] } } })).toEqual(['load']);
    expect(await filter({ task_runs: { name: { any_: ['transform'] } } })).toEqual(['transform']);
    expect(await filter({ task_runs: { name: { like_: 'AD' } } })).toEqual(['load']);
    expect(await filter({ task_runs: { tags: { all_: ['io'] } } })).toEqual(['extract', 'load']);
    expect(await filter({ task_runs: { tags: { is_null_: true } } })).toEqual(['transform']);
    expect(await filter({ task_runs: { state: { type: { any_: ['FAILED'] } } } })).toEqual(['extract']);
    expect(await filter({ task_runs: { state: { operator: 'or_', type: { any_: ['FAILED'] }, name: { any_: ['Scheduled'] } } } })).toEqual(['extract', 'transform']);
    expect(await filter({ task_runs: { start_time: { is_null_: true } } })).toEqual(['transform']);
    expect(await filter({ task_runs: { start_time: { after_: isoIn(-60) } } })).toEqual(['extract', 'load']);
    expect(await filter({ task_runs: { subflow_runs: { exists_: true } } })).toEqual(['extract']);
    expect(await filter({ task_runs: { subflow_runs: { exists_: false } } })).toEqual(['load', 'transform']);
    expect(await filter({ task_runs: { flow_run_id: { any_: [flowRun.id] } } })).toEqual(['extract', 'load', 'transform']);
    expect(await filter({ task_runs: { operator: 'or_', name: { any_: ['load'] }, tags: { is_null_: true } } })).toEqual(['load', 'transform']);
  });

  it('autonomous task runs with flow_run_id is_null_', async () => {
    await makeTaskRun(s, { task_key: 'lonely' });
    const res = await s.post('/api/task_runs/filter', { task_runs: { flow_run_id: { is_null_: true, any_: [flowRun.id] } } });
    expect(res.body.every((t: { flow_run_id: string | null }) => t.flow_run_id === null)).toBe(true);
    expect(res.body.length).toBeGreaterThan(0);
  });

  it('through the flow run and flow', async () => {
    expect((await s.post('/api/task_runs/count', { flow_runs: { tags: { all_: ['parent-tag'] } } })).body).toBe(3);
    expect((await s.post('/api/task_runs/count', { flows: { tags: { all_: ['tf'] } } })).body).toBe(3);
    expect((await s.post('/api/task_runs/count', { flows: { name: { any_: ['nope'] } } })).body).toBe(0);
    expect((await s.post('/api/task_runs/count', { deployments: {} })).body).toBe(0);
  });

  it('sorts and history', async () => {
    expect(await filter({ sort: 'NAME_DESC' })).toEqual(['transform', 'load', 'extract']);
    expect((await filter({ sort: 'EXPECTED_START_TIME_DESC' }))[0]).toBe('transform');
    expect((await filter({ sort: 'NEXT_SCHEDULED_START_TIME_ASC' }))[0]).toBe('transform');
    expect((await filter({ sort: 'END_TIME_DESC' })).slice(0, 2)).toEqual(['extract', 'load']);
    expect((await s.post('/api/task_runs/filter', { sort: 'START_TIME_DESC' })).status).toBe(422);
    const history = await s.post('/api/task_runs/history', { flow_runs: { id: { any_: [flowRun.id] } }, history_start: isoIn(-600), history_end: isoIn(600), history_interval_seconds: 600 });
    expect(history.status).toBe(200);
    const names = history.body.flatMap((i: { states: { state_name: string }[] }) => i.states.map((x) => x.state_name)).sort();
    expect(names).toEqual(['Completed', 'Failed']);
  });
});
