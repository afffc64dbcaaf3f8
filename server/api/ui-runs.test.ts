import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeTaskRun, runningFlowRun, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function taskIn(runId: string, ...types: string[]) {
  const task = await makeTaskRun(s, { flow_run_id: runId });
  for (const type of types) await setTaskState(s, task.id, { type }, true);
  return task;
}

describe('log text search (extension)', () => {
  it('filters by a case-insensitive substring of the message and counts', async () => {
    const run = await runningFlowRun(s);
    const other = await runningFlowRun(s);
    const base = Date.parse('2026-02-01T00:00:00Z');
    const logs = Array.from({ length: 40 }, (_, i) => ({
      name: 'test',
      level: i % 10 === 0 ? 40 : 20,
      message: i % 10 === 0 ? `Request FAILED: timeout after ${i} s` : `processing record ${i}`,
      timestamp: new Date(base + i * 1000).toISOString(),
      flow_run_id: run.id,
    }));
    await s.post('/api/logs/', [...logs, { name: 'x', level: 40, message: 'request failed elsewhere', timestamp: new Date(base).toISOString(), flow_run_id: other.id }]);
    const search = await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] }, message: { like_: 'request failed' } } });
    expect(search.status).toBe(200);
    expect(search.body.map((l: { message: string }) => l.message)).toEqual(['Request FAILED: timeout after 0 s', 'Request FAILED: timeout after 10 s', 'Request FAILED: timeout after 20 s', 'Request FAILED: timeout after 30 s']);
    expect((await s.post('/api/logs/count', { logs: { flow_run_id: { any_: [run.id] }, message: { like_: 'request failed' } } })).body).toBe(4);
    expect((await s.post('/api/logs/count', { logs: { flow_run_id: { any_: [run.id] } } })).body).toBe(40);
    expect((await s.post('/api/logs/count', { logs: { message: { like_: 'REQUEST failed' } } })).body).toBe(5);
    expect((await s.post('/api/logs/count', {})).status).toBe(200);
    expect((await s.post('/api/logs/count', { logs: { message: { like_: 'x', extra: 1 } } })).status).toBe(422);
    expect((await s.post('/api/logs/count', { logs: { message: { like_: 5 } } })).status).toBe(422);
  });
});

describe('task-run counts for many flow runs (extension)', () => {
  it('answers counts by state for every requested run in one request, zeros included', async () => {
    const a = await runningFlowRun(s);
    const b = await runningFlowRun(s);
    const empty = await runningFlowRun(s);
    await taskIn(a.id, 'RUNNING', 'COMPLETED');
    await taskIn(a.id, 'RUNNING', 'COMPLETED');
    await taskIn(a.id, 'RUNNING', 'FAILED');
    await taskIn(b.id, 'RUNNING');
    const res = await s.post('/api/ui/flow_runs/task_run_counts', { flow_run_ids: [a.id, b.id, empty.id] });
    expect(res.status).toBe(200);
    expect(res.body[a.id]).toMatchObject({ COMPLETED: 2, FAILED: 1, RUNNING: 0, PENDING: 0 });
    expect(res.body[b.id]).toMatchObject({ RUNNING: 1, COMPLETED: 0 });
    expect(Object.values(res.body[empty.id]).every((n) => n === 0)).toBe(true);
    expect(Object.keys(res.body[empty.id]).sort()).toEqual(['CANCELLED', 'CANCELLING', 'COMPLETED', 'CRASHED', 'FAILED', 'PAUSED', 'PENDING', 'RUNNING', 'SCHEDULED']);
    expect((await s.post('/api/ui/flow_runs/task_run_counts', { flow_run_ids: [] })).body).toEqual({});
    expect((await s.post('/api/ui/flow_runs/task_run_counts', { flow_run_ids: ['nope'] })).status).toBe(422);
    expect((await s.post('/api/ui/flow_runs/task_run_counts', {})).status).toBe(422);
  });
});

describe('UI task-run helpers (contract §3.14)', () => {
  it('/ui/task_runs/count counts by state type through the filters', async () => {
    const run = await runningFlowRun(s, { tags: ['counted'] });
    await taskIn(run.id, 'RUNNING', 'COMPLETED');
    await taskIn(run.id, 'RUNNING', 'CRASHED');
    await taskIn(run.id);
    const res = await s.post('/api/ui/task_runs/count', { flow_runs: { tags: { all_: ['counted'] } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ COMPLETED: 1, PENDING: 1, RUNNING: 0, FAILED: 0, CANCELLED: 0, CRASHED: 1, PAUSED: 0, CANCELLING: 0, SCHEDULED: 0 });
  });

  it('/ui/task_runs/dashboard/counts answers 20 buckets of finished task runs and requires start_time.after_', async () => {
    const run = await runningFlowRun(s, { tags: ['dash'] });
    await taskIn(run.id, 'RUNNING', 'COMPLETED');
    await taskIn(run.id, 'RUNNING', 'FAILED');
    await taskIn(run.id, 'RUNNING', 'CANCELLED');
    await taskIn(run.id, 'RUNNING');
    const after = new Date(Date.now() - 3600_000).toISOString();
    const res = await s.post('/api/ui/task_runs/dashboard/counts', { task_runs: { start_time: { after_: after } }, flow_runs: { tags: { all_: ['dash'] } } });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(20);
    const total = res.body.reduce((acc: { completed: number; failed: number }, b: { completed: number; failed: number }) => ({ completed: acc.completed + b.completed, failed: acc.failed + b.failed }), { completed: 0, failed: 0 });
    expect(total).toEqual({ completed: 2, failed: 1 });
    expect(res.body.at(-1)).toEqual({ completed: 2, failed: 1 });
    const missing = await s.post('/api/ui/task_runs/dashboard/counts', { task_runs: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toBe('task_runs.start_time.after_ is required');
  });
});

describe('feature flags', () => {
  it('/ui-settings advertises the extensions', async () => {
    const flags = (await s.get('/ui-settings')).body.flags;
    expect(flags).toEqual(expect.arrayContaining(['log_search', 'flow_run_task_run_counts', 'flow_run_stream']));
  });
});
