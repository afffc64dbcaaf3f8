import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow, makeFlowRun, makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const create = async (body: Record<string, unknown>) => {
  const res = await s.post('/api/artifacts/', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
};

describe('artifacts (contract §3.11)', () => {
  it('creates with every field (201), reads, 404 when missing', async () => {
    const run = await makeFlowRun(s);
    const a = await create({ key: 'report', type: 'markdown', description: 'Daily', data: '# Hello', metadata_: { rows: '42' }, flow_run_id: run.id });
    expect(a).toEqual({ id: expect.any(String), created: expect.any(String), updated: expect.any(String), key: 'report', type: 'markdown', description: 'Daily', data: '# Hello', metadata_: { rows: '42' }, flow_run_id: run.id, task_run_id: null });
    expect((await s.get(`/api/artifacts/${a.id}`)).body).toEqual(a);
    expect(await s.get(`/api/artifacts/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'Artifact not found.' } });
    const empty = await create({});
    expect(empty).toMatchObject({ key: null, type: null, data: null, metadata_: null, flow_run_id: null });
  });

  it('validates keys (^[a-z0-9-]*$), metadata values (strings) and unknown fields with 422', async () => {
    for (const [body, loc] of [
      [{ key: 'Bad Key' }, ['body', 'key']],
      [{ metadata_: { a: 1 } }, ['body', 'metadata_', 'a']],
      [{ extra: true }, ['body', 'extra']],
      [{ flow_run_id: 'nope' }, ['body', 'flow_run_id']],
    ] as const) {
      const res = await s.post('/api/artifacts/', body);
      expect(res.status).toBe(422);
      expect(res.body.exception_detail[0].loc).toEqual(loc);
    }
  });

  it('cuts metadata values over 500 characters to 500 + "..." (on create and patch)', async () => {
    const a = await create({ metadata_: { long: 'x'.repeat(600), short: 'ok', exact: 'y'.repeat(500) } });
    expect(a.metadata_).toEqual({ long: 'x'.repeat(500) + '...', short: 'ok', exact: 'y'.repeat(500) });
    await s.patch(`/api/artifacts/${a.id}`, { metadata_: { long: 'z'.repeat(501) } });
    expect((await s.get(`/api/artifacts/${a.id}`)).body.metadata_).toEqual({ long: 'z'.repeat(500) + '...' });
  });

  it('patches data, description and metadata (204) only; the latest of a key follows', async () => {
    const a = await create({ key: 'patched', type: 'table', data: [1] });
    expect((await s.patch(`/api/artifacts/${a.id}`, { data: [1, 2], description: 'more' })).status).toBe(204);
    expect((await s.get(`/api/artifacts/${a.id}`)).body).toMatchObject({ data: [1, 2], description: 'more', type: 'table' });
    expect((await s.get('/api/artifacts/patched/latest')).body).toMatchObject({ id: a.id, data: [1, 2] });
    const collection = (await s.post('/api/artifacts/latest/filter', { artifacts: { key: { any_: ['patched'] } } })).body[0];
    expect(collection).toMatchObject({ key: 'patched', latest_id: a.id, data: [1, 2], description: 'more' });
    expect((await s.patch(`/api/artifacts/${a.id}`, { key: 'other' })).status).toBe(422);
    expect((await s.patch(`/api/artifacts/${randomUUID()}`, { data: 1 })).status).toBe(404);
  });

  it('the newest artifact of a key is its latest; deleting the latest falls back to the previous version', async () => {
    const v1 = await create({ key: 'versions', data: 1 });
    const v2 = await create({ key: 'versions', data: 2 });
    const v3 = await create({ key: 'versions', data: 3 });
    expect((await s.get('/api/artifacts/versions/latest')).body.id).toBe(v3.id);
    // Versions of a key: the contract's filter by key, newest first.
    expect((await s.post('/api/artifacts/filter', { artifacts: { key: { any_: ['versions'] } }, sort: 'CREATED_DESC' })).body.map((a: { data: number }) => a.data)).toEqual([3, 2, 1]);
    expect((await s.delete(`/api/artifacts/${v3.id}`)).status).toBe(204);
    expect((await s.get('/api/artifacts/versions/latest')).body.id).toBe(v2.id);
    expect((await s.post('/api/artifacts/latest/filter', { artifacts: { key: { any_: ['versions'] } } })).body[0]).toMatchObject({ latest_id: v2.id, data: 2 });
    // Deleting an older version leaves the latest alone.
    await s.delete(`/api/artifacts/${v1.id}`);
    expect((await s.get('/api/artifacts/versions/latest')).body.id).toBe(v2.id);
    await s.delete(`/api/artifacts/${v2.id}`);
    expect(await s.get('/api/artifacts/versions/latest')).toMatchObject({ status: 404, body: { detail: 'Artifact not found.' } });
    expect((await s.post('/api/artifacts/latest/count', { artifacts: { key: { any_: ['versions'] } } })).body).toBe(0);
    expect((await s.delete(`/api/artifacts/${v2.id}`)).status).toBe(404);
  });
});

describe('filters and sorts', () => {
  let ids: Record<string, string>;
  let run: { id: string; flow_id: string };
  let task: { id: string };
  beforeAll(async () => {
    const flow = await makeFlow(s, 'artifact-flow');
    run = await runningFlowRun(s, { flow_id: flow.id, tags: ['art'] });
    task = await makeTaskRun(s, { flow_run_id: run.id });
    ids = {};
    ids.a = (await create({ key: 'filter-a', type: 'markdown', flow_run_id: run.id })).id;
    ids.b = (await create({ key: 'filter-b', type: 'table', task_run_id: task.id })).id;
    ids.c = (await create({ type: 'result', flow_run_id: run.id, data: { v: 1 } })).id;
    ids.a2 = (await create({ key: 'filter-a', type: 'markdown', flow_run_id: run.id })).id;
  });
  const mine = (rows: { id: string }[]) => rows.map((r) => r.id).filter((id) => Object.values(ids).includes(id));
  const filter = async (body: Record<string, unknown>) => mine((await s.post('/api/artifacts/filter', body)).body);

  it('by id, key (any_, like_, exists_), flow run, task run, type (any_, not_any_), or_', async () => {
    expect(await filter({ artifacts: { id: { any_: [ids.b] } } })).toEqual([ids.b]);
    expect(new Set(await filter({ artifacts: { key: { any_: ['filter-a'] } } }))).toEqual(new Set([ids.a, ids.a2]));
    expect(new Set(await filter({ artifacts: { key: { like_: 'FILTER-' } } }))).toEqual(new Set([ids.a, ids.a2, ids.b]));
    expect(await filter({ artifacts: { key: { exists_: false }, flow_run_id: { any_: [run.id] } } })).toEqual([ids.c]);
    // A task run's artifact belongs to its flow run too.
    expect(new Set(await filter({ artifacts: { flow_run_id: { any_: [run.id] } } }))).toEqual(new Set(Object.values(ids)));
    expect(await filter({ artifacts: { task_run_id: { any_: [task.id] } } })).toEqual([ids.b]);
    expect(new Set(await filter({ artifacts: { type: { not_any_: ['result'] }, flow_run_id: { any_: [run.id] } } }))).toEqual(new Set([ids.a, ids.a2, ids.b]));
    expect(new Set(await filter({ artifacts: { operator: 'or_', type: { any_: ['table'] }, id: { any_: [ids.c] } } }))).toEqual(new Set([ids.b, ids.c]));
    expect((await s.post('/api/artifacts/count', { artifacts: { flow_run_id: { any_: [run.id] } } })).body).toBe(4);
  });

  it('through flow runs, task runs, flows and deployments', async () => {
    expect(new Set(await filter({ flow_runs: { tags: { all_: ['art'] } } }))).toEqual(new Set(Object.values(ids)));
    expect(await filter({ task_runs: { id: { any_: [task.id] } } })).toEqual([ids.b]);
    expect(new Set(await filter({ flows: { name: { any_: ['artifact-flow'] } } }))).toEqual(new Set(Object.values(ids)));
    expect(await filter({ deployments: {} , artifacts: { flow_run_id: { any_: [run.id] } } })).toEqual([]);
  });

  it('sorts: ID_DESC (default), CREATED_DESC, UPDATED_DESC, KEY_ASC, KEY_DESC', async () => {
    const sorted = async (sort?: string) => mine((await s.post('/api/artifacts/filter', { artifacts: { flow_run_id: { any_: [run.id] } }, sort })).body);
    expect(await sorted()).toEqual(Object.values(ids).sort().reverse());
    expect(await sorted('ID_DESC')).toEqual(Object.values(ids).sort().reverse());
    expect(await sorted('CREATED_DESC')).toEqual([ids.a2, ids.c, ids.b, ids.a]);
    await s.patch(`/api/artifacts/${ids.b}`, { description: 'touched' });
    expect((await sorted('UPDATED_DESC'))[0]).toBe(ids.b);
    // Artifacts without a key come last either way.
    const keyAsc = await sorted('KEY_ASC');
    expect(keyAsc.slice(2)).toEqual([ids.b, ids.c]);
    expect(new Set(keyAsc.slice(0, 2))).toEqual(new Set([ids.a, ids.a2]));
    const keyDesc = await sorted('KEY_DESC');
    expect([keyDesc[0], keyDesc[3]]).toEqual([ids.b, ids.c]);
    expect((await s.post('/api/artifacts/filter', { sort: 'NAME_ASC' })).status).toBe(422);
    expect((await s.post('/api/artifacts/filter', { limit: 201 })).status).toBe(422);
  });

  it('latest-per-key collections: filter, count, sort', async () => {
    const rows = (await s.post('/api/artifacts/latest/filter', { artifacts: { key: { like_: 'filter-' } }, sort: 'KEY_ASC' })).body;
    expect(rows.map((r: { key: string; latest_id: string }) => [r.key, r.latest_id])).toEqual([
      ['filter-a', ids.a2],
      ['filter-b', ids.b],
    ]);
    expect(rows[0]).toEqual({ id: expect.any(String), created: expect.any(String), updated: expect.any(String), key: 'filter-a', latest_id: ids.a2, type: 'markdown', description: null, data: null, metadata_: null, flow_run_id: run.id, task_run_id: null });
    expect((await s.post('/api/artifacts/latest/filter', { artifacts: { latest_id: { any_: [ids.b] } } })).body.map((r: { key: string }) => r.key)).toEqual(['filter-b']);
    expect((await s.post('/api/artifacts/latest/filter', { artifacts: { key: { like_: 'filter-' } }, sort: 'KEY_DESC' })).body.map((r: { key: string }) => r.key)).toEqual(['filter-b', 'filter-a']);
    expect((await s.post('/api/artifacts/latest/count', { artifacts: { key: { like_: 'filter-' } }, task_runs: { id: { any_: [task.id] } } })).body).toBe(1);
    expect((await s.post('/api/artifacts/latest/filter', { artifacts: { id: { any_: [ids.a] } } })).status).toBe(422);
  });
});

describe('result artifacts from state data (contract §2) and graph-v2 (§3.2)', () => {
  it('state data other than null/unpersisted/reference becomes a result artifact; artifact_* keys move out', async () => {
    const run = await runningFlowRun(s);
    const res = await setFlowState(s, run.id, { type: 'COMPLETED', data: { value: 42, artifact_key: 'answer', artifact_type: 'result', artifact_description: 'The answer' } });
    expect(res.body.status).toBe('ACCEPT');
    expect(res.body.state.data).toEqual({ value: 42 });
    expect((await s.get(`/api/flow_run_states/${res.body.state.id}`)).body.data).toEqual({ value: 42 });
    const artifacts = (await s.post('/api/artifacts/filter', { artifacts: { flow_run_id: { any_: [run.id] } } })).body;
    expect(artifacts).toEqual([expect.objectContaining({ key: 'answer', type: 'result', description: 'The answer', data: { value: 42 }, flow_run_id: run.id, task_run_id: null })]);
    expect((await s.get('/api/artifacts/answer/latest')).body.id).toBe(artifacts[0].id);

    const task = await makeTaskRun(s, { flow_run_id: run.id });
    const other = await runningFlowRun(s);
    const t2 = await makeTaskRun(s, { flow_run_id: other.id });
    await setTaskState(s, t2.id, { type: 'RUNNING' });
    await setTaskState(s, t2.id, { type: 'COMPLETED', data: [1, 2, 3] });
    expect((await s.post('/api/artifacts/filter', { artifacts: { task_run_id: { any_: [t2.id] } } })).body).toEqual([expect.objectContaining({ key: null, type: 'result', data: [1, 2, 3], flow_run_id: other.id, task_run_id: t2.id })]);

    // Nothing for null, unpersisted or reference data.
    const quiet = await runningFlowRun(s);
    await setFlowState(s, quiet.id, { type: 'RUNNING', data: { type: 'unpersisted' } }, true);
    await setFlowState(s, quiet.id, { type: 'RUNNING', data: { type: 'reference', serializer_type: 'json', storage_key: 'k', storage_block_id: randomUUID() } }, true);
    await setFlowState(s, quiet.id, { type: 'COMPLETED' });
    expect((await s.post('/api/artifacts/count', { artifacts: { flow_run_id: { any_: [quiet.id] } } })).body).toBe(0);
    // An invalid key is dropped rather than stored.
    const odd = await runningFlowRun(s);
    await setFlowState(s, odd.id, { type: 'COMPLETED', data: { v: 1, artifact_key: 'Not Valid!' } });
    expect((await s.post('/api/artifacts/filter', { artifacts: { flow_run_id: { any_: [odd.id] } } })).body).toEqual([expect.objectContaining({ key: null, data: { v: 1 } })]);
    expect(task.id).toBeTruthy();
  });

  it('graph-v2 reports the run\'s artifacts except results, on their task\'s node, with is_latest', async () => {
    const run = await runningFlowRun(s);
    const task = await makeTaskRun(s, { flow_run_id: run.id, name: 'load-0' });
    await setTaskState(s, task.id, { type: 'RUNNING' });
    const onTask = await create({ key: 'load-report', type: 'markdown', task_run_id: task.id, flow_run_id: run.id });
    const old = await create({ key: 'run-table', type: 'table', flow_run_id: run.id });
    const newer = await create({ key: 'run-table', type: 'table', flow_run_id: run.id });
    const unkeyed = await create({ type: 'link', flow_run_id: run.id });
    await setTaskState(s, task.id, { type: 'COMPLETED', data: { x: 1 } });
    const graph = (await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body;
    const shape = (a: { id: string; created: string; key: string | null; type: string }, latest: boolean) => ({ id: a.id, created: a.created, key: a.key, type: a.type, is_latest: latest });
    expect(graph.artifacts).toEqual([shape(old, false), shape(newer, true), shape(unkeyed, true)]);
    const node = graph.nodes.find(([id]: [string]) => id === task.id)[1];
    expect(node.artifacts).toEqual([shape(onTask, true)]);
  });
});
