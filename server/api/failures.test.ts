import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoIn, makeFlow, makeFlowRun, makeTaskRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

/** Failures grouped by cause (issue 20 part 1): signatures stored on write, grouped over a range. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const range = { start: isoIn(-3600), end: isoIn(3600) };
const groups = async (body: Record<string, unknown> = {}) => (await s.post('/api/ui/failures', { ...range, ...body })).body;

async function failedRun(flowId: string, message: string, type = 'FAILED') {
  const run = await makeFlowRun(s, { flow_id: flowId, state: { type: 'RUNNING' } });
  expect((await setFlowState(s, run.id, { type, message })).body.status).toBe('ACCEPT');
  return run;
}

describe('failures grouped by cause', () => {
  it('groups the same error with different values, counts, names flows, and gives the latest example with its traceback', async () => {
    const invoices = await makeFlow(s);
    const other = await makeFlow(s);
    const rows = [17, 93, 4];
    for (const row of rows) await failedRun(invoices.id, `Flow run encountered an exception: TypeError: Cannot parse amount "n/a${row}" in row ${row} of invoices.csv`);
    const crashed = await failedRun(other.id, 'Flow run encountered an exception: TypeError: Cannot parse amount "" in row 8 of invoices.csv', 'CRASHED');
    await s.post('/api/logs/', [{ name: 'syntask.flow_runs', level: 40, message: 'TypeError: Cannot parse amount\n    at parse (file:///app/invoices.ts:7:9)', timestamp: new Date().toISOString(), flow_run_id: crashed.id }]);
    await failedRun(other.id, 'Flow run encountered an exception: Error: FX rates API answered 503 Service Unavailable');
    const completed = await makeFlowRun(s, { flow_id: invoices.id, state: { type: 'COMPLETED' } });

    const answer = await groups({ flows: { id: { any_: [invoices.id, other.id] } }, buckets: 12 });
    expect(answer.total).toBe(5);
    const [top, second] = answer.groups;
    expect(top).toMatchObject({ signature: 'TypeError: Cannot parse amount <str> in row <n> of invoices.csv', count: 4 });
    expect(top.flow_ids.sort()).toEqual([invoices.id, other.id].sort());
    expect(top.buckets).toHaveLength(12);
    expect(top.buckets.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(top.example).toMatchObject({ run_id: crashed.id, message: expect.stringContaining('row 8') });
    expect(top.example.traceback).toContain('at parse (file:///app/invoices.ts:7:9)');
    expect(Date.parse(top.first_seen)).toBeLessThanOrEqual(Date.parse(top.last_seen));
    expect(second).toMatchObject({ signature: 'Error: FX rates API answered <n> Service Unavailable', count: 1 });
    expect(JSON.stringify(answer)).not.toContain(completed.id);

    // Filters as on the runs page: one flow only.
    const one = await groups({ flows: { id: { any_: [invoices.id] } } });
    expect(one.groups.map((g: { count: number }) => g.count)).toEqual([3]);
    // A run that is retried and completes leaves the failures.
    const retried = await failedRun(invoices.id, 'TypeError: Cannot parse amount "z" in row 1 of invoices.csv');
    expect((await groups({ flows: { id: { any_: [invoices.id] } } })).total).toBe(4);
    await setFlowState(s, retried.id, { type: 'COMPLETED' }, true);
    expect((await groups({ flows: { id: { any_: [invoices.id] } } })).total).toBe(3);
  });

  it('the hourly rollup answers exactly what the runs say, however the runs change (state, time, deletes, cascades)', async () => {
    const HOUR = 3_600_000_000;
    const wide = { start: isoIn(-30 * 3600 - 1234), end: isoIn(2 * 3600) };
    // Any filter reads the runs; an unfiltered range reads the rollup for its whole hours.
    const fromRuns = { flow_runs: { id: { not_any_: [randomUUID()] } } };
    const summary = (answer: { total: number; groups: Record<string, any>[] }) => ({
      total: answer.total,
      groups: answer.groups.map((g) => ({ ...g, flow_ids: [...g.flow_ids].sort(), deployment_ids: [...g.deployment_ids].sort() })),
    });
    const agree = async (kind = 'flow_runs') => {
      const rollup = (await s.post('/api/ui/failures', { ...wide, kind })).body;
      const runs = (await s.post('/api/ui/failures', { ...wide, kind, ...fromRuns })).body;
      expect(summary(rollup)).toEqual(summary(runs));
      return rollup;
    };
    const flows = [await makeFlow(s), await makeFlow(s)];
    const runs = [];
    for (let i = 0; i < 12; i++) runs.push(await failedRun(flows[i % 2].id, `Error: upstream ${['billing', 'ledger', 'fx'][i % 3]} answered ${500 + i}`, i % 4 === 0 ? 'CRASHED' : 'FAILED'));
    // Spread over the last day, on hour edges too: the rollup gets them by the triggers on update.
    const db = s.ctx.db.kysely;
    for (const [i, run] of runs.entries()) {
      const at = (Math.floor(Date.now() / 3_600_000) - i * 2) * HOUR + (i % 3 === 0 ? 0 : (i * 997_000_000) % HOUR);
      await db.updateTable('flow_run').set({ state_timestamp: at }).where('id', '=', run.id).execute();
    }
    // Two failures of one cause in one hour, either side of a bucket boundary: each in its own bucket.
    const [from, to] = [Date.parse(wide.start) * 1000, Date.parse(wide.end) * 1000];
    const boundary = from + 10 * Math.ceil((to - from) / 24);
    for (const at of [boundary - 1_000_000, boundary + 1_000_000]) {
      const run = await failedRun(flows[0].id, 'Error: cache shard 7 evicted');
      await db.updateTable('flow_run').set({ state_timestamp: at }).where('id', '=', run.id).execute();
    }
    const before = await agree();
    expect(before.groups.find((g: { signature: string }) => g.signature === 'Error: cache shard <n> evicted').buckets.slice(9, 11)).toEqual([1, 1]);
    const billing = before.groups.find((g: { signature: string }) => g.signature === 'Error: upstream billing answered <n>');
    expect(billing.count).toBe(4);

    await setFlowState(s, runs[0].id, { type: 'COMPLETED' }, true);
    expect((await agree()).groups.find((g: { signature: string }) => g.signature === billing.signature).count).toBe(3);
    expect((await s.delete(`/api/flow_runs/${runs[3].id}`)).status).toBe(204);
    await agree();
    expect((await s.delete(`/api/flows/${flows[1].id}`)).status).toBe(204);
    const after = await agree();
    expect(after.groups.flatMap((g: { flow_ids: string[] }) => g.flow_ids)).not.toContain(flows[1].id);
    expect(after.total).toBe(before.total - 2 - runs.filter((_, i) => i % 2 === 1 && i !== 3).length);

    // Task runs: their flow's deployment and flow come from their flow run.
    const run = await makeFlowRun(s, { flow_id: flows[0].id, state: { type: 'RUNNING' } });
    const task = await makeTaskRun(s, { flow_run_id: run.id, task_key: 'rollup', dynamic_key: '0' });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    await setTaskState(s, task.id, { type: 'FAILED', message: 'RangeError: row 9 out of range' });
    await db.updateTable('task_run').set({ state_timestamp: (Math.floor(Date.now() / 3_600_000) - 5) * HOUR + 7 }).where('id', '=', task.id).execute();
    expect((await agree('task_runs')).groups.find((g: { signature: string }) => g.signature === 'RangeError: row <n> out of range')).toMatchObject({ count: 1, flow_ids: [flows[0].id] });
  });

  it('task runs group the same way, with their flow run as the example link', async () => {
    const flow = await makeFlow(s);
    const run = await makeFlowRun(s, { flow_id: flow.id, state: { type: 'RUNNING' } });
    for (const n of [1, 2]) {
      const task = await makeTaskRun(s, { flow_run_id: run.id, task_key: `score-${n}`, dynamic_key: String(n) });
      await setTaskState(s, task.id, { type: 'RUNNING' });
      await setTaskState(s, task.id, { type: 'FAILED', message: `Task run encountered an exception: RangeError: item ${n} out of range` });
    }
    const answer = await groups({ kind: 'task_runs', flow_runs: { id: { any_: [run.id] } } });
    expect(answer.groups).toHaveLength(1);
    expect(answer.groups[0]).toMatchObject({ signature: 'RangeError: item <n> out of range', count: 2, flow_ids: [flow.id], example: { flow_run_id: run.id } });
  });

  it('bad input: 422 naming the field', async () => {
    const backwards = await s.post('/api/ui/failures', { start: isoIn(10), end: isoIn(-10) });
    expect(backwards.status).toBe(422);
    expect(JSON.stringify(backwards.body.exception_detail)).toContain('end');
    expect((await s.post('/api/ui/failures', { ...range, buckets: 1000 })).status).toBe(422);
    expect((await s.post('/api/ui/failures', { start: 'yesterday', end: isoIn(0) })).status).toBe(422);
  });
});
