import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../testing/http-receiver.ts';
import { blockDocument, makeFlow, runningFlowRun, setFlowState } from '../testing/fixtures.ts';
import { NotificationService } from './notifications.ts';

/** Delivery of flow run notifications to a real HTTP receiver (contract §3.13, §6). */

const FAST = { SYNTASK_NOTIFICATIONS_RETRY_DELAY_SECONDS: '0.05', SYNTASK_NOTIFICATIONS_POLL_INTERVAL_SECONDS: '0.2', SYNTASK_NOTIFICATIONS_TIMEOUT_SECONDS: '5' };
const SECRET_TOKEN = 'tok-notify-secret';

let s: TestServer;
let receiver: Receiver;

async function policy(server: TestServer, body: Record<string, unknown>) {
  const res = await server.post('/api/flow_run_notification_policies/', body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));
const queued = (server: TestServer) => server.ctx.db.kysely.selectFrom('flow_run_notification_queue').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));

beforeAll(async () => {
  s = await startTestServer(FAST);
  receiver = await startReceiver();
});
afterAll(async () => {
  await s.close();
  await receiver.close();
});
afterEach(async () => {
  // Each test starts from a quiet receiver and no active policy.
  for (const p of (await s.post('/api/flow_run_notification_policies/filter', {})).body) await s.delete(`/api/flow_run_notification_policies/${p.id}`);
  receiver.requests.length = 0;
  receiver.respondWith([], 200);
  receiver.delayMs = 0;
});

describe('notification delivery', () => {
  it('a matching state sends exactly one message, rendered into the custom webhook body, with its secret headers', async () => {
    const block = await blockDocument(s, 'custom-webhook-notification', {
      url: `${receiver.url}/hook/secret-path`,
      json_data: { text: '{{subject}}: {{body}}', who: '{{name}}', nested: ['{{body}}'] },
      headers: { Authorization: 'Bearer {{token}}' },
      secrets: { token: SECRET_TOKEN },
    });
    const p = await policy(s, { block_document_id: block, state_names: ['Completed'], tags: ['notify-me'], message_template: 'Run {flow_run_name} of {flow_name} is {flow_run_state_name} ({flow_run_state_type}) {flow_run_url}' });
    const flow = await makeFlow(s, 'notified-flow');
    const run = await runningFlowRun(s, { flow_id: flow.id, name: 'loud-run', tags: ['notify-me', 'other'] });
    await setFlowState(s, run.id, { type: 'COMPLETED' });
    const [request] = await receiver.waitFor(1);
    await settle();
    expect(receiver.requests).toHaveLength(1);
    const body = `Run loud-run of notified-flow is Completed (COMPLETED) ${s.ctx.settings.uiUrl}/runs/flow-run/${run.id}`;
    expect(request).toMatchObject({ method: 'POST', path: '/hook/secret-path', headers: { authorization: `Bearer ${SECRET_TOKEN}`, 'content-type': 'application/json' } });
    expect(JSON.parse(request.body)).toEqual({ text: `Syntask flow run notification: ${body}`, who: 'Syntask Notifications', nested: [body] });
    expect(await queued(s)).toBe(0);
    expect(p.id).toBeTruthy();
  });

  it('non-matching state names, tags or inactive policies send nothing', async () => {
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/n` });
    await policy(s, { block_document_id: block, state_names: ['Completed'], tags: ['prod'] });
    await policy(s, { block_document_id: block, is_active: false });
    const untagged = await runningFlowRun(s, { tags: ['dev'] });
    await setFlowState(s, untagged.id, { type: 'COMPLETED' });
    const tagged = await runningFlowRun(s, { tags: ['prod'] });
    await setFlowState(s, tagged.id, { type: 'FAILED' });
    await settle(600);
    expect(receiver.requests).toHaveLength(0);
  });

  it('the webhook block POSTs {subject, body} with the default template; every state matches a policy without filters', async () => {
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/plain`, method: 'GET', headers: { 'X-Token': SECRET_TOKEN } });
    await policy(s, { block_document_id: block, state_names: ['Cancelled'] });
    const flow = await makeFlow(s, 'default-template-flow');
    const run = await runningFlowRun(s, { flow_id: flow.id, name: 'quiet-run' });
    await setFlowState(s, run.id, { type: 'CANCELLED', message: 'Stopped by hand' }, true);
    const [request] = await receiver.waitFor(1);
    expect(request.method).toBe('POST');
    expect(request.headers['x-token']).toBe(SECRET_TOKEN);
    const { subject, body } = JSON.parse(request.body);
    expect(subject).toBe('Syntask flow run notification');
    expect(body).toMatch(/^Flow run default-template-flow\/quiet-run entered state `Cancelled` at \d{4}-\d\d-\d\dT[\d:.]+\+00:00\.\n\nFlow ID: /);
    expect(body).toContain(`Flow ID: ${flow.id}\nFlow run ID: ${run.id}\nFlow run URL: ${s.ctx.settings.uiUrl}/runs/flow-run/${run.id}\nState message: Stopped by hand`);
  });

  it('a receiver that fails twice then succeeds gets the message on the third attempt', async () => {
    receiver.respondWith([500, 503], 200);
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/flaky` });
    await policy(s, { block_document_id: block, state_names: ['Completed'] });
    const run = await runningFlowRun(s);
    await setFlowState(s, run.id, { type: 'COMPLETED' });
    await receiver.waitFor(3);
    await settle();
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    // One delivery id for every attempt of the message: receivers drop repeats by it.
    const ids = receiver.requests.map((r) => r.headers['syntask-delivery-id']);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids)).toEqual(new Set([ids[0]]));
    expect(await queued(s)).toBe(0);
  });

  it('gives up after the configured retries', async () => {
    receiver.respondWith([], 500);
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/down` });
    await policy(s, { block_document_id: block, state_names: ['Completed'] });
    const run = await runningFlowRun(s);
    await setFlowState(s, run.id, { type: 'COMPLETED' });
    await receiver.waitFor(4);
    await settle(800);
    expect(receiver.requests).toHaveLength(1 + s.ctx.settings.notificationRetries);
    expect(await queued(s)).toBe(0);
  });

  it('a slow receiver never slows orchestration down', async () => {
    receiver.delayMs = 1500;
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/slow` });
    await policy(s, { block_document_id: block });
    const run = await runningFlowRun(s);
    const started = Date.now();
    for (const type of ['COMPLETED']) expect((await setFlowState(s, run.id, { type })).body.status).toBe('ACCEPT');
    expect(Date.now() - started).toBeLessThan(500);
    await receiver.waitFor(1);
  });

  it('queued messages are durable: one left in the queue (e.g. before a restart) is sent by the poller', async () => {
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/durable` });
    const p = await policy(s, { block_document_id: block, state_names: ['Never'] });
    const run = await runningFlowRun(s);
    const state = (await s.get(`/api/flow_runs/${run.id}`)).body.state;
    const now = Date.now() * 1000;
    await s.ctx.db.kysely
      .insertInto('flow_run_notification_queue')
      .values({ id: randomUUID(), created: now, updated: now, flow_run_notification_policy_id: p.id, flow_run_state_id: state.id, attempts: 0, next_attempt_at: now, locked_until: null })
      .execute();
    const [request] = await receiver.waitFor(1, 5000);
    expect(JSON.parse(request.body).body).toContain('entered state `Running`');
  });
});

