import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { flowRunInput, makeFlowRun, PAUSED_KEYSET, pausedForInput, resumeFlowRun, runningFlowRun, setFlowState } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const input = (runId: string, key: string, value: string, sender?: string) => s.post(`/api/flow_runs/${runId}/input`, { key, value, ...(sender ? { sender } : {}) });

describe('flow run input (contract §3.2)', () => {
  it('creates (201 null), refuses a duplicate key (409), reads the value as text and deletes it', async () => {
    const run = await makeFlowRun(s);
    const created = await input(run.id, 'greeting', '{"hello": "world"}', 'me');
    expect(created.status).toBe(201);
    expect(created.text).toBe('null');
    expect((await input(run.id, 'greeting', '"again"')).status).toBe(409);

    const read = await s.get(`/api/flow_runs/${run.id}/input/greeting`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(read.text).toBe('{"hello": "world"}');

    expect((await s.delete(`/api/flow_runs/${run.id}/input/greeting`)).status).toBe(204);
    const gone = await s.get(`/api/flow_runs/${run.id}/input/greeting`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ detail: 'Flow run input not found' });
    expect((await s.delete(`/api/flow_runs/${run.id}/input/greeting`)).body).toEqual({ detail: 'Flow run input not found' });
    // The key is free again.
    expect((await input(run.id, 'greeting', '"back"')).status).toBe(201);
  });

  it('validates the key and the body; an unknown run is 404', async () => {
    const run = await makeFlowRun(s);
    for (const key of ['Upper', 'with space', 'under_score', 'slash/']) {
      const res = await input(run.id, key, '1');
      expect(res.status, key).toBe(422);
      expect(res.body.exception_detail[0].loc).toEqual(['body', 'key']);
    }
    expect((await input(run.id, '', '1')).status).toBe(201);
    // Any text is stored, even what is not valid UTF-16 (a lone surrogate).
    expect((await s.post(`/api/flow_runs/${run.id}/input`, { key: 'odd', value: '"\ud800"', sender: '\ud800' })).status).toBe(201);
    expect((await s.post(`/api/flow_runs/${run.id}/input`, { key: 'k', value: { not: 'a string' } })).status).toBe(422);
    expect((await s.post(`/api/flow_runs/${run.id}/input`, { value: '1' })).status).toBe(422);
    const missing = await input(randomUUID(), 'k', '1');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Flow run not found' });
  });

  it('filters by exact prefix, oldest first, limit 1 by default, without excluded keys', async () => {
    const run = await makeFlowRun(s);
    const other = await makeFlowRun(s);
    for (const key of ['paused-1-schema', 'paused-1-description', 'paused-10-schema', 'other']) expect((await input(run.id, key, `"${key}"`, 'tester')).status).toBe(201);
    await input(other.id, 'paused-1-schema', '"elsewhere"');

    const first = await s.post(`/api/flow_runs/${run.id}/input/filter`, { prefix: 'paused-1' });
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(1);
    expect(first.body[0]).toEqual({
      id: expect.any(String),
      created: expect.stringMatching(/\+00:00$/),
      updated: expect.stringMatching(/\+00:00$/),
      flow_run_id: run.id,
      key: 'paused-1-schema',
      value: '"paused-1-schema"',
      sender: 'tester',
    });
    const keys = async (body: Record<string, unknown>) => ((await s.post(`/api/flow_runs/${run.id}/input/filter`, body)).body as { key: string }[]).map((i) => i.key);
    expect(await keys({ prefix: 'paused-1', limit: 10 })).toEqual(['paused-1-schema', 'paused-1-description', 'paused-10-schema']);
    expect(await keys({ prefix: 'paused-1-', limit: 10, exclude_keys: ['paused-1-schema'] })).toEqual(['paused-1-description']);
    expect(await keys({ prefix: '', limit: 10 })).toHaveLength(4);
    // Not LIKE: neither case-insensitive nor wildcards.
    expect(await keys({ prefix: 'PAUSED', limit: 10 })).toEqual([]);
    expect(await keys({ prefix: 'p%', limit: 10 })).toEqual([]);
    expect(await keys({ prefix: 'paused_1', limit: 10 })).toEqual([]);
    expect((await s.post(`/api/flow_runs/${run.id}/input/filter`, { prefix: 'p', limit: 201 })).body).toEqual({ detail: 'Invalid limit: must be less than or equal to 200.' });
    expect((await s.post(`/api/flow_runs/${run.id}/input/filter`, { prefix: 'p', limit: -1 })).status).toBe(422);
    expect((await s.post(`/api/flow_runs/${run.id}/input/filter`, { limit: 1 })).status).toBe(422);
    expect((await s.post(`/api/flow_runs/${randomUUID()}/input/filter`, { prefix: '' })).body).toEqual([]);
  });

  it('deleting the flow run deletes its inputs', async () => {
    const run = await makeFlowRun(s);
    await input(run.id, 'kept-until-delete', '"x"');
    expect((await s.delete(`/api/flow_runs/${run.id}`)).status).toBe(204);
    expect((await s.get(`/api/flow_runs/${run.id}/input/kept-until-delete`)).status).toBe(404);
    const rows = await s.ctx.db.kysely.selectFrom('flow_run_input').select('id').where('flow_run_id', '=', run.id).execute();
    expect(rows).toEqual([]);
  });
});

const readRun = async (id: string) => (await s.get(`/api/flow_runs/${id}`)).body;

