import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlow, makeFlowRun, makeTaskRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

/** Two runs side by side (issue 20 part 2). */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function runWith(flowId: string, parameters: Record<string, unknown>, tasks: { key: string; fail?: string }[], logs: string[]) {
  const run = await makeFlowRun(s, { flow_id: flowId, parameters, state: { type: 'RUNNING' } });
  for (const t of tasks) {
    const task = await makeTaskRun(s, { flow_run_id: run.id, task_key: t.key, dynamic_key: '0', name: `${t.key}-0` });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    await setTaskState(s, task.id, t.fail ? { type: 'FAILED', message: t.fail } : { type: 'COMPLETED' });
  }
  await s.post('/api/logs/', logs.map((message, i) => ({ name: 'test', level: 20, message, timestamp: new Date(Date.now() + i).toISOString(), flow_run_id: run.id })));
  await setFlowState(s, run.id, { type: tasks.some((t) => t.fail) ? 'FAILED' : 'COMPLETED' });
  return run;
}

describe('comparing two runs', () => {
  it('parameters key by key, tasks of both with the first failure, and log lines of one run only', async () => {
    const flow = await makeFlow(s);
    const good = await runWith(flow.id, { report_date: '2026-01-05', regions: ['eu-west'] }, [{ key: 'extract' }, { key: 'transform' }], ['processed 120 rows', 'wrote report-2026-01-05.csv']);
    const bad = await runWith(flow.id, { report_date: '2026-01-06', regions: ['eu-west', 'ap-south'] }, [{ key: 'extract' }, { key: 'transform', fail: 'ValueError: bad row 17' }, { key: 'retry-notice' }], ['processed 98 rows', 'ap-south answered 503']);
    const { status, body } = await s.post('/api/ui/flow_runs/compare', { left: good.id, right: bad.id });
    expect(status).toBe(200);
    expect(body.parameters).toEqual([
      { path: 'regions[1]', status: 'only_right', right: 'ap-south' },
      { path: 'report_date', status: 'changed', left: '2026-01-05', right: '2026-01-06' },
    ]);
    expect(body.left).toMatchObject({ id: good.id, state_type: 'COMPLETED', first_failure: null });
    expect(body.right).toMatchObject({ id: bad.id, state_type: 'FAILED', first_failure: { task_key: 'transform', message: 'ValueError: bad row 17' } });
    const byKey = Object.fromEntries(body.tasks.map((t: { task_key: string }) => [t.task_key, t]));
    expect(Object.keys(byKey).sort()).toEqual(['extract', 'retry-notice', 'transform']);
    expect(byKey['retry-notice']).toMatchObject({ left: null, right: { count: 1, states: { COMPLETED: 1 } }, change_seconds: null });
    expect(byKey.transform.right.states).toEqual({ FAILED: 1 });
    // Numbers and dates are normalized: "processed N rows" is in both; the 503 line and the report file only in one.
    expect(body.logs.only_left).toEqual(['wrote report-<time>.csv']);
    expect(body.logs.only_right).toEqual(['ap-south answered <n>']);
  });

  it('404 for an unknown run, 422 for a malformed id', async () => {
    const flow = await makeFlow(s);
    const run = await makeFlowRun(s, { flow_id: flow.id });
    expect((await s.post('/api/ui/flow_runs/compare', { left: run.id, right: randomUUID() })).status).toBe(404);
    const bad = await s.post('/api/ui/flow_runs/compare', { left: run.id, right: 'nope' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.exception_detail)).toContain('right');
  });
});
