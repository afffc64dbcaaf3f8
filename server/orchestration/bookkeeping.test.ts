import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { isoIn, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const readFlowRun = async (id: string) => (await s.get(`/api/flow_runs/${id}`)).body;

describe('bookkeeping on every written state (contract §5.4)', () => {
  it('tracks expected start, start, end, run time and run count through a lifecycle', async () => {
    const scheduledAt = isoIn(-60);
    const run = await makeFlowRun(s, { state: { type: 'SCHEDULED', state_details: { scheduled_time: scheduledAt } } });
    expect(Date.parse(run.expected_start_time)).toBe(Date.parse(scheduledAt));
    expect(Date.parse(run.next_scheduled_start_time)).toBe(Date.parse(scheduledAt));
    expect(run.estimated_start_time_delta).toBeGreaterThan(59);
    expect(run.start_time).toBeNull();

    await setFlowState(s, run.id, { type: 'PENDING' });
    expect((await readFlowRun(run.id)).next_scheduled_start_time).toBeNull();
    const running = await setFlowState(s, run.id, { type: 'RUNNING' });
    const started = await readFlowRun(run.id);
    expect(started.start_time).toBe(running.body.state.timestamp);
    expect(started.run_count).toBe(1);
    expect(started.estimated_start_time_delta).toBeGreaterThan(59);
    await sleep(50);
    expect((await readFlowRun(run.id)).estimated_run_time).toBeGreaterThan(0.04);

    const done = await setFlowState(s, run.id, { type: 'COMPLETED' });
    const finished = await readFlowRun(run.id);
    expect(finished.end_time).toBe(done.body.state.timestamp);
    expect(finished.total_run_time).toBeCloseTo((Date.parse(finished.end_time) - Date.parse(finished.start_time)) / 1000, 2);
    expect(finished.estimated_run_time).toBe(finished.total_run_time);
    expect(finished.state_type).toBe('COMPLETED');
    expect(finished.state_name).toBe('Completed');

    await setFlowState(s, run.id, { type: 'RUNNING' }, true);
    const again = await readFlowRun(run.id);
    expect(again.end_time).toBeNull();
    expect(again.run_count).toBe(2);
    expect(again.start_time).toBe(started.start_time);
  });

  it('run time sums the RUNNING spells over retries and resumes; run_count counts attempts, not resumes', async () => {
    const seconds = (a: { timestamp: string }, b: { timestamp: string }) => (Date.parse(b.timestamp) - Date.parse(a.timestamp)) / 1000;
    const run = await makeFlowRun(s, { empirical_policy: { retries: 1, retry_delay: 0 } });
    const r1 = (await setFlowState(s, run.id, { type: 'RUNNING' })).body.state;
    await sleep(40);
    const retry = (await setFlowState(s, run.id, { type: 'FAILED', message: 'boom' })).body.state;
    expect(retry).toMatchObject({ type: 'SCHEDULED', name: 'AwaitingRetry' });
    await sleep(200);
    const r2 = (await setFlowState(s, run.id, { type: 'RUNNING' })).body.state;
    await sleep(40);
    const paused = (await setFlowState(s, run.id, { type: 'PAUSED' })).body.state;
    await sleep(200);
    const resumed = (await s.post(`/api/flow_runs/${run.id}/resume`, {})).body.state;
    expect(resumed.type).toBe('RUNNING');
    await sleep(40);
    const done = (await setFlowState(s, run.id, { type: 'COMPLETED' })).body.state;
    const after = await readFlowRun(run.id);
    expect(after.run_count).toBe(2);
    expect(after.total_run_time).toBeCloseTo(seconds(r1, retry) + seconds(r2, paused) + seconds(resumed, done), 3);
    expect(after.total_run_time).toBeLessThan(seconds(r1, done) - 0.3);
  });

  it('a run that never started gets no end time', async () => {
    const run = await makeFlowRun(s, { state: { type: 'SCHEDULED' } });
    await setFlowState(s, run.id, { type: 'CANCELLED' }, true);
    const after = await readFlowRun(run.id);
    expect(after.state_type).toBe('CANCELLED');
    expect(after.end_time).toBeNull();
    expect(after.estimated_start_time_delta).toBe(0);
  });

  it('states list in timestamp order and are readable one by one', async () => {
    const run = await makeFlowRun(s);
    await setFlowState(s, run.id, { type: 'RUNNING' });
    await setFlowState(s, run.id, { type: 'COMPLETED' });
    const states = (await s.get(`/api/flow_run_states/?flow_run_id=${run.id}`)).body;
    expect(states.map((st: { type: string }) => st.type)).toEqual(['PENDING', 'RUNNING', 'COMPLETED']);
    const one = await s.get(`/api/flow_run_states/${states[1].id}`);
    expect(one.body).toEqual(states[1]);
    expect((await s.get(`/api/flow_run_states/${run.id}`)).body).toEqual({ detail: 'Flow run state not found' });

    const task = await makeTaskRun(s, { flow_run_id: (await runningFlowRun(s)).id });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    const taskStates = (await s.get(`/api/task_run_states/?task_run_id=${task.id}`)).body;
    expect(taskStates.map((st: { type: string }) => st.type)).toEqual(['PENDING', 'RUNNING']);
    expect(taskStates[1].state_details).toMatchObject({ task_run_id: task.id, flow_run_id: task.flow_run_id });
    expect((await s.get(`/api/task_run_states/${taskStates[0].id}`)).status).toBe(200);
  });

  it("mirrors a subflow's states onto its parent task run", async () => {
    const parent = await runningFlowRun(s);
    const parentTask = await makeTaskRun(s, { flow_run_id: parent.id });
    const child = await makeFlowRun(s, { parent_task_run_id: parentTask.id });
    const childState = (await setFlowState(s, child.id, { type: 'RUNNING' })).body.state;
    expect(childState.state_details.task_run_id).toBe(parentTask.id);
    let task = (await s.get(`/api/task_runs/${parentTask.id}`)).body;
    expect(task.state_type).toBe('RUNNING');
    expect(task.state.state_details.child_flow_run_id).toBe(child.id);
    await setFlowState(s, child.id, { type: 'FAILED', message: 'child broke' });
    task = (await s.get(`/api/task_runs/${parentTask.id}`)).body;
    expect(task.state).toMatchObject({ type: 'FAILED', message: 'child broke' });
  });

  it('deleting the parent run leaves the subflow with a null parent_task_run_id', async () => {
    const parent = await runningFlowRun(s);
    const parentTask = await makeTaskRun(s, { flow_run_id: parent.id });
    const child = await makeFlowRun(s, { parent_task_run_id: parentTask.id });
    expect((await s.delete(`/api/flow_runs/${parent.id}`)).status).toBe(204);
    expect((await s.get(`/api/task_runs/${parentTask.id}`)).status).toBe(404);
    expect((await readFlowRun(child.id)).parent_task_run_id).toBeNull();
  });
});
