import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
let blockId: string;

beforeAll(async () => {
  s = await startTestServer({ SYNTASK_NOTIFICATIONS_ENABLED: 'false' });
  const type = (await s.get('/api/block_types/slug/webhook')).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  blockId = (await s.post('/api/block_documents/', { name: 'policy-hook', data: { url: 'http://127.0.0.1:9/x' }, block_schema_id: schema.id, block_type_id: type.id })).body.id;
});
afterAll(() => s.close());

const base = '/api/flow_run_notification_policies';

describe('flow run notification policies (contract §3.13)', () => {
  it('creates with defaults (201), reads, patches only what is sent (204), deletes', async () => {
    const res = await s.post(`${base}/`, { block_document_id: blockId });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), created: expect.any(String), updated: expect.any(String), is_active: true, state_names: [], tags: [], block_document_id: blockId, message_template: null });
    expect((await s.get(`${base}/${res.body.id}`)).body).toEqual(res.body);
    expect((await s.patch(`${base}/${res.body.id}`, { state_names: ['Failed', 'Crashed'], message_template: 'Run {flow_run_name} failed' })).status).toBe(204);
    expect((await s.get(`${base}/${res.body.id}`)).body).toMatchObject({ is_active: true, state_names: ['Failed', 'Crashed'], tags: [], message_template: 'Run {flow_run_name} failed' });
    expect((await s.patch(`${base}/${res.body.id}`, { is_active: false, message_template: null })).status).toBe(204);
    expect((await s.get(`${base}/${res.body.id}`)).body).toMatchObject({ is_active: false, state_names: ['Failed', 'Crashed'], message_template: null });
    expect((await s.delete(`${base}/${res.body.id}`)).status).toBe(204);
    expect(await s.get(`${base}/${res.body.id}`)).toMatchObject({ status: 404, body: { detail: 'Flow run notification policy not found' } });
    expect((await s.delete(`${base}/${res.body.id}`)).status).toBe(404);
    expect((await s.patch(`${base}/${res.body.id}`, { is_active: true })).status).toBe(404);
  });

  it('refuses unknown template placeholders with 422 naming the field and the placeholder', async () => {
    const res = await s.post(`${base}/`, { block_document_id: blockId, message_template: 'Run {flow_run_name} of {flow_nmae}' });
    expect(res.status).toBe(422);
    expect(res.body.exception_detail).toEqual([{ loc: ['body', 'message_template'], msg: "Invalid template variable provided: 'flow_nmae'", type: 'value_error.template' }]);
    for (const bad of ['{', 'a } b', '{}', '{0}']) expect((await s.post(`${base}/`, { block_document_id: blockId, message_template: bad })).status, bad).toBe(422);
    const every = ['flow_run_notification_policy_id', 'flow_id', 'flow_name', 'flow_run_url', 'flow_run_id', 'flow_run_name', 'flow_run_parameters', 'flow_run_state_type', 'flow_run_state_name', 'flow_run_state_timestamp', 'flow_run_state_message'];
    expect((await s.post(`${base}/`, { block_document_id: blockId, message_template: every.map((p) => `{${p}}`).join(' ') + ' {{literal}}' })).status).toBe(201);
    const created = (await s.post(`${base}/`, { block_document_id: blockId })).body;
    expect((await s.patch(`${base}/${created.id}`, { message_template: '{nope}' })).body.exception_detail[0].loc).toEqual(['body', 'message_template']);
  });

  it('refuses unknown keys (422) and a missing block document (409)', async () => {
    expect((await s.post(`${base}/`, { block_document_id: blockId, extra: 1 })).status).toBe(422);
    expect((await s.post(`${base}/`, {})).body.exception_detail[0].loc).toEqual(['body', 'block_document_id']);
    expect((await s.post(`${base}/`, { block_document_id: randomUUID() })).status).toBe(409);
  });

  it('filter: all by default, is_active {eq_: false} when the filter object is sent, by id', async () => {
    const active = (await s.post(`${base}/`, { block_document_id: blockId, tags: ['f'] })).body;
    const inactive = (await s.post(`${base}/`, { block_document_id: blockId, is_active: false })).body;
    const ids = async (body: Record<string, unknown>) => (await s.post(`${base}/filter`, body)).body.map((p: { id: string }) => p.id);
    const all = await ids({});
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining([active.id, inactive.id]));
    const sentEmpty = await ids({ flow_run_notification_policy_filter: {} });
    expect(sentEmpty).toContain(inactive.id);
    expect(sentEmpty).not.toContain(active.id);
    expect(await ids({ flow_run_notification_policy_filter: { is_active: { eq_: true } } })).toContain(active.id);
    expect(await ids({ flow_run_notification_policy_filter: { is_active: { eq_: true } } })).not.toContain(inactive.id);
    expect(await ids({ flow_run_notification_policy_filter: { is_active: null } })).toEqual(all);
    expect(await ids({ limit: 1 })).toEqual([all[0]]);
    expect((await s.post(`${base}/filter`, { flow_run_notification_policy_filter: { tags: {} } })).status).toBe(422);
  });

  it('deleting the block document deletes its policies', async () => {
    const type = (await s.get('/api/block_types/slug/webhook')).body;
    const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
    const doc = (await s.post('/api/block_documents/', { name: 'short-lived', data: { url: 'http://x' }, block_schema_id: schema.id, block_type_id: type.id })).body;
    const policy = (await s.post(`${base}/`, { block_document_id: doc.id })).body;
    await s.delete(`/api/block_documents/${doc.id}`);
    expect((await s.get(`${base}/${policy.id}`)).status).toBe(404);
  });
});