describe('resume with run_input (contract §5.5)', () => {
  it('invalid input is rejected with the reason, the run stays paused and nothing is stored', async () => {
    const run = await pausedForInput(s);
    const res = await resumeFlowRun(s, run.id, { reason: 'ok', choice: 'maybe' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('REJECT');
    expect(res.body.state).toMatchObject({ type: 'PAUSED', name: 'Paused' });
    expect(res.body.details.type).toBe('reject_details');
    expect(res.body.details.reason).toContain("field 'reason'");
    expect(res.body.details.reason).toContain("field 'choice'");
    expect((await readRun(run.id)).state_type).toBe('PAUSED');
    expect((await s.get(`/api/flow_runs/${run.id}/input/${PAUSED_KEYSET.response}`)).status).toBe(404);
    // No input at all is validated too (required fields).
    expect((await resumeFlowRun(s, run.id)).body).toMatchObject({ status: 'REJECT', details: { reason: expect.stringContaining('required') } });
  });

  it('valid input resumes the run (201, RUNNING) and is stored as keyset.response', async () => {
    const run = await pausedForInput(s);
    const res = await resumeFlowRun(s, run.id, { reason: 'looks good', choice: 'ship' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ACCEPT', state: { type: 'RUNNING', name: 'Running' } });
    const stored = await s.get(`/api/flow_runs/${run.id}/input/${PAUSED_KEYSET.response}`);
    expect(JSON.parse(stored.text)).toEqual({ reason: 'looks good', choice: 'ship' });
    const after = await readRun(run.id);
    expect(after).toMatchObject({ state_type: 'RUNNING', run_count: 1 });
    // Not paused any more.
    expect((await resumeFlowRun(s, run.id, { reason: 'again', choice: 'hold' })).body).toMatchObject({ status: 'ABORT', state: null, details: { reason: 'Cannot resume a flow run that is not paused.' } });
  });

  it('hydrates the input (workspace variables, JSON) before validating and stores the hydrated value', async () => {
    await s.post('/api/variables/', { name: 'release_reason', value: 'from a variable' });
    const run = await pausedForInput(s);
    const res = await resumeFlowRun(s, run.id, { reason: { __syntask_kind: 'workspace_variable', variable_name: 'release_reason' }, choice: { __syntask_kind: 'json', value: '"hold"' } });
    expect(res.body.status).toBe('ACCEPT');
    expect(await flowRunInput(s, run.id, PAUSED_KEYSET.response)).toEqual({ reason: 'from a variable', choice: 'hold' });

    const broken = await pausedForInput(s);
    const bad = await resumeFlowRun(s, broken.id, { reason: { __syntask_kind: 'workspace_variable', variable_name: 'no_such_variable' }, choice: 'ship' });
    expect(bad.body).toMatchObject({ status: 'REJECT', details: { reason: expect.stringMatching(/^Error hydrating run input: .*no_such_variable/) } });
  });

  it('a suspended run resumes to Scheduled "Resuming" and stores the response too', async () => {
    const run = await pausedForInput(s, { reschedule: true });
    const res = await resumeFlowRun(s, run.id, { reason: 'ship it', choice: 'ship' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ACCEPT', state: { type: 'SCHEDULED', name: 'Resuming' } });
    expect(await flowRunInput(s, run.id, PAUSED_KEYSET.response)).toMatchObject({ choice: 'ship' });
  });

  it('a missing, unreadable or circular schema rejects', async () => {
    const missing = await pausedForInput(s, { schema: null });
    expect((await resumeFlowRun(s, missing.id, { reason: 'abc', choice: 'ship' })).body).toMatchObject({ status: 'REJECT', details: { reason: 'Run input schema not found.' } });

    const garbled = await runningFlowRun(s);
    await input(garbled.id, PAUSED_KEYSET.schema, 'not json');
    await setFlowState(s, garbled.id, { type: 'PAUSED', state_details: { run_input_keyset: PAUSED_KEYSET } });
    expect((await resumeFlowRun(s, garbled.id, {})).body).toMatchObject({ status: 'REJECT', details: { reason: 'Run input schema is not valid JSON.' } });

    const circular = await pausedForInput(s, { schema: { type: 'object', properties: { a: { $ref: '#/definitions/A' } }, definitions: { A: { $ref: '#/definitions/A' } } } });
    expect((await resumeFlowRun(s, circular.id, { a: 1 })).body).toMatchObject({ status: 'REJECT', details: { reason: expect.stringMatching(/^Invalid schema/) } });
    expect((await readRun(circular.id)).state_type).toBe('PAUSED');
  });

  it('a run paused without a keyset resumes as before, ignoring run_input; a response is replaced on a later resume', async () => {
    const run = await runningFlowRun(s);
    await setFlowState(s, run.id, { type: 'PAUSED' });
    expect((await resumeFlowRun(s, run.id, { anything: true })).body).toMatchObject({ status: 'ACCEPT', state: { type: 'RUNNING' } });
    expect((await s.post(`/api/flow_runs/${run.id}/input/filter`, { prefix: '', limit: 10 })).body).toEqual([]);

    // The same keyset again (a retried flow reuses its pause keys): the new answer wins.
    const again = await pausedForInput(s);
    await resumeFlowRun(s, again.id, { reason: 'first', choice: 'ship' });
    await setFlowState(s, again.id, { type: 'PAUSED', state_details: { pause_key: '2', run_input_keyset: PAUSED_KEYSET } });
    expect((await resumeFlowRun(s, again.id, { reason: 'second', choice: 'hold' })).body.status).toBe('ACCEPT');
    expect(await flowRunInput(s, again.id, PAUSED_KEYSET.response)).toEqual({ reason: 'second', choice: 'hold' });
  });

  it('an unknown run is 404', async () => {
    expect((await resumeFlowRun(s, randomUUID(), {})).body).toEqual({ detail: 'Flow run not found' });
  });
});
