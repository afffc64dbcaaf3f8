import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { seedTaskGrid } from '../testing/task-grid-seed.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const grid = (body: Record<string, unknown>) => s.post('/api/ui/flow_runs/task_grid', body);

/** A task run of `key` in `runId` that went through `types` (RUNNING, then a final state). */
async function task(runId: string, key: string, types: string[], dynamicKey = '0') {
  const t = await makeTaskRun(s, { flow_run_id: runId, task_key: key, dynamic_key: dynamicKey, name: `${key}-${dynamicKey}` });
  for (const type of types) await setTaskState(s, t.id, { type }, true);
  return t as { id: string; name: string };
}

describe('runs × tasks grid (extension)', () => {
  it('answers the last runs oldest first, keys in first-seen order, one cell per run, null where a key did not run', async () => {
    const flow = await makeFlow(s);
    const runs: { id: string }[] = [];
    const loads: { id: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const run = await runningFlowRun(s, { flow_id: flow.id, name: `nightly-${i}` });
      runs.push(run);
      // "zeta" first in every run: first seen, so first row, though it sorts after "alpha".
      await task(run.id, 'zeta', ['RUNNING', 'COMPLETED']);
      await task(run.id, 'alpha', ['RUNNING', 'COMPLETED']);
      loads.push(await task(run.id, 'load', ['RUNNING', i === 1 ? 'FAILED' : 'COMPLETED']));
      if (i === 2) await task(run.id, 'report', ['RUNNING']);
      await setFlowState(s, run.id, { type: i === 1 ? 'FAILED' : 'COMPLETED' }, true);
    }
    // Scheduled runs have not run yet: not columns.
    await s.post('/api/flow_runs/', { flow_id: flow.id, state: { type: 'SCHEDULED' } });
    // Another flow's runs stay out.
    const other = await runningFlowRun(s);
    await task(other.id, 'elsewhere', ['RUNNING']);

    const res = await grid({ flow_id: flow.id });
    expect(res.status).toBe(200);
    expect(res.body.runs.map((r: { id: string }) => r.id)).toEqual(runs.map((r) => r.id));
    expect(res.body.runs[1]).toMatchObject({ name: 'nightly-1', state_type: 'FAILED', state_name: 'Failed' });
    expect(Date.parse(res.body.runs[0].expected_start_time)).toBeLessThan(Date.parse(res.body.runs[2].expected_start_time));
    expect(res.body.rows.map((r: { label: string }) => r.label)).toEqual(['zeta', 'alpha', 'load', 'report']);
    expect(res.body.omitted_rows).toBe(0);
    const load = res.body.rows[2];
    expect(load).toMatchObject({ task_key: 'load', depth: 0, parent: null, subflow: false, subflow_name: null });
    expect(load.cells).toHaveLength(3);
    expect(load.cells[1]).toMatchObject({ count: 1, states: { FAILED: 1 }, task_run_id: loads[1].id, name: 'load-0', state_type: 'FAILED', state_name: 'Failed' });
    expect(load.cells[0]).toMatchObject({ count: 1, states: { COMPLETED: 1 }, task_run_id: loads[0].id, state_type: 'COMPLETED' });
    expect(typeof load.cells[0].duration).toBe('number');
    expect(load.cells[0].duration).toBeGreaterThanOrEqual(0);
    const report = res.body.rows[3];
    expect(report.cells.slice(0, 2)).toEqual([null, null]);
    expect(report.cells[2]).toMatchObject({ count: 1, states: { RUNNING: 1 }, state_type: 'RUNNING' });
  });

  it('counts a key that ran many times, with the mix of states, and opens the first failure, else the latest', async () => {
    const flow = await makeFlow(s);
    const mixed = await runningFlowRun(s, { flow_id: flow.id });
    const first = await task(mixed.id, 'fetch', ['RUNNING', 'COMPLETED'], '0');
    const firstFailure = await task(mixed.id, 'fetch', ['RUNNING', 'FAILED'], '1');
    await task(mixed.id, 'fetch', ['RUNNING', 'CRASHED'], '2');
    await task(mixed.id, 'fetch', ['RUNNING', 'COMPLETED'], '3');
    const allGood = await runningFlowRun(s, { flow_id: flow.id });
    await task(allGood.id, 'fetch', ['RUNNING', 'COMPLETED'], '0');
    const latest = await task(allGood.id, 'fetch', ['RUNNING', 'COMPLETED'], '1');

    const res = await grid({ flow_id: flow.id });
    expect(res.body.rows).toHaveLength(1);
    const [row] = res.body.rows;
    expect(row.label).toBe('fetch');
    expect(row.cells[0]).toMatchObject({ count: 4, states: { COMPLETED: 2, FAILED: 1, CRASHED: 1 }, task_run_id: firstFailure.id, state_type: 'FAILED' });
    expect(Object.keys(row.cells[0].states).sort()).toEqual(['COMPLETED', 'CRASHED', 'FAILED']);
    expect(row.cells[1]).toMatchObject({ count: 2, states: { COMPLETED: 2 }, task_run_id: latest.id, name: 'fetch-1' });
    expect(row.cells[0].task_run_id).not.toBe(first.id);
  });

  it('marks a subflow row with the child flow and lists the child runs’ tasks beneath it', async () => {
    const flow = await makeFlow(s);
    const child = await makeFlow(s, `child-${randomUUID().slice(0, 6)}`);
    const parent = await runningFlowRun(s, { flow_id: flow.id });
    await task(parent.id, 'prepare', ['RUNNING', 'COMPLETED']);
    const subflowTask = await task(parent.id, 'child-flow', ['RUNNING']);
    const childRun = await runningFlowRun(s, { flow_id: child.id, parent_task_run_id: subflowTask.id });
    const inner = await task(childRun.id, 'inner', ['RUNNING', 'FAILED']);
    await task(parent.id, 'after', ['RUNNING', 'COMPLETED']);

    const res = await grid({ flow_id: flow.id });
    expect(res.body.rows.map((r: { label: string; depth: number }) => `${r.depth}:${r.label}`)).toEqual(['0:prepare', '0:child-flow', '1:inner', '0:after']);
    expect(res.body.rows[1]).toMatchObject({ subflow: true, subflow_name: child.name, parent: null });
    expect(res.body.rows[2]).toMatchObject({ parent: 1, subflow: false });
    expect(res.body.rows[2].cells[0]).toMatchObject({ task_run_id: inner.id, state_type: 'FAILED' });
    // The child flow's own grid is not mixed into the parent's columns.
    expect((await grid({ flow_id: child.id })).body.runs.map((r: { id: string }) => r.id)).toEqual([childRun.id]);

    // A subflow called twice in one run: both child runs' tasks share the run's cell, which opens the failure.
    const twice = await runningFlowRun(s, { flow_id: flow.id });
    const calls = [await task(twice.id, 'child-flow', [], '0'), await task(twice.id, 'child-flow', [], '1')];
    const firstChild = await runningFlowRun(s, { flow_id: child.id, parent_task_run_id: calls[0].id });
    const secondChild = await runningFlowRun(s, { flow_id: child.id, parent_task_run_id: calls[1].id });
    await task(secondChild.id, 'inner', ['RUNNING', 'COMPLETED']);
    const failedInner = await task(firstChild.id, 'inner', ['RUNNING', 'FAILED']);
    // The parent task runs end as their child runs did (set last: a child's state moves its parent task run).
    await setTaskState(s, calls[0].id, { type: 'FAILED' }, true);
    await setTaskState(s, calls[1].id, { type: 'COMPLETED' }, true);
    const again = (await grid({ flow_id: flow.id })).body;
    const innerRow = again.rows.find((r: { label: string; depth: number }) => r.label === 'inner' && r.depth === 1);
    expect(innerRow.cells[1]).toMatchObject({ count: 2, states: { COMPLETED: 1, FAILED: 1 }, task_run_id: failedInner.id });
    expect(again.rows.find((r: { label: string }) => r.label === 'child-flow').cells[1]).toMatchObject({ count: 2, state_type: 'FAILED', task_run_id: calls[0].id });
  });

  it('serves a deployment’s runs, and the flow page a flow’s', async () => {
    const flow = await makeFlow(s);
    const dep = (await s.post('/api/deployments/', { name: `dep-${randomUUID().slice(0, 8)}`, flow_id: flow.id })).body;
    const viaDeployment = (await s.post(`/api/deployments/${dep.id}/create_flow_run`, { state: { type: 'RUNNING' } })).body;
    await task(viaDeployment.id, 'deployed', ['RUNNING', 'COMPLETED']);
    const adHoc = await runningFlowRun(s, { flow_id: flow.id });
    await task(adHoc.id, 'adhoc', ['RUNNING', 'COMPLETED']);
    const byDeployment = await grid({ deployment_id: dep.id });
    expect(byDeployment.body.runs.map((r: { id: string }) => r.id)).toEqual([viaDeployment.id]);
    expect(byDeployment.body.rows.map((r: { label: string }) => r.label)).toEqual(['deployed']);
    expect((await grid({ flow_id: flow.id })).body.rows.map((r: { label: string }) => r.label)).toEqual(['deployed', 'adhoc']);
    expect((await grid({ flow_id: flow.id, deployment_id: dep.id })).body.runs).toHaveLength(1);
  });

  it('takes 1–100 runs (default 25), needs a flow or deployment, and answers 404 for an unknown one', async () => {
    const flow = await makeFlow(s);
    for (let i = 0; i < 27; i++) await runningFlowRun(s, { flow_id: flow.id, name: `r-${i}` });
    const names = async (limit?: number) => (await grid({ flow_id: flow.id, limit })).body.runs.map((r: { name: string }) => r.name);
    expect(await names()).toEqual(Array.from({ length: 25 }, (_, i) => `r-${i + 2}`));
    expect(await names(1)).toEqual(['r-26']);
    expect(await names(100)).toHaveLength(27);
    for (const limit of [0, 101, -1, 2.5]) expect((await grid({ flow_id: flow.id, limit })).status).toBe(422);
    expect((await grid({})).status).toBe(422);
    expect((await grid({ flow_id: 'not-a-uuid' })).status).toBe(422);
    expect((await grid({ flow_id: flow.id, extra: 1 })).status).toBe(422);
    const unknown = await grid({ flow_id: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: 'Flow not found' });
    expect((await grid({ deployment_id: randomUUID() })).status).toBe(404);
    // A flow without runs is not an error: an empty grid.
    expect((await grid({ flow_id: (await makeFlow(s)).id })).body).toEqual({ runs: [], rows: [], omitted_rows: 0 });
    expect((await s.get('/ui-settings')).body.flags).toContain('flow_run_task_grid');
  });

  it('aggregates 100 runs × 500 task keys in one request', async () => {
    const { flowId, runIds } = await seedTaskGrid(s.ctx.db, { runs: 100, keys: 500 });
    const started = performance.now();
    const res = await grid({ flow_id: flowId, limit: 100 });
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.runs.map((r: { id: string }) => r.id)).toEqual(runIds);
    expect(res.body.rows).toHaveLength(500);
    expect(res.body.rows[0].label).toBe('task_000');
    expect(res.body.rows[499].label).toBe('task_499');
    expect(res.body.rows.every((r: { cells: unknown[] }) => r.cells.length === 100 && r.cells.every((c) => c !== null))).toBe(true);
    // Task k failed in runs where (run + k) % 7 === 0.
    expect(res.body.rows[3].cells[4]).toMatchObject({ state_type: 'FAILED', count: 1 });
    expect(res.body.rows[3].cells[5]).toMatchObject({ state_type: 'COMPLETED', count: 1 });
    // A generous bound for a busy CI machine (the README has the measured figure).
    expect(ms).toBeLessThan(5000);
  }, 120_000);
});
