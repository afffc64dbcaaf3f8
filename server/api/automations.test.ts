import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlow } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const reactive = (over: Record<string, unknown> = {}) => ({ type: 'event', posture: 'Reactive', expect: ['acme.thing.happened'], threshold: 1, within: 0, ...over });
const body = (over: Record<string, unknown> = {}) => ({ name: `auto-${randomUUID().slice(0, 8)}`, trigger: reactive(), actions: [{ type: 'do-nothing' }], ...over });
const create = async (over: Record<string, unknown> = {}) => {
  const res = await s.post('/api/automations/', body(over));
  expect(res.status, res.text).toBe(201);
  return res.body;
};

describe('automation CRUD (A4, A7)', () => {
  it('creates with defaults and fresh trigger ids, reads, replaces, patches and deletes', async () => {
    const givenId = randomUUID();
    const created = await create({ trigger: { type: 'compound', id: givenId, require: 'all', triggers: [reactive({ id: givenId }), reactive({ posture: 'Proactive', within: 'PT1M' })] } });
    expect(created).toMatchObject({ description: '', enabled: true, actions_on_trigger: [], actions_on_resolve: [], actions: [{ type: 'do-nothing' }] });
    expect(created.trigger.id).not.toBe(givenId);
    expect(created.trigger.within).toBeNull();
    const [leaf, proactive] = created.trigger.triggers;
    expect(leaf).toMatchObject({ match: {}, match_related: {}, after: [], for_each: [], threshold: 1, within: 0 });
    expect(leaf.id).not.toBe(givenId);
    expect(proactive.within).toBe(60);
    expect((await s.get(`/api/automations/${created.id}`)).body).toEqual(created);

    const put = await s.put(`/api/automations/${created.id}`, body({ name: 'renamed', trigger: reactive() }));
    expect(put.status, put.text).toBe(204);
    const after = (await s.get(`/api/automations/${created.id}`)).body;
    expect(after.name).toBe('renamed');
    expect(after.trigger.type).toBe('event');
    expect(Date.parse(after.updated)).toBeGreaterThanOrEqual(Date.parse(created.updated));

    expect((await s.patch(`/api/automations/${created.id}`, { enabled: false })).status).toBe(204);
    expect((await s.get(`/api/automations/${created.id}`)).body.enabled).toBe(false);
    expect((await s.patch(`/api/automations/${created.id}`, { name: 'x' })).status).toBe(422);

    expect((await s.delete(`/api/automations/${created.id}`)).status).toBe(204);
    const missing = await s.get(`/api/automations/${created.id}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ exception_message: 'Automation not found' });
    expect((await s.delete(`/api/automations/${created.id}`)).status).toBe(404);
    expect((await s.put(`/api/automations/${randomUUID()}`, body())).status).toBe(404);
  });

  it('refuses unknown keys, Metric posture and bad ranges with the field named', async () => {
    const unknown = await s.post('/api/automations/', { ...body(), colour: 'red' });
    expect(unknown.status).toBe(422);
    expect((await s.post('/api/automations/', body({ trigger: reactive({ posture: 'Metric' }) }))).status).toBe(422);
    const negative = await s.post('/api/automations/', body({ trigger: reactive({ within: -1 }) }));
    expect(negative.status).toBe(422);
    expect(negative.body.exception_detail[0]).toMatchObject({ loc: ['body', 'trigger', 'within'], msg: 'The minimum within is 0 seconds' });
    const short = await s.post('/api/automations/', body({ trigger: reactive({ posture: 'Proactive', within: 5 }) }));
    expect(short.body.exception_detail[0].msg).toBe('The minimum within for Proactive triggers is 10 seconds');
    const zero = await create({ trigger: reactive({ posture: 'Proactive', within: 0 }) });
    expect(zero.trigger.within).toBe(10);
    const require = await s.post('/api/automations/', body({ trigger: { type: 'compound', require: 3, triggers: [reactive(), reactive()] } }));
    expect(require.status).toBe(422);
    expect(require.body.exception_detail[0].loc).toEqual(['body', 'trigger', 'require']);
  });

  it('checks source and id of selected and inferred actions (A5.1)', async () => {
    const missing = await s.post('/api/automations/', body({ actions: [{ type: 'pause-deployment', source: 'selected' }] }));
    expect(missing.status).toBe(422);
    expect(missing.body.exception_detail[0]).toMatchObject({ loc: ['body', 'actions', 0, 'deployment_id'], msg: 'deployment_id is required' });
    const extra = await s.post('/api/automations/', body({ actions: [{ type: 'pause-work-pool', source: 'inferred', work_pool_id: randomUUID() }] }));
    expect(extra.body.exception_detail[0].msg).toBe('work_pool_id is not allowed');
    const inferred = await create({ actions: [{ type: 'resume-automation', source: 'inferred' }] });
    expect(inferred.actions[0]).toEqual({ type: 'resume-automation', source: 'inferred', automation_id: null });
  });

  it('refuses a run-deployment action that would loop on its own runs (A4.2)', async () => {
    const loop = { trigger: reactive({ expect: ['syntask.flow-run.Running'] }), actions: [{ type: 'run-deployment', source: 'inferred' }] };
    expect((await s.post('/api/automations/', body(loop))).status).toBe(422);
    const wide = { trigger: reactive({ expect: ['syntask.flow-run.*'], match: { 'syntask.resource.id': 'syntask.flow-run.*' } }), actions: [{ type: 'run-deployment', deployment_id: randomUUID() }] };
    expect((await s.post('/api/automations/', body(wide))).status).toBe(422);
    const narrow = { ...wide, trigger: { ...wide.trigger, match_related: { 'syntask.resource.id': `syntask.flow.${randomUUID()}` } } };
    expect((await s.post('/api/automations/', body(narrow))).status).toBe(201);
    // Enabling a disabled looping automation re-validates the merged automation.
    const off = await create({ ...loop, enabled: false });
    expect((await s.patch(`/api/automations/${off.id}`, { enabled: true })).status).toBe(422);
  });

  it('refuses templates that do not parse or escape the sandbox', async () => {
    const bad = await s.post('/api/automations/', body({ actions: [{ type: 'send-notification', block_document_id: randomUUID(), body: 'Hello {{ flow.name ' }] }));
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail[0].loc).toEqual(['body', 'actions', 0, 'body']);
    for (const escape of ['{{ range.constructor("return process")() }}', '{{ event["__proto__"] }}', '{% set k = "constructor" %}{{ event[k] }}', '{{ cycler.constructor }}']) {
      const res = await s.post('/api/automations/', body({ actions: [{ type: 'call-webhook', block_document_id: randomUUID(), payload: escape }] }));
      expect(res.status, escape).toBe(422);
    }
    const object = await create({ actions: [{ type: 'call-webhook', block_document_id: randomUUID(), payload: { run: '{{ event.id }}' } }] });
    expect(object.actions[0].payload).toBe('{\n  "run": "{{ event.id }}"\n}');
  });

  it('filters, sorts, counts, relates and deletes owned automations', async () => {
    const tag = randomUUID().slice(0, 6);
    const deploymentId = randomUUID();
    const b = await create({ name: `${tag}-b`, actions: [{ type: 'run-deployment', deployment_id: deploymentId }] });
    const a = await create({ name: `${tag}-a`, owner_resource: `syntask.deployment.${deploymentId}` });
    const byName = await s.post('/api/automations/filter', { automations: { name: { any_: [`${tag}-a`, `${tag}-b`] } }, sort: 'NAME_DESC' });
    expect(byName.body.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    expect((await s.post('/api/automations/filter', { limit: 201 })).status).toBe(422);
    const before = await s.post('/api/automations/filter', { automations: { name: { any_: [`${tag}-a`, `${tag}-b`] }, created: { before_: a.created } }, sort: 'CREATED_DESC' });
    expect(before.body.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    const count = await s.post('/api/automations/count', { anything: 'ignored' });
    expect(count.body).toBeGreaterThanOrEqual(2);
    const related = (await s.get(`/api/automations/related-to/syntask.deployment.${deploymentId}`)).body.map((x: { id: string }) => x.id).sort();
    expect(related).toEqual([a.id, b.id].sort());
    expect((await s.get(`/api/automations/related-to/syntask.deployment.${randomUUID()}`)).body).toEqual([]);
    const owned = await s.delete(`/api/automations/owned-by/syntask.deployment.${deploymentId}`);
    expect(owned.status).toBe(202);
    expect(owned.body).toBeNull();
    expect((await s.get(`/api/automations/${a.id}`)).status).toBe(404);
    expect((await s.get(`/api/automations/${b.id}`)).status).toBe(200);
  });

  it('lists automations in /ui-settings flags, and the trigger watch relation covers flows named in triggers', async () => {
    expect((await s.get('/ui-settings')).body.flags).toContain('automations');
    const flow = await makeFlow(s);
    const watching = await create({ trigger: reactive({ match_related: { 'syntask.resource.id': `syntask.flow.${flow.id}` } }) });
    expect((await s.get(`/api/automations/related-to/syntask.flow.${flow.id}`)).body.map((x: { id: string }) => x.id)).toEqual([watching.id]);
  });
});

describe('automations switched off (A1)', () => {
  it('answers 404 with the detail and drops the flag', async () => {
    const off = await startTestServer({ SYNTASK_API_SERVICES_TRIGGERS_ENABLED: 'false' });
    try {
      const res = await off.post('/api/automations/filter', {});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Automations are not enabled. Please enable the SYNTASK_EXPERIMENTAL_EVENTS and SYNTASK_API_SERVICES_TRIGGERS_ENABLED settings.' });
      expect((await off.get('/ui-settings')).body.flags).not.toContain('automations');
    } finally {
      await off.close();
    }
  });
});
