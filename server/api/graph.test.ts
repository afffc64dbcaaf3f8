import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ SYNTASK_API_MAX_FLOW_RUN_GRAPH_NODES: '5' });
});
afterAll(() => s.close());

const ref = (id: string) => [{ input_type: 'task_run', id }];

describe('GET /flow_runs/{id}/graph-v2 (contract §3.2)', () => {
  it('nodes, edges through task_inputs, subflow replacement, ordering and states', async () => {
    const run = await runningFlowRun(s);
    const extract = await makeTaskRun(s, { flow_run_id: run.id, name: 'extract-0', task_key: 'extract' });
    await setTaskState(s, extract.id, { type: 'RUNNING' });
    await setTaskState(s, extract.id, { type: 'COMPLETED' });
    const load = await makeTaskRun(s, { flow_run_id: run.id, name: 'load-0', task_key: 'load', task_inputs: { rows: ref(extract.id), n: [{ input_type: 'constant', type: 'int' }] } });
    await setTaskState(s, load.id, { type: 'RUNNING' });
    await setTaskState(s, load.id, { type: 'FAILED' });
    const notify = await makeTaskRun(s, { flow_run_id: run.id, name: 'notify-0', task_key: 'notify', task_inputs: { data: ref(extract.id) } });
    const subFlow = await makeFlow(s, 'notify');
    const sub = await makeFlowRun(s, { flow_id: subFlow.id, name: 'quiet-heron', parent_task_run_id: notify.id });
    await setFlowState(s, sub.id, { type: 'RUNNING' });
    await setFlowState(s, sub.id, { type: 'COMPLETED' });
    const after = await makeTaskRun(s, { flow_run_id: run.id, name: 'after-0', task_key: 'after', task_inputs: { x: ref(notify.id) } });
    await setTaskState(s, after.id, { type: 'RUNNING' });
    await makeTaskRun(s, { flow_run_id: run.id, name: 'pending-0', task_key: 'pending' });

    const res = await s.get(`/api/flow_runs/${run.id}/graph-v2`);
    expect(res.status).toBe(200);
    const g = res.body;
    const nodes = new Map<string, any>(g.nodes);
    expect([...nodes.keys()]).toEqual([extract.id, load.id, sub.id, after.id]);
    expect(g.nodes[0][0]).toBe(g.nodes[0][1].id);
    expect(nodes.get(sub.id)).toMatchObject({ kind: 'flow-run', label: 'notify / quiet-heron', state_type: 'COMPLETED', parents: [{ id: extract.id }], children: [{ id: after.id }] });
    expect(nodes.get(extract.id)).toMatchObject({ kind: 'task-run', label: 'extract-0', parents: [], children: [{ id: load.id }, { id: sub.id }] });
    expect(nodes.get(load.id)).toMatchObject({ state_type: 'FAILED', parents: [{ id: extract.id }] });
    expect(nodes.get(after.id)).toMatchObject({ state_type: 'RUNNING', end_time: null, parents: [{ id: sub.id }] });
    expect(g.root_node_ids).toEqual([extract.id]);
    expect(g.states.map((st: { type: string }) => st.type)).toEqual(['PENDING', 'RUNNING']);
    expect(g.start_time).toBe((await s.get(`/api/flow_runs/${run.id}`)).body.start_time);
    expect(g.end_time).toBeNull();
    expect(g.artifacts).toEqual([]);

    const since = (await s.get(`/api/flow_runs/${run.id}/graph-v2?since=${encodeURIComponent(nodes.get(load.id).end_time)}`)).body;
    expect(since.nodes.map((n: [string]) => n[0])).toEqual([load.id, sub.id, after.id]);
    // Nodes left out by `since` keep their edges: a client merging the answer into its graph keeps them.
    expect(new Map<string, any>(since.nodes).get(load.id).parents).toEqual([{ id: extract.id }]);
    expect(since.root_node_ids).toEqual([]);
  });

  it('refuses graphs over the node limit with 400, unknown runs with 404', async () => {
    const run = await runningFlowRun(s);
    for (let i = 0; i < 6; i++) {
      const t = await makeTaskRun(s, { flow_run_id: run.id, task_key: `t${i}` });
      await setTaskState(s, t.id, { type: 'RUNNING' });
    }
    expect(await s.get(`/api/flow_runs/${run.id}/graph-v2`)).toMatchObject({ status: 400, body: { detail: `The graph of flow run ${run.id} has more than 5 nodes.` } });
    const missing = randomUUID();
    expect(await s.get(`/api/flow_runs/${missing}/graph-v2`)).toMatchObject({ status: 404, body: { exception_message: `Flow run with id ${missing} not found` } });
  });
});

