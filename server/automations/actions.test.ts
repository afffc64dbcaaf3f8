import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../testing/http-receiver.ts';
import { blockDocument, makeFlow, runningFlowRun, setFlowState } from '../testing/fixtures.ts';

/**
 * Actions (A5) against real runs, deployments, pools and a real HTTP receiver: the
 * server's own flow-run state events trigger them.
 */

let s: TestServer;
let receiver: Receiver;
beforeAll(async () => {
  s = await startTestServer({ SYNTASK_UI_URL: 'http://dash.example' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await s.close();
  await receiver.close();
});

async function automation(trigger: Record<string, unknown>, actions: unknown[]) {
  const res = await s.post('/api/automations/', { name: `a-${randomUUID().slice(0, 6)}`, trigger, actions });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
}

const failedRunOf = (flowId: string) => ({ type: 'event', posture: 'Reactive', match: { 'syntask.resource.id': 'syntask.flow-run.*' }, match_related: { 'syntask.resource.role': 'flow', 'syntask.resource.id': `syntask.flow.${flowId}` }, expect: ['syntask.flow-run.Failed'] });

async function failRun(body: Record<string, unknown>) {
  const run = await runningFlowRun(s, body);
  expect((await setFlowState(s, run.id, { type: 'FAILED', message: 'boom' })).body.status).toBe('ACCEPT');
  return run;
}

const firings = async (id: string) => (await s.get(`/api/automations/${id}/firings`)).body as { actions: { status: string; reason: string | null; status_code: number | null; action_type: string }[] }[];

async function deployment(flowId: string, parameters: Record<string, unknown> = {}) {
  const res = await s.post('/api/deployments/', { name: `dep-${randomUUID().slice(0, 6)}`, flow_id: flowId, parameters });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
}

describe('actions (A5)', () => {
  it('3 failures of a flow within 10 minutes pause its deployment and call a webhook once', async () => {
    const flow = await makeFlow(s);
    const dep = await deployment(flow.id);
    const hook = await blockDocument(s, 'webhook', { url: `${receiver.url}/hook`, headers: { 'X-Token': 'secret-token' } });
    const a = await automation({ ...failedRunOf(flow.id), for_each: ['related:flow:syntask.resource.id'], threshold: 3, within: 600 }, [
      { type: 'pause-deployment', source: 'selected', deployment_id: dep.id },
      { type: 'call-webhook', block_document_id: hook, payload: '{"flow": "{{ flow.name }}", "run": "{{ flow_run.name }}", "link": "{{ flow_run|ui_url }}", "state": "{{ flow_run.state.name }}"}' },
    ]);
    const before = receiver.requests.length;
    await failRun({ flow_id: flow.id });
    await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    expect((await s.get(`/api/deployments/${dep.id}`)).body.paused).toBe(false);
    const last = await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    expect((await s.get(`/api/deployments/${dep.id}`)).body.paused).toBe(true);
    const calls = receiver.requests.slice(before);
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0].body)).toEqual({ flow: flow.name, run: last.name, link: `http://dash.example/flow-runs/flow-run/${last.id}`, state: 'Failed' });
    expect(calls[0].headers['x-token']).toBe('secret-token');
    const [fired] = await firings(a.id);
    expect(fired.actions.map((x) => [x.action_type, x.status, x.status_code])).toEqual([
      ['pause-deployment', 'executed', null],
      ['call-webhook', 'executed', 200],
    ]);
    expect(calls[0].headers['syntask-delivery-id']).toBeTruthy();
    // The executed event names its target and keeps the response, with secret headers redacted.
    const events = await s.post('/api/events/filter', { filter: { event: { prefix: ['syntask.automation.action'] }, resource: { id: [`syntask.automation.${a.id}`] }, occurred: { since: new Date(Date.now() - 60_000).toISOString() } } });
    const pause = events.body.events.find((e: { payload: { action_type: string } }) => e.payload.action_type === 'pause-deployment');
    expect(pause.related).toEqual([{ 'syntask.resource.id': `syntask.deployment.${dep.id}`, 'syntask.resource.role': 'target' }]);
    const webhook = events.body.events.find((e: { payload: { action_type: string } }) => e.payload.action_type === 'call-webhook');
    expect(webhook.payload).toMatchObject({ status_code: 200, response_body: 'ok' });
  });

  it('a webhook answering 500 still counts as called; an unreachable one fails the action with a reason and no URL', async () => {
    const flow = await makeFlow(s);
    const hook = await blockDocument(s, 'webhook', { url: `${receiver.url}/five-hundred` });
    const down = await blockDocument(s, 'webhook', { url: 'http://127.0.0.1:1/nothing-listens' });
    const a = await automation(failedRunOf(flow.id), [
      { type: 'call-webhook', block_document_id: hook, payload: 'plain text' },
      { type: 'call-webhook', block_document_id: down },
    ]);
    receiver.respondWith([500]);
    await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    const [fired] = await firings(a.id);
    expect(fired.actions[0]).toMatchObject({ status: 'executed', status_code: 500 });
    expect(fired.actions[1].status).toBe('failed');
    expect(fired.actions[1].reason).toMatch(/Could not reach the webhook/);
    expect(fired.actions[1].reason).not.toContain('127.0.0.1');
  });

  it('sends a notification with the rendered subject and body', async () => {
    const flow = await makeFlow(s);
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/notify` });
    await automation(failedRunOf(flow.id), [{ type: 'send-notification', block_document_id: block, subject: '{{ flow.name }} failed', body: 'Run {{ flow_run.name }}: {{ event.resource["syntask.state-message"] }} ({{ automation.name }})' }]);
    const before = receiver.requests.length;
    const run = await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    const [call] = receiver.requests.slice(before);
    expect(JSON.parse(call.body)).toMatchObject({ subject: `${flow.name} failed`, body: expect.stringContaining(`Run ${run.name}: boom`) });
  });

  it('runs a deployment with rendered parameters once per firing', async () => {
    const flow = await makeFlow(s);
    const target = await makeFlow(s);
    const dep = await deployment(target.id, { who: 'nobody', n: 1 });
    await automation(failedRunOf(flow.id), [{ type: 'run-deployment', deployment_id: dep.id, parameters: { who: { __syntask_kind: 'jinja', template: '{{ flow_run.name }}' }, n: 2 } }]);
    const failed = await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    const runs = (await s.post('/api/flow_runs/filter', { flow_runs: { deployment_id: { any_: [dep.id] } } })).body;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ parameters: { who: failed.name, n: 2 }, state_type: 'SCHEDULED' });
    expect(runs[0].idempotency_key).toMatch(/^automation .+, action 0, invocation .+$/);
  });

  it('changes the state of the triggering run, and fails with a reason when no run can be inferred', async () => {
    const flow = await makeFlow(s);
    const a = await automation({ type: 'event', posture: 'Reactive', match: { 'syntask.resource.id': 'syntask.flow-run.*' }, match_related: { 'syntask.resource.id': `syntask.flow.${flow.id}` }, expect: ['syntask.flow-run.Running'] }, [
      { type: 'change-flow-run-state', state: 'CANCELLED', name: 'Stopped' },
      { type: 'pause-deployment', source: 'inferred' },
    ]);
    const run = await runningFlowRun(s, { flow_id: flow.id });
    await s.ctx.automations.settle();
    const read = (await s.get(`/api/flow_runs/${run.id}`)).body;
    expect(read.state).toMatchObject({ type: 'CANCELLED', name: 'Stopped', message: `State changed by Automation ${a.id}` });
    const [fired] = await firings(a.id);
    expect(fired.actions[1]).toMatchObject({ status: 'failed', reason: 'No deployment could be inferred' });
  });

  it('pauses a work pool and another automation', async () => {
    const flow = await makeFlow(s);
    const pool = (await s.post('/api/work_pools/', { name: `pool-${randomUUID().slice(0, 6)}`, type: 'process' })).body;
    const other = await automation({ type: 'event', posture: 'Reactive', expect: ['acme.never'] }, [{ type: 'do-nothing' }]);
    await automation(failedRunOf(flow.id), [
      { type: 'pause-work-pool', work_pool_id: pool.id },
      { type: 'pause-automation', automation_id: other.id },
    ]);
    await failRun({ flow_id: flow.id });
    await s.ctx.automations.settle();
    expect((await s.get(`/api/work_pools/${pool.name}`)).body.status).toBe('PAUSED');
    expect((await s.get(`/api/automations/${other.id}`)).body.enabled).toBe(false);
  });

  it('infers the deployment and work queue of the triggering run; actions_on_trigger see the triggered event; resume actions undo', async () => {
    const flow = await makeFlow(s);
    const pool = (await s.post('/api/work_pools/', { name: `pool-${randomUUID().slice(0, 6)}`, type: 'process' })).body;
    const dep = (await s.post('/api/deployments/', { name: `dep-${randomUUID().slice(0, 6)}`, flow_id: flow.id, work_pool_name: pool.name })).body;
    const queue = (await s.get(`/api/work_pools/${pool.name}/queues/default`)).body;
    const hook = await blockDocument(s, 'webhook', { url: `${receiver.url}/on-trigger` });
    const res = await s.post('/api/automations/', {
      name: 'infer',
      trigger: failedRunOf(flow.id),
      actions: [{ type: 'pause-deployment', source: 'inferred' }, { type: 'pause-work-queue', source: 'inferred' }],
      actions_on_trigger: [{ type: 'call-webhook', block_document_id: hook, payload: '{{ event.event }} {{ event.payload.triggering_event.event }}' }],
    });
    expect(res.status, res.text).toBe(201);
    const run = (await s.post(`/api/deployments/${dep.id}/create_flow_run`, {})).body;
    expect((await setFlowState(s, run.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    expect((await setFlowState(s, run.id, { type: 'FAILED' })).body.status).toBe('ACCEPT');
    await s.ctx.automations.settle();
    expect((await s.get(`/api/deployments/${dep.id}`)).body.paused).toBe(true);
    expect((await s.get(`/api/work_pools/${pool.name}/queues/default`)).body.is_paused).toBe(true);
    expect(receiver.requests.filter((r) => r.path === '/on-trigger').map((r) => r.body)).toEqual(['syntask.automation.triggered syntask.flow-run.Failed']);

    const kind = `acme.${randomUUID().slice(0, 6)}.resume`;
    await automation({ type: 'event', posture: 'Reactive', expect: [kind] }, [
      { type: 'resume-deployment', deployment_id: dep.id },
      { type: 'resume-work-queue', work_queue_id: queue.id },
      { type: 'pause-work-pool', work_pool_id: pool.id },
      { type: 'resume-automation', automation_id: res.body.id },
    ]);
    await s.patch(`/api/automations/${res.body.id}`, { enabled: false });
    expect((await s.post('/api/events', [{ occurred: new Date().toISOString(), event: kind, resource: { 'syntask.resource.id': 'acme.x' }, id: randomUUID() }])).status).toBe(204);
    await s.ctx.automations.settle();
    expect((await s.get(`/api/deployments/${dep.id}`)).body.paused).toBe(false);
    expect((await s.get(`/api/work_pools/${pool.name}/queues/default`)).body.is_paused).toBe(false);
    expect((await s.get(`/api/automations/${res.body.id}`)).body.enabled).toBe(true);
    const resumeKind = `${kind}.pool`;
    await automation({ type: 'event', posture: 'Reactive', expect: [resumeKind] }, [{ type: 'resume-work-pool', work_pool_id: pool.id }]);
    expect((await s.get(`/api/work_pools/${pool.name}`)).body.status).toBe('PAUSED');
    await s.post('/api/events', [{ occurred: new Date().toISOString(), event: resumeKind, resource: { 'syntask.resource.id': 'acme.x' }, id: randomUUID() }]);
    await s.ctx.automations.settle();
    expect((await s.get(`/api/work_pools/${pool.name}`)).body.status).not.toBe('PAUSED');
  });

  it('cancels and suspends the triggering run', async () => {
    const flow = await makeFlow(s);
    const running = (id: string) => ({ type: 'event', posture: 'Reactive', match: { 'syntask.resource.id': 'syntask.flow-run.*' }, match_related: { 'syntask.resource.id': `syntask.flow.${id}` }, expect: ['syntask.flow-run.Running'] });
    const cancel = await automation(running(flow.id), [{ type: 'cancel-flow-run' }]);
    const run = await runningFlowRun(s, { flow_id: flow.id });
    await s.ctx.automations.settle();
    expect((await s.get(`/api/flow_runs/${run.id}`)).body.state).toMatchObject({ type: 'CANCELLING', message: `Cancelled by Automation ${cancel.id}` });

    const other = await makeFlow(s);
    const suspend = await automation(running(other.id), [{ type: 'suspend-flow-run' }]);
    const paused = await runningFlowRun(s, { flow_id: other.id });
    await s.ctx.automations.settle();
    const state = (await s.get(`/api/flow_runs/${paused.id}`)).body.state;
    expect(state).toMatchObject({ type: 'PAUSED', name: 'Suspended', message: `Suspended by Automation ${suspend.id}` });
    expect(state.state_details.pause_reschedule).toBe(true);
  });

  it('never builds a request path from a label that is not a UUID (an operator-sent event cannot steer admin calls)', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.steer`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind] }, [{ type: 'pause-deployment', source: 'inferred' }, { type: 'cancel-flow-run' }]);
    const steer = { occurred: new Date().toISOString(), event: kind, id: randomUUID(), resource: { 'syntask.resource.id': 'syntask.deployment.../admin/database/clear?' }, related: [{ 'syntask.resource.id': 'syntask.flow-run.../../admin/settings?', 'syntask.resource.role': 'x' }] };
    expect((await s.post('/api/events', [steer])).status).toBe(204);
    await s.ctx.automations.settle();
    const [fired] = await firings(a.id);
    expect(fired.actions.map((x) => [x.status, x.reason])).toEqual([
      ['failed', 'No deployment could be inferred'],
      ['failed', 'No flow run could be inferred'],
    ]);
  });

  it('an automation is not triggered by its own events (no self loop)', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.kick`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: ['syntask.automation.triggered', 'syntask.automation.action.executed', kind] }, [{ type: 'do-nothing' }]);
    await s.post('/api/events', [{ occurred: new Date().toISOString(), event: kind, id: randomUUID(), resource: { 'syntask.resource.id': 'acme.x' } }]);
    for (let i = 0; i < 4; i++) await s.ctx.automations.settle();
    expect(await firings(a.id)).toHaveLength(1);
  });
});