describe('POST /api/flow_run_notification_policies/{id}/test', () => {
  it('sends one test message synchronously and reports it delivered', async () => {
    const block = await blockDocument(s, 'custom-webhook-notification', { url: `${receiver.url}/test`, json_data: { t: '{{subject}}', b: '{{body}}' } });
    const p = await policy(s, { block_document_id: block, message_template: 'Hello from {flow_run_name}' });
    const res = await s.post(`/api/flow_run_notification_policies/${p.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ delivered: true });
    expect(receiver.requests).toHaveLength(1);
    expect(JSON.parse(receiver.requests[0].body)).toEqual({ t: 'Syntask flow run notification (test)', b: 'Hello from example-run' });
    await settle(300);
    expect(receiver.requests).toHaveLength(1);
  });

  it('names the receiver status (502) without the URL; refuses blocks that cannot notify (409); 404 for missing policies', async () => {
    receiver.respondWith([], 500);
    const block = await blockDocument(s, 'webhook', { url: `${receiver.url}/secret-failing-path` });
    const p = await policy(s, { block_document_id: block });
    const res = await s.post(`/api/flow_run_notification_policies/${p.id}/test`);
    expect(res.status).toBe(502);
    expect(res.body.detail).toContain('500');
    expect(res.text).not.toContain('secret-failing-path');
    expect(receiver.requests).toHaveLength(1);

    const unreachable = await blockDocument(s, 'webhook', { url: 'http://127.0.0.1:1/nothing-listens' });
    const down = await s.post(`/api/flow_run_notification_policies/${(await policy(s, { block_document_id: unreachable })).id}/test`);
    expect(down.status).toBe(502);
    expect(down.text).not.toContain('nothing-listens');

    const secretBlock = await blockDocument(s, 'secret', { value: 'x' });
    const cannot = await s.post(`/api/flow_run_notification_policies/${(await policy(s, { block_document_id: secretBlock })).id}/test`);
    expect(cannot.status).toBe(409);
    expect(cannot.body.detail).toContain('notify');
    expect((await s.post(`/api/flow_run_notification_policies/${randomUUID()}/test`)).status).toBe(404);
  });
});

describe('failure logs', () => {
  it('name the policy, status and error class, never the URL or secrets', async () => {
    const server = await startTestServer({ ...FAST, SYNTASK_NOTIFICATIONS_ENABLED: 'false', SYNTASK_NOTIFICATIONS_RETRIES: '1' });
    const lines: unknown[] = [];
    const capture = (...args: unknown[]) => lines.push(args);
    const log = { info: capture, warn: capture, error: capture, debug: capture } as unknown as FastifyBaseLogger;
    const service = new NotificationService(server.ctx, log);
    service.start();
    try {
      receiver.respondWith([], 500);
      const block = await blockDocument(server, 'custom-webhook-notification', { url: `${receiver.url}/logged-secret-path`, headers: { Authorization: 'Bearer {{token}}' }, secrets: { token: SECRET_TOKEN } });
      const p = await policy(server, { block_document_id: block });
      const run = await runningFlowRun(server);
      await setFlowState(server, run.id, { type: 'COMPLETED' });
      await receiver.waitFor(2 * 2);
      await settle(300);
      const text = JSON.stringify(lines);
      expect(text).toContain(p.id);
      expect(text).toContain('"status":500');
      expect(text).toContain('HTTPStatusError');
      expect(text).not.toContain('logged-secret-path');
      expect(text).not.toContain(SECRET_TOKEN);
      expect(text).not.toContain(receiver.url);
    } finally {
      await service.stop();
      await server.close();
    }
    // Starts its own server: slow on a busy machine.
  }, 90_000);
});