describe('GET /flow_runs/{id}/graph (v1, contract §3.2)', () => {
  it('lists every task run with its task-run inputs, state and times, by start', async () => {
    const run = await runningFlowRun(s);
    const extract = await makeTaskRun(s, { flow_run_id: run.id, name: 'extract-0', task_key: 'extract' });
    await setTaskState(s, extract.id, { type: 'RUNNING' });
    await setTaskState(s, extract.id, { type: 'COMPLETED' });
    const load = await makeTaskRun(s, {
      flow_run_id: run.id,
      name: 'load-0',
      task_key: 'load',
      task_inputs: { rows: ref(extract.id), again: ref(extract.id), n: [{ input_type: 'parameter', name: 'n' }, { input_type: 'constant', type: 'int' }] },
    });
    await setTaskState(s, load.id, { type: 'RUNNING' });
    const pending = await makeTaskRun(s, { flow_run_id: run.id, name: 'pending-0', task_key: 'pending', task_inputs: { x: ref(load.id) } });

    const res = await s.get(`/api/flow_runs/${run.id}/graph`);
    expect(res.status).toBe(200);
    expect(res.body.map((t: { id: string }) => t.id)).toEqual([extract.id, load.id, pending.id]);
    const [e, l, p] = res.body;
    const extractRun = (await s.get(`/api/task_runs/${extract.id}`)).body;
    expect(e).toEqual({
      id: extract.id,
      name: 'extract-0',
      upstream_dependencies: [],
      state: extractRun.state,
      expected_start_time: extractRun.expected_start_time,
      start_time: extractRun.start_time,
      end_time: extractRun.end_time,
      total_run_time: extractRun.total_run_time,
      estimated_run_time: extractRun.estimated_run_time,
      untrackable_result: false,
    });
    expect(l).toMatchObject({ name: 'load-0', upstream_dependencies: [{ input_type: 'task_run', id: extract.id }], state: { type: 'RUNNING' }, end_time: null });
    expect(p).toMatchObject({ upstream_dependencies: [{ input_type: 'task_run', id: load.id }], start_time: null });
  });

  it('answers [] for a run without task runs, 404 for an unknown run, 400 over the node limit', async () => {
    const run = await runningFlowRun(s);
    expect((await s.get(`/api/flow_runs/${run.id}/graph`)).body).toEqual([]);
    const missing = randomUUID();
    expect(await s.get(`/api/flow_runs/${missing}/graph`)).toMatchObject({ status: 404, body: { exception_message: `Flow run with id ${missing} not found` } });
    expect((await s.get('/api/flow_runs/not-a-uuid/graph')).status).toBe(404);
    for (let i = 0; i < 6; i++) await makeTaskRun(s, { flow_run_id: run.id, task_key: `t${i}` });
    expect(await s.get(`/api/flow_runs/${run.id}/graph`)).toMatchObject({ status: 400, body: { detail: `The graph of flow run ${run.id} has more than 5 nodes.` } });
  });
});

