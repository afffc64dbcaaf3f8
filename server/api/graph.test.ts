import { randomUUID } from 'node:crypto';
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
