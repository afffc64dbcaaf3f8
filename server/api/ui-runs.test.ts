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

describe('feature flags', () => {
  it('/ui-settings advertises the extensions', async () => {
    const flags = (await s.get('/ui-settings')).body.flags;
    expect(flags).toEqual(expect.arrayContaining(['log_search', 'log_flow_only', 'flow_run_task_run_counts', 'flow_run_stream']));
  });
});

describe('flow runs by id prefix (extension)', () => {
  it('finds runs by the start of their id, in either case, and rejects what cannot be an id', async () => {
    const runs = await Promise.all([runningFlowRun(s), runningFlowRun(s), runningFlowRun(s)]);
    const target = runs[1];
    const find = async (prefix: string, limit?: number) => (await s.post('/api/ui/flow_runs/by_id_prefix', { prefix, limit })).body.map((r: { id: string }) => r.id);
    expect(await find(target.id.slice(0, 13))).toEqual([target.id]);
    expect(await find(target.id.slice(0, 13).toUpperCase())).toEqual([target.id]);
    expect(await find(target.id)).toEqual([target.id]);
    // Only ids with that start, at most `limit` of them.
    expect((await find(target.id.slice(0, 4), 50)).every((id: string) => id.startsWith(target.id.slice(0, 4)))).toBe(true);
    expect(await find(target.id.slice(0, 4), 1)).toHaveLength(1);
    expect(await find('ffff-ffff')).toEqual([]);
    expect((await s.post('/api/ui/flow_runs/by_id_prefix', { prefix: 'ab' })).status).toBe(422);
    expect((await s.post('/api/ui/flow_runs/by_id_prefix', { prefix: "abcd' or 1=1" })).status).toBe(422);
    expect((await s.post('/api/ui/flow_runs/by_id_prefix', { prefix: 'abcd', limit: 500 })).status).toBe(422);
    expect((await s.get('/ui-settings')).body.flags).toContain('flow_run_id_prefix');
  });
});