describe('graph-v2 node run time (extra fields beyond the contract node)', () => {
  const seconds = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

  it('a task that failed once and passed on retry reports the time it ran, not first start to last end', async () => {
    const run = await runningFlowRun(s);
    const t = await makeTaskRun(s, { flow_run_id: run.id, name: 'invoice-check', empirical_policy: { retries: 1, retry_delay: 0 } });
    const first = (await setTaskState(s, t.id, { type: 'RUNNING' })).body.state;
    await sleep(60);
    const retry = await setTaskState(s, t.id, { type: 'FAILED', message: 'HTTP 503' });
    expect(retry.body.state).toMatchObject({ type: 'SCHEDULED', name: 'AwaitingRetry', message: 'HTTP 503' });
    await sleep(400); // waiting between attempts is not run time
    const second = (await setTaskState(s, t.id, { type: 'RUNNING' })).body.state;
    expect(second.name).toBe('Retrying');
    await sleep(60);
    const done = (await setTaskState(s, t.id, { type: 'COMPLETED' })).body.state;

    const task = (await s.get(`/api/task_runs/${t.id}`)).body;
    expect(task.run_count).toBe(2);
    const ran = seconds(first.timestamp, retry.body.state.timestamp) + seconds(second.timestamp, done.timestamp);
    expect(task.total_run_time).toBeCloseTo(ran, 3);

    const node = new Map<string, any>((await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body.nodes).get(t.id);
    expect(seconds(node.start_time, node.end_time)).toBeGreaterThan(0.5);
    expect(node.total_run_time).toBeCloseTo(ran, 3);
    expect(node.total_run_time).toBeLessThan(0.4);
    expect(node.estimated_run_time).toBe(node.total_run_time);
    expect(node.state_timestamp).toBe(done.timestamp);
  });

  it('a running node includes the current attempt up to now; a subflow node carries the subflow run time', async () => {
    const run = await runningFlowRun(s);
    const t = await makeTaskRun(s, { flow_run_id: run.id });
    await setTaskState(s, t.id, { type: 'RUNNING' });
    await sleep(80);
    await setTaskState(s, t.id, { type: 'FAILED' });
    const again = (await setTaskState(s, t.id, { type: 'RUNNING' }, true)).body.state;
    await sleep(50);
    const node = new Map<string, any>((await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body.nodes).get(t.id);
    expect(node.state_type).toBe('RUNNING');
    expect(node.state_timestamp).toBe(again.timestamp);
    expect(node.total_run_time).toBeGreaterThan(0.07);
    expect(node.estimated_run_time).toBeGreaterThan(node.total_run_time + 0.04);

    const parentTask = await makeTaskRun(s, { flow_run_id: run.id });
    const sub = await makeFlowRun(s, { parent_task_run_id: parentTask.id });
    await setFlowState(s, sub.id, { type: 'RUNNING' });
    await sleep(50);
    await setFlowState(s, sub.id, { type: 'COMPLETED' });
    const subNode = new Map<string, any>((await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body.nodes).get(sub.id);
    expect(subNode.total_run_time).toBe((await s.get(`/api/flow_runs/${sub.id}`)).body.total_run_time);
    expect(subNode.total_run_time).toBeGreaterThan(0.04);
  });

  it('nodes carry their task key, a subflow node its parent task key, so a mapped task groups', async () => {
    const run = await runningFlowRun(s);
    const mapped = [];
    for (let i = 0; i < 3; i++) mapped.push(await makeTaskRun(s, { flow_run_id: run.id, name: `score-item-${i}`, task_key: 'score-item', dynamic_key: String(i) }));
    const parentTask = await makeTaskRun(s, { flow_run_id: run.id, name: 'child-0', task_key: 'child' });
    const sub = await makeFlowRun(s, { parent_task_run_id: parentTask.id });
    for (const t of [...mapped, parentTask]) await setTaskState(s, t.id, { type: 'RUNNING' });
    const nodes = new Map<string, any>((await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body.nodes);
    expect(mapped.map((t) => nodes.get(t.id).task_key)).toEqual(['score-item', 'score-item', 'score-item']);
    expect(nodes.get(sub.id)).toMatchObject({ kind: 'flow-run', task_key: 'child' });
  });
});
