import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlowRun } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('logs (contract §3.4)', () => {
  it('stores a batch (201 null) and filters by run, level, time; sorts and paginates', async () => {
    const run = await makeFlowRun(s);
    const task = randomUUID();
    const base = Date.parse('2026-01-01T00:00:00Z');
    const logs = Array.from({ length: 30 }, (_, i) => ({
      name: i % 2 ? 'syntask.task_runs' : 'syntask.flow_runs',
      level: [10, 20, 30, 40, 50][i % 5],
      message: `line ${i}`,
      timestamp: new Date(base + i * 1000).toISOString(),
      flow_run_id: run.id,
      task_run_id: i % 3 === 0 ? task : null,
    }));
    const res = await s.post('/api/logs/', logs);
    expect(res.status).toBe(201);
    expect(res.body).toBeNull();

    const filter = async (body: Record<string, unknown>) => (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] }, ...body } })).body as { message: string; level: number }[];
    const all = await filter({});
    expect(all).toHaveLength(30);
    expect(all[0]).toMatchObject({ message: 'line 0', level: 10, name: 'syntask.flow_runs', flow_run_id: run.id, task_run_id: task, timestamp: '2026-01-01T00:00:00+00:00' });
    expect(all.map((l) => l.message)).toEqual(logs.map((l) => l.message));
    expect((await filter({ level: { ge_: 40 } })).every((l) => l.level >= 40)).toBe(true);
    expect(await filter({ level: { ge_: 20, le_: 30 } })).toHaveLength(12);
    expect(await filter({ task_run_id: { any_: [task] } })).toHaveLength(10);
    // Extension `log_flow_only`: the flow run's own lines (no task run), and the task lines.
    expect(await filter({ task_run_id: { is_null_: true } })).toHaveLength(20);
    expect(await filter({ task_run_id: { is_null_: false } })).toHaveLength(10);
    expect(await filter({ timestamp: { after_: '2026-01-01T00:00:10Z', before_: '2026-01-01T00:00:12Z' } })).toHaveLength(3);
    const desc = await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, sort: 'TIMESTAMP_DESC', limit: 2, offset: 1 });
    expect(desc.body.map((l: { message: string }) => l.message)).toEqual(['line 28', 'line 27']);
    expect((await s.post('/api/logs/filter', { logs: { operator: 'or_', level: { ge_: 50 }, task_run_id: { any_: [task] } } })).body).toHaveLength(14);
  });

  it('accepts an empty batch and refuses malformed entries with the index in loc', async () => {
    expect((await s.post('/api/logs/', [])).status).toBe(201);
    const bad = await s.post('/api/logs/', [{ name: 'x', level: 20, message: 'ok', timestamp: '2026-01-01T00:00:00Z' }, { name: 'x', level: 'high', message: 'm', timestamp: 'yesterday' }]);
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail.map((d: { loc: unknown[] }) => d.loc)).toEqual(expect.arrayContaining([['body', 1, 'level'], ['body', 1, 'timestamp']]));
    expect((await s.post('/api/logs/', { name: 'not an array' })).status).toBe(422);
  });
});
