import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow } from '../testing/fixtures.ts';
import { readFixtureLines } from '../testing/shared-fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const PARAM_SCHEMA = {
  title: 'Parameters',
  type: 'object',
  properties: { batch_size: { title: 'batch_size', type: 'integer', position: 0 }, date: { title: 'date', type: 'string', format: 'date', position: 1 } },
  required: ['batch_size'],
};

async function deployment(body: Record<string, unknown> = {}) {
  const flowId = (body.flow_id as string | undefined) ?? (await makeFlow(s)).id;
  const res = await s.post('/api/deployments/', { name: `dep-${randomUUID().slice(0, 8)}`, ...body, flow_id: flowId });
  if (res.status >= 300) throw new Error(`createDeployment ${res.status} ${res.text}`);
  return res.body;
}
const read = async (id: string) => (await s.get(`/api/deployments/${id}`)).body;
const runsOf = async (id: string) => (await s.post('/api/flow_runs/filter', { flow_runs: { deployment_id: { any_: [id] } }, sort: 'EXPECTED_START_TIME_ASC' })).body;

describe('deployments (contract §3.5)', () => {
  it('creates with defaults (201), upserts on (flow, name) overwriting fields (200), reads by id and name', async () => {
    const flow = await makeFlow(s, 'etl-flow');
    const created = await s.post('/api/deployments/', { name: 'nightly', flow_id: flow.id, tags: ['a'], parameters: { x: 1 }, description: 'first' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'nightly',
      flow_id: flow.id,
      paused: false,
      is_schedule_active: true,
      schedules: [],
      schedule: null,
      infra_overrides: {},
      parameters: { x: 1 },
      tags: ['a'],
      enforce_parameter_schema: false,
      work_queue_name: null,
      work_pool_name: null,
      status: 'NOT_READY',
      last_polled: null,
    });
    const again = await s.post('/api/deployments/', { name: 'nightly', flow_id: flow.id, description: 'second' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.body.id, description: 'second', tags: [], parameters: {} });
    expect((await s.get('/api/deployments/name/etl-flow/nightly')).body.id).toBe(created.body.id);
    expect(await s.get('/api/deployments/name/etl-flow/nope')).toMatchObject({ status: 404, body: { detail: 'Deployment not found' } });
    expect((await s.get(`/api/deployments/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses unknown flows (404), bad names and unknown keys (422)', async () => {
    expect((await s.post('/api/deployments/', { name: 'x', flow_id: randomUUID() })).status).toBe(404);
    const flow = await makeFlow(s);
    expect((await s.post('/api/deployments/', { name: 'a/b', flow_id: flow.id })).body.exception_detail[0].loc).toEqual(['body', 'name']);
    expect((await s.post('/api/deployments/', { name: 'x', flow_id: flow.id, bogus: 1 })).status).toBe(422);
  });

  it('resolves the work queue: pool + queue, pool only, queue only; unknown pool is 404', async () => {
    await s.post('/api/work_pools/', { name: 'k8s', type: 'kubernetes' });
    const both = await deployment({ work_pool_name: 'k8s', work_queue_name: 'critical' });
    expect(both).toMatchObject({ work_pool_name: 'k8s', work_queue_name: 'critical' });
    expect((await s.get('/api/work_pools/k8s/queues/critical')).status).toBe(200);
    expect(await deployment({ work_pool_name: 'k8s' })).toMatchObject({ work_pool_name: 'k8s', work_queue_name: 'default' });
    expect(await deployment({ work_queue_name: 'legacy' })).toMatchObject({ work_pool_name: 'default-agent-pool', work_queue_name: 'legacy' });
    const flow = await makeFlow(s);
    expect(await s.post('/api/deployments/', { name: 'x', flow_id: flow.id, work_pool_name: 'missing' })).toMatchObject({ status: 404, body: { detail: 'Work pool "missing" not found.' } });
  });

  it('paused and is_schedule_active stay inverse; a legacy schedule becomes the only schedule', async () => {
    const d = await deployment({ is_schedule_active: false, schedule: { cron: '0 9 * * *', timezone: 'Europe/Berlin' } });
    expect(d).toMatchObject({ paused: true, is_schedule_active: false });
    expect(d.schedules).toHaveLength(1);
    expect(d.schedule).toEqual({ cron: '0 9 * * *', timezone: 'Europe/Berlin', day_or: true });
    expect((await deployment({ paused: false, is_schedule_active: false })).paused).toBe(false);
  });

  it('validates schedules: variant by keys, strict keys, cron/rrule/time zone with reasons', async () => {
    const flow = await makeFlow(s);
    const post = (schedule: unknown) => s.post('/api/deployments/', { name: randomUUID(), flow_id: flow.id, schedules: [{ schedule }] });
    expect((await post({ interval: 3600 })).status).toBe(201);
    expect((await post({ interval: 'PT30M', anchor_date: '2024-01-01T00:00:00Z', timezone: 'America/New_York' })).status).toBe(201);
    expect((await post({ rrule: 'FREQ=DAILY;BYHOUR=9' })).status).toBe(201);
    const badCron = await post({ cron: '61 * * * *' });
    expect(badCron.status).toBe(422);
    expect(badCron.body.exception_detail[0].loc).toEqual(['body', 'schedules', 0, 'schedule', 'cron']);
    expect(badCron.body.exception_detail[0].msg).toMatch(/minute/);
    expect((await post({ cron: 'H * * * *' })).body.exception_detail[0].msg).toMatch(/hashed/);
    expect((await post({ cron: '0 9 * * *', timezone: 'Mars/Base' })).body.exception_detail[0].loc).toEqual(['body', 'schedules', 0, 'schedule', 'timezone']);
    expect((await post({ cron: '0 9 * * *', interval: 60 })).status).toBe(422);
    expect((await post({ interval: 0 })).status).toBe(422);
    expect((await post({ interval: 60, extra: 1 })).status).toBe(422);
    expect((await post({ rrule: 'FREQ=NEVER' })).status).toBe(422);
    expect((await post({ rrule: 'x'.repeat(6501) })).status).toBe(422);
  });

  it('patches fields; a schedule or is_schedule_active with several schedules is 422', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 60 } }, { schedule: { interval: 120 } }] });
    expect((await s.patch(`/api/deployments/${d.id}`, { description: 'new', tags: ['x'] })).status).toBe(204);
    expect(await read(d.id)).toMatchObject({ description: 'new', tags: ['x'] });
    expect((await s.patch(`/api/deployments/${d.id}`, { schedule: { interval: 30 } })).status).toBe(422);
    expect((await s.patch(`/api/deployments/${d.id}`, { is_schedule_active: false })).status).toBe(422);
    expect((await s.patch(`/api/deployments/${d.id}`, { paused: true })).status).toBe(204);
    expect((await read(d.id)).paused).toBe(true);
    expect((await s.patch(`/api/deployments/${d.id}`, { schedules: [{ schedule: { cron: '*/5 * * * *' } }] })).status).toBe(204);
    expect((await read(d.id)).schedules.map((x: { schedule: unknown }) => x.schedule)).toEqual([{ cron: '*/5 * * * *', timezone: 'UTC', day_or: true }]);
    expect((await s.patch(`/api/deployments/${randomUUID()}`, { description: 'x' })).status).toBe(404);
  });

  it('job variables: both spellings must agree; checked against the pool template (create 422, update 409)', async () => {
    await s.post('/api/work_pools/', {
      name: 'templated',
      type: 'process',
      base_job_template: { job_configuration: { command: '{{ command }}', cpu: '{{ cpu }}' }, variables: { type: 'object', properties: { command: { type: 'string' }, cpu: { type: 'integer', default: 1 } } } },
    });
    const flow = await makeFlow(s);
    const conflict = await s.post('/api/deployments/', { name: 'x', flow_id: flow.id, job_variables: { a: 1 }, infra_overrides: { a: 2 } });
    expect(conflict.status).toBe(422);
    const bad = await s.post('/api/deployments/', { name: 'x', flow_id: flow.id, work_pool_name: 'templated', job_variables: { cpu: 'lots' } });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('cpu');
    const ok = await deployment({ work_pool_name: 'templated', infra_overrides: { cpu: 2 } });
    expect(ok.infra_overrides).toEqual({ cpu: 2 });
    expect((await s.patch(`/api/deployments/${ok.id}`, { job_variables: { cpu: 'x' } })).status).toBe(409);
  });

  it('template defaults may reference a block document; named storage documents must exist', async () => {
    const type = (await s.get('/api/block_types/slug/json')).body;
    const [schema] = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body;
    const doc = (await s.post('/api/block_documents/', { name: 'env-defaults', block_type_id: type.id, block_schema_id: schema.id, data: { value: { REGION: 'eu' } } })).body;
    await s.post('/api/work_pools/', {
      name: 'ref-pool',
      type: 'process',
      base_job_template: { job_configuration: { env: '{{ env }}' }, variables: { type: 'object', properties: { env: { type: 'object', default: { $ref: { block_document_id: doc.id } } } } } },
    });
    expect((await s.post('/api/deployments/', { name: 'uses-ref', flow_id: (await makeFlow(s)).id, work_pool_name: 'ref-pool' })).status).toBe(201);
    await s.delete(`/api/block_documents/${doc.id}`);
    expect(await s.post('/api/deployments/', { name: 'uses-ref-2', flow_id: (await makeFlow(s)).id, work_pool_name: 'ref-pool' })).toMatchObject({ status: 404, body: { detail: 'Block not found.' } });
    const missing = await s.post('/api/deployments/', { name: 'stored', flow_id: (await makeFlow(s)).id, storage_document_id: doc.id });
    expect(missing.status).toBe(409);
  });

  it('enforces the parameter schema when asked (create 422, update 409), naming the field', async () => {
    const bad = await s.post('/api/deployments/', { name: 'p', flow_id: (await makeFlow(s)).id, parameter_openapi_schema: PARAM_SCHEMA, enforce_parameter_schema: true, parameters: { batch_size: 'many' } });
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail[0].msg).toMatch(/batch_size/);
    // Required keys are not checked for deployment defaults.
    const d = await deployment({ parameter_openapi_schema: PARAM_SCHEMA, enforce_parameter_schema: true, parameters: {} });
    const update = await s.patch(`/api/deployments/${d.id}`, { parameters: { batch_size: 'x' } });
    expect(update.status).toBe(409);
    expect(update.body.detail).toMatch(/batch_size/);
    expect((await s.patch(`/api/deployments/${d.id}`, { parameters: { batch_size: { __syntask_kind: 'json', value: '{bad' } } })).status).toBe(400);
    expect((await s.patch(`/api/deployments/${d.id}`, { parameters: { batch_size: 10 } })).status).toBe(204);
  });

  it('accepts every parameter schema of the corpus except the ones whose quirks make them invalid', async () => {
    const flow = await makeFlow(s);
    const results: { name: string; invalid: boolean; status: number }[] = [];
    for (const fixture of readFixtureLines<{ name: string; schema: Record<string, unknown>; quirks?: string[] }>('parameter-schemas.ndjson')) {
      const res = await s.post('/api/deployments/', { name: `corpus-${results.length}`, flow_id: flow.id, parameter_openapi_schema: fixture.schema });
      results.push({ name: fixture.name, invalid: Boolean(fixture.quirks?.some((q) => /unknown type/.test(q))), status: res.status });
    }
    expect(results.filter((r) => !r.invalid && r.status !== 201)).toEqual([]);
    expect(results.filter((r) => r.invalid).map((r) => r.status)).toEqual([422]);
  });

  it('pause/resume (and the legacy aliases) toggle the sole schedule; several schedules are 422', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 3600 } }] });
    await s.post(`/api/deployments/${d.id}/schedule`, {});
    expect((await runsOf(d.id)).length).toBeGreaterThan(0);
    expect(await s.post(`/api/deployments/${d.id}/pause_deployment`, {})).toMatchObject({ status: 200, body: null });
    let after = await read(d.id);
    expect(after).toMatchObject({ paused: true, is_schedule_active: false });
    expect(after.schedules[0].active).toBe(false);
    expect(await runsOf(d.id)).toEqual([]);
    await s.post(`/api/deployments/${d.id}/set_schedule_active`, {});
    after = await read(d.id);
    expect(after).toMatchObject({ paused: false });
    expect(after.schedules[0].active).toBe(true);
    const many = await deployment({ schedules: [{ schedule: { interval: 60 } }, { schedule: { interval: 90 } }] });
    expect((await s.post(`/api/deployments/${many.id}/pause_deployment`, {})).status).toBe(422);
  });

  it('the schedules sub-resource: create (bare array), list newest first, patch, delete, 404s', async () => {
    const d = await deployment();
    const created = await s.post(`/api/deployments/${d.id}/schedules`, [{ schedule: { interval: 60 } }, { schedule: { cron: '0 0 * * *' }, active: false, max_scheduled_runs: 5 }]);
    expect(created.status).toBe(201);
    expect(created.body).toHaveLength(2);
    const [first] = created.body;
    expect(first).toMatchObject({ deployment_id: d.id, active: expect.any(Boolean), catchup: false });
    expect((await s.patch(`/api/deployments/${d.id}/schedules/${first.id}`, { active: false, schedule: { interval: 7200 } })).status).toBe(204);
    const list = (await s.get(`/api/deployments/${d.id}/schedules`)).body;
    expect(list[0].id).toBe(first.id);
    expect(list[0]).toMatchObject({ active: false, schedule: { interval: 7200 } });
    expect((await s.delete(`/api/deployments/${d.id}/schedules/${first.id}`)).status).toBe(204);
    expect(await s.delete(`/api/deployments/${d.id}/schedules/${first.id}`)).toMatchObject({ status: 404, body: { detail: 'Schedule not found.' } });
    expect((await s.patch(`/api/deployments/${d.id}/schedules/${randomUUID()}`, { active: true })).status).toBe(404);
    expect((await s.post(`/api/deployments/${d.id}/schedules`, [{ schedule: { interval: 60 }, max_scheduled_runs: 51 }])).status).toBe(422);
  });

  it('generates scheduled runs (POST …/schedule) with the contract fields, idempotently; changes delete them', async () => {
    const d = await deployment({ tags: ['nightly'], parameters: { n: { __syntask_kind: 'json', value: '1' } }, schedules: [{ schedule: { cron: '0 9 * * *', timezone: 'America/New_York' } }] });
    const window = { start_time: '2030-03-08T00:00:00Z', end_time: '2030-03-12T00:00:00Z', min_runs: 10 };
    await s.post(`/api/deployments/${d.id}/schedule`, window);
    await s.post(`/api/deployments/${d.id}/schedule`, window);
    const runs = await runsOf(d.id);
    expect(runs.map((r: { expected_start_time: string }) => r.expected_start_time)).toEqual(['2030-03-08T14:00:00+00:00', '2030-03-09T14:00:00+00:00', '2030-03-10T13:00:00+00:00', '2030-03-11T13:00:00+00:00']);
    expect(runs[2]).toMatchObject({
      idempotency_key: `scheduled ${d.id} 2030-03-10T09:00:00-04:00`,
      tags: ['auto-scheduled', 'nightly'],
      auto_scheduled: true,
      state_type: 'SCHEDULED',
      state_name: 'Scheduled',
      next_scheduled_start_time: '2030-03-10T13:00:00+00:00',
      parameters: { n: { __syntask_kind: 'json', value: '1' } },
      deployment_id: d.id,
    });
    expect(runs[2].state).toMatchObject({ message: 'Flow run scheduled', state_details: { scheduled_time: '2030-03-10T13:00:00+00:00' } });
    await s.patch(`/api/deployments/${d.id}`, { description: 'changed' });
    expect(await runsOf(d.id)).toEqual([]);
  });

  it('deleting a deployment removes only its scheduled runs', async () => {
    const d = await deployment({ schedules: [{ schedule: { interval: 3600 } }] });
    const manual = (await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'RUNNING' } })).body;
    await s.post(`/api/deployments/${d.id}/schedule`, {});
    expect((await s.delete(`/api/deployments/${d.id}`)).status).toBe(204);
    const left = (await s.post('/api/flow_runs/filter', { flow_runs: { deployment_id: { any_: [d.id] } } })).body;
    expect(left.map((r: { id: string }) => r.id)).toEqual([manual.id]);
    expect((await s.delete(`/api/deployments/${d.id}`)).status).toBe(404);
  });
});

describe('create_flow_run (contract §3.5)', () => {
  it('merges and hydrates parameters: json, jinja, workspace_variable, none', async () => {
    await s.post('/api/variables/', { name: 'region', value: 'eu-west-1' });
    const d = await deployment({ parameters: { a: 1, b: 'keep' } });
    const res = await s.post(`/api/deployments/${d.id}/create_flow_run`, {
      parameters: {
        a: { __syntask_kind: 'json', value: '{"x": [1, 2]}' },
        greeting: { __syntask_kind: 'jinja', template: 'hello {{ 1 + 1 }} from {{ variables.region }}' },
        region: { __syntask_kind: 'workspace_variable', variable_name: 'region' },
        raw: { __syntask_kind: 'none', value: { __syntask_kind: 'json' } },
        nested: [{ deep: { __syntask_kind: 'json', value: 'true' } }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.parameters).toEqual({ a: { x: [1, 2] }, b: 'keep', greeting: 'hello 2 from eu-west-1', region: 'eu-west-1', raw: { __syntask_kind: 'json' }, nested: [{ deep: true }] });
    expect(res.body).toMatchObject({ deployment_id: d.id, state_type: 'SCHEDULED', auto_scheduled: false });
  });

  it('hydration failures are 400', async () => {
    const d = await deployment();
    const badJson = await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { a: { __syntask_kind: 'json', value: '{nope' } } });
    expect(badJson.status).toBe(400);
    expect(badJson.body.detail).toMatch(/^Error hydrating flow run parameters: /);
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { a: { __syntask_kind: 'workspace_variable', variable_name: 'missing_var' } } })).status).toBe(400);
  });

  it('enforcement validates with required keys (409 naming the field); no schema with enforcement is 409', async () => {
    const d = await deployment({ parameter_openapi_schema: PARAM_SCHEMA, enforce_parameter_schema: true });
    const missing = await s.post(`/api/deployments/${d.id}/create_flow_run`, {});
    expect(missing.status).toBe(409);
    expect(missing.body.detail).toMatch(/^Error creating flow run: .*batch_size/);
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { batch_size: 5, date: 'not a date' } })).body.detail).toMatch(/date/);
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { batch_size: 5 } })).status).toBe(201);
    const open = await deployment({ parameter_openapi_schema: PARAM_SCHEMA });
    expect((await s.post(`/api/deployments/${open.id}/create_flow_run`, { parameters: { batch_size: 'x' } })).status).toBe(201);
    const noSchema = await deployment();
    expect((await s.post(`/api/deployments/${noSchema.id}/create_flow_run`, { enforce_parameter_schema: true })).status).toBe(409);
  });

  it('a block-typed parameter accepts a block-document reference under enforcement, nothing else in its place', async () => {
    const schema = {
      title: 'Parameters',
      type: 'object',
      properties: { target: { title: 'target', allOf: [{ $ref: '#/definitions/DatabaseCredentials' }] }, limit: { type: 'integer' } },
      required: ['target'],
      definitions: {
        DatabaseCredentials: {
          title: 'DatabaseCredentials',
          type: 'object',
          properties: { user: { type: 'string' }, password: { type: 'string', format: 'password', writeOnly: true } },
          required: ['user'],
          block_type_slug: 'database-credentials',
          secret_fields: ['password'],
          block_schema_references: {},
        },
      },
    };
    const d = await deployment({ parameter_openapi_schema: schema, enforce_parameter_schema: true });
    const ref = { $ref: { block_document_id: randomUUID() } };
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { target: ref } })).status).toBe(201);
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { target: { user: 'etl' } } })).status).toBe(201);
    const wrong = await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { target: { $ref: { block_document_id: 'not-a-uuid' } } } });
    expect(wrong.status).toBe(409);
    expect(wrong.body.detail).toMatch(/target/);
    const notBlock = await s.post(`/api/deployments/${d.id}/create_flow_run`, { parameters: { target: ref, limit: { $ref: { block_document_id: randomUUID() } } } });
    expect(notBlock.status).toBe(409);
    expect(notBlock.body.detail).toMatch(/limit/);
  });

  it('unions tags, takes version and queue from the deployment, creates a requested queue in its pool, is idempotent', async () => {
    await s.post('/api/work_pools/', { name: 'runs-pool', type: 'process' });
    const d = await deployment({ tags: ['nightly'], version: '1.4.0', work_pool_name: 'runs-pool' });
    const body = { name: 'backfill', tags: ['backfill', 'nightly'], idempotency_key: 'once', work_queue_name: 'backfills', job_variables: { env: { A: '1' } } };
    const first = await s.post(`/api/deployments/${d.id}/create_flow_run`, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'backfill', tags: ['nightly', 'backfill'], deployment_version: '1.4.0', work_queue_name: 'backfills', work_pool_name: 'runs-pool', job_variables: { env: { A: '1' } } });
    const second = await s.post(`/api/deployments/${d.id}/create_flow_run`, body);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });

  it('job variables with required keys enforced: 422', async () => {
    await s.post('/api/work_pools/', {
      name: 'strict-pool',
      type: 'process',
      base_job_template: { job_configuration: { image: '{{ image }}' }, variables: { type: 'object', properties: { image: { type: 'string' } }, required: ['image'] } },
    });
    const d = await deployment({ work_pool_name: 'strict-pool' });
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, {})).status).toBe(422);
    expect((await s.post(`/api/deployments/${d.id}/create_flow_run`, { job_variables: { image: 'python:3.12' } })).status).toBe(201);
  });

  it('flow run PATCH of job variables: only while SCHEDULED with a deployment, checked against the pool template', async () => {
    await s.post('/api/work_pools/', {
      name: 'patch-pool',
      type: 'process',
      base_job_template: { job_configuration: { cpu: '{{ cpu }}' }, variables: { type: 'object', properties: { cpu: { type: 'integer' } } } },
    });
    const d = await deployment({ work_pool_name: 'patch-pool' });
    const run = (await s.post(`/api/deployments/${d.id}/create_flow_run`, {})).body;
    expect((await s.patch(`/api/flow_runs/${run.id}`, { job_variables: { cpu: 2 } })).status).toBe(204);
    expect((await s.get(`/api/flow_runs/${run.id}`)).body.job_variables).toEqual({ cpu: 2 });
    const bad = await s.patch(`/api/flow_runs/${run.id}`, { job_variables: { cpu: 'x' } });
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail[0].loc).toEqual(['body', 'job_variables']);
    await s.post(`/api/flow_runs/${run.id}/set_state`, { state: { type: 'RUNNING' }, force: true });
    expect((await s.patch(`/api/flow_runs/${run.id}`, { job_variables: { cpu: 3 } })).status).toBe(400);
  });

  it('runner poll: scheduled runs of the listed deployments, soonest first; records the poll', async () => {
    const d = await deployment();
    const late = (await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: '2020-01-01T00:00:00Z' } } })).body;
    const soon = (await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: '2020-06-01T00:00:00Z' } } })).body;
    await s.post(`/api/deployments/${d.id}/create_flow_run`, { state: { type: 'SCHEDULED', state_details: { scheduled_time: '2099-01-01T00:00:00Z' } } });
    const res = await s.post('/api/deployments/get_scheduled_flow_runs', { deployment_ids: [d.id], scheduled_before: new Date().toISOString(), limit: 10 });
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([late.id, soon.id]);
    expect(await read(d.id)).toMatchObject({ status: 'READY', last_polled: expect.any(String) });
  });
});

describe('deployment filters (contract §4)', () => {
  it('each criterion, cross-entity keys, sorts and count', async () => {
    const flow = await makeFlow(s, 'dep-filter-flow', ['team-x']);
    await s.post('/api/work_pools/', { name: 'filter-pool', type: 'process' });
    const a = await deployment({ flow_id: flow.id, name: 'alpha', tags: ['t1', 't2'], work_pool_name: 'filter-pool', work_queue_name: 'q1' });
    const b = await deployment({ flow_id: flow.id, name: 'beta', tags: ['t1'], paused: true });
    const mine = { flows: { id: { any_: [flow.id] } } };
    const names = async (body: object) => (await s.post('/api/deployments/filter', { ...mine, ...body })).body.map((d: { name: string }) => d.name);
    expect(await names({})).toEqual(['alpha', 'beta']);
    expect(await names({ sort: 'NAME_DESC' })).toEqual(['beta', 'alpha']);
    expect(await names({ sort: 'CREATED_DESC' })).toEqual(['beta', 'alpha']);
    expect(await names({ deployments: { id: { any_: [b.id] } } })).toEqual(['beta']);
    expect(await names({ deployments: { name: { like_: 'LPH' } } })).toEqual(['alpha']);
    expect(await names({ deployments: { paused: { eq_: true } } })).toEqual(['beta']);
    expect(await names({ deployments: { is_schedule_active: { eq_: true } } })).toEqual(['alpha']);
    expect(await names({ deployments: { tags: { all_: ['t1', 't2'] } } })).toEqual(['alpha']);
    expect(await names({ deployments: { work_queue_name: { any_: ['q1'] } } })).toEqual(['alpha']);
    expect(await names({ work_pools: { name: { any_: ['filter-pool'] } } })).toEqual(['alpha']);
    expect(await names({ work_pool_queues: { name: { startswith_: ['Q'] } } })).toEqual(['alpha']);
    await s.post(`/api/deployments/${a.id}/create_flow_run`, { tags: ['marked'] });
    expect(await names({ flow_runs: { tags: { all_: ['marked'] } } })).toEqual(['alpha']);
    expect((await s.post('/api/deployments/count', { ...mine, deployments: { tags: { all_: ['t1'] } } })).body).toBe(2);
    // …and flows and flow runs filtered through deployments and pools.
    expect((await s.post('/api/flows/filter', { flows: { id: { any_: [flow.id] } }, deployments: { name: { any_: ['beta'] } } })).body).toHaveLength(1);
    expect((await s.post('/api/flows/filter', { flows: { id: { any_: [flow.id] }, deployment: { is_null_: false } } })).body).toHaveLength(1);
    expect((await s.post('/api/flows/count', { flows: { id: { any_: [flow.id] } }, work_pools: { name: { any_: ['filter-pool'] } } })).body).toBe(1);
    expect((await s.post('/api/flow_runs/count', { deployments: { name: { any_: ['alpha'] } }, flows: { id: { any_: [flow.id] } } })).body).toBe(1);
    expect((await s.post('/api/flow_runs/count', { work_pools: { name: { any_: ['filter-pool'] } }, work_pool_queues: { name: { any_: ['q1'] } } })).body).toBe(1);
    expect((await s.post('/api/flow_runs/count', { work_pools: { name: { any_: ['nope'] } } })).body).toBe(0);
  });
});
