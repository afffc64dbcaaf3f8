import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeFlow, makeFlowRun, setFlowState } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
const wsUrl = (server: TestServer, path: string) => server.url.replace(/^http/, 'ws') + path;
const event = (over: Record<string, unknown> = {}) => ({
  occurred: new Date().toISOString(),
  event: 'acme.thing.happened',
  resource: { 'syntask.resource.id': `acme.thing.${randomUUID()}` },
  id: randomUUID(),
  ...over,
});

/** A websocket client that keeps every message and how it closed. */
function connect(url: string, protocols?: string | string[], headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, protocols, { headers });
  const messages: Record<string, unknown>[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const opened = new Promise<number>((resolve, reject) => {
    socket.on('open', () => resolve(101));
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', (err) => (socket.readyState === socket.CLOSED ? undefined : reject(err)));
  });
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const waitFor = async (n: number, ms = 5000) => {
    const end = Date.now() + ms;
    while (messages.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return messages;
  };
  return { socket, messages, closed, opened, waitFor };
}

async function subscribe(filter: Record<string, unknown>, backfill = true) {
  const c = connect(wsUrl(s, '/api/events/out'), 'syntask');
  expect(await c.opened).toBe(101);
  expect(c.socket.protocol).toBe('syntask');
  c.socket.send(JSON.stringify({ type: 'auth', token: null }));
  await c.waitFor(1);
  expect(c.messages[0]).toEqual({ type: 'auth_success' });
  c.socket.send(JSON.stringify({ type: 'filter', filter, backfill }));
  return c;
}

const future = () => new Date(Date.now() + 3_600_000).toISOString();

describe('/api/events/out (A3.3)', () => {
  it('backfills stored matches oldest first, then streams live ones without duplicates', async () => {
    const label = randomUUID();
    const stored = [1, 2, 3].map((i) => event({ occurred: new Date(Date.now() - (10 - i) * 1000).toISOString(), resource: { 'syntask.resource.id': `acme.b.${i}`, batch: label } }));
    await s.post('/api/events', stored);
    const c = await subscribe({ resource: { labels: { batch: label } }, occurred: { since: new Date(Date.now() - 60_000).toISOString(), until: future() } });
    await c.waitFor(4);
    expect(c.messages.slice(1).map((m) => (m.event as { id: string }).id)).toEqual(stored.map((e) => e.id));
    const live = event({ resource: { 'syntask.resource.id': 'acme.b.4', batch: label } });
    const other = event({ resource: { 'syntask.resource.id': 'acme.b.5', batch: 'other' } });
    await s.post('/api/events', [live, other, stored[0]]);
    await c.waitFor(5);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.messages.slice(1).map((m) => (m.event as { id: string }).id)).toEqual([...stored.map((e) => e.id), live.id]);
    expect(c.messages[4]).toMatchObject({ type: 'event', event: { id: live.id, resource: live.resource, received: expect.any(String) } });
    c.socket.close();
  });

  it('keeps the quirk: without a future `until`, live events after the subscription are not sent', async () => {
    const label = randomUUID();
    const c = await subscribe({ resource: { labels: { batch: label } } }, false);
    await new Promise((r) => setTimeout(r, 100));
    await s.post('/api/events', [event({ occurred: future(), resource: { 'syntask.resource.id': 'acme.q.1', batch: label } })]);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.messages).toHaveLength(1);
    c.socket.close();
  });

  it('closes on protocol errors: no subprotocol 1002, no auth 1008, no filter 1002, a bad filter 1002', async () => {
    const none = connect(wsUrl(s, '/api/events/out'));
    expect((await none.closed).code).toBe(1002);
    const noAuth = connect(wsUrl(s, '/api/events/out'), 'syntask');
    await noAuth.opened;
    noAuth.socket.send(JSON.stringify({ type: 'filter' }));
    expect(await noAuth.closed).toEqual({ code: 1008, reason: "Expected 'auth' message" });
    const noFilter = connect(wsUrl(s, '/api/events/out'), 'syntask');
    await noFilter.opened;
    noFilter.socket.send(JSON.stringify({ type: 'auth', token: 'x' }));
    noFilter.socket.send(JSON.stringify({ type: 'subscribe' }));
    expect(await noFilter.closed).toEqual({ code: 1002, reason: "Expected 'filter' message" });
    const badFilter = connect(wsUrl(s, '/api/events/out'), 'syntask');
    await badFilter.opened;
    badFilter.socket.send(JSON.stringify({ type: 'auth', token: null }));
    badFilter.socket.send(JSON.stringify({ type: 'filter', filter: { resource: { nope: 1 } } }));
    const bad = await badFilter.closed;
    expect(bad.code).toBe(1002);
    expect(bad.reason).toMatch(/^Invalid filter: /);
  });
});

describe('/api/events/in (A3)', () => {
  it('stores one event per frame; an invalid frame ends the connection', async () => {
    const c = connect(wsUrl(s, '/api/events/in'));
    expect(await c.opened).toBe(101);
    const sent = [event(), event()];
    for (const e of sent) c.socket.send(JSON.stringify(e));
    c.socket.send(JSON.stringify({ ...event(), resource: {} }));
    expect((await c.closed).code).toBe(1007);
    await s.ctx.eventLog.drain();
    const found = await s.post('/api/events/filter', { filter: { id: { id: sent.map((e) => e.id) } } });
    expect(found.body.total).toBe(2);
  });
});

describe('a bad event does not cost anyone else theirs', () => {
  it('a frame with text the database cannot store closes that socket; events published beside it are stored', async () => {
    const c = connect(wsUrl(s, '/api/events/in'));
    await c.opened;
    const good = event();
    c.socket.send(`{"occurred":"${new Date().toISOString()}","event":"bad\\u0000name","resource":{"syntask.resource.id":"acme.nul.1"},"id":"${randomUUID()}"}`);
    const posted = s.post('/api/events', [good]);
    expect((await c.closed).code).toBe(1007);
    expect((await posted).status).toBe(204);
    expect((await s.post('/api/events/filter', { filter: { id: { id: [good.id] } } })).body.total).toBe(1);
  });

  it('a subscriber that never sends auth and filter is closed', async () => {
    const c = connect(wsUrl(s, '/api/events/out'), 'syntask');
    await c.opened;
    const closed = await Promise.race([c.closed, new Promise((r) => setTimeout(() => r('still open'), 11_500))]);
    expect(closed).toEqual({ code: 1008, reason: 'Expected auth and filter messages within 10 seconds' });
  }, 15_000);
});

describe('who may use the event routes', () => {
  it('refuses a page on another site (cross-site websocket hijacking) and callers without the role', async () => {
    const guarded = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: 'root:correct horse battery' });
    try {
      const admin = basic('root:correct horse battery');
      const foreign = connect(wsUrl(guarded, '/api/events/out'), 'syntask', { ...admin, origin: 'https://evil.example' });
      expect(await foreign.opened).toBe(403);
      const anonymous = connect(wsUrl(guarded, '/api/events/in'));
      expect(await anonymous.opened).toBe(401);
      expect((await guarded.post('/api/events', [event()])).status).toBe(401);
      expect((await guarded.post('/api/events/filter', {})).status).toBe(401);
      await guarded.request('POST', '/api/users/', { name: 'vera', password: 'vera-password-1', role: 'viewer' }, admin);
      const login = await guarded.post('/api/auth/login', { name: 'vera', password: 'vera-password-1' });
      const viewer = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] };
      expect((await guarded.request('POST', '/api/events', [event()], viewer)).status).toBe(403);
      expect((await guarded.request('POST', '/api/events/filter', {}, viewer)).status).toBe(200);
      const viewerIn = connect(wsUrl(guarded, '/api/events/in'), undefined, viewer);
      expect(await viewerIn.opened).toBe(403);
      const own = connect(wsUrl(guarded, '/api/events/out'), 'syntask', { ...viewer, origin: guarded.url });
      expect(await own.opened).toBe(101);
      own.socket.close();
    } finally {
      await guarded.close();
    }
  });

  it('an operator demoted while connected to /in is disconnected', async () => {
    const guarded = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: 'root:correct horse battery' });
    try {
      const admin = basic('root:correct horse battery');
      const otto = (await guarded.request('POST', '/api/users/', { name: 'otto', password: 'otto-password-1', role: 'operator' }, admin)).body;
      const login = await guarded.post('/api/auth/login', { name: 'otto', password: 'otto-password-1' });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
      const c = connect(wsUrl(guarded, '/api/events/in'), undefined, { cookie, origin: guarded.url });
      expect(await c.opened).toBe(101);
      expect((await guarded.request('PATCH', `/api/users/${otto.id}`, { role: 'viewer' }, admin)).status).toBe(204);
      expect(await c.closed).toEqual({ code: 1008, reason: 'This needs the operator role' });
    } finally {
      await guarded.close();
    }
  }, 20_000);

  it('answers 404 with the addendum detail when events are off, and records none', async () => {
    const off = await startTestServer({ SYNTASK_EXPERIMENTAL_EVENTS: 'false' });
    try {
      const detail = { detail: 'Events are not enabled. Please enable the SYNTASK_EXPERIMENTAL_EVENTS setting.' };
      expect(await off.post('/api/events', [event()])).toMatchObject({ status: 404, body: detail });
      expect(await off.post('/api/events/filter', { limit: 999 })).toMatchObject({ status: 404, body: detail });
      expect(await off.get('/api/events/filter/next?page-token=x')).toMatchObject({ status: 404, body: detail });
      expect(await off.post('/api/events/count-by/day', { filter: {} })).toMatchObject({ status: 404, body: detail });
      expect(await connect(wsUrl(off, '/api/events/out'), 'syntask').opened).toBe(404);
      const run = await makeFlowRun(off);
      await setFlowState(off, run.id, { type: 'RUNNING' });
      await off.ctx.eventLog.drain();
      expect(Number((await off.ctx.db.kysely.selectFrom('event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    } finally {
      await off.close();
    }
  });
});

describe('flow run state events (A2.2)', () => {
  it('emits one event per written state with the resource, related resources, payload and follows', async () => {
    const flow = await makeFlow(s, `etl-${randomUUID().slice(0, 6)}`, ['team-a']);
    const run = await makeFlowRun(s, { flow_id: flow.id, name: 'crimson-fox', tags: ['prod', 'team-a'], state: { type: 'PENDING' }, empirical_policy: { retries: 1, retry_delay: 0 } });
    expect((await setFlowState(s, run.id, { type: 'RUNNING' })).body.status).toBe('ACCEPT');
    // A failure with retries left is REJECTed and AwaitingRetry written instead.
    const failed = await setFlowState(s, run.id, { type: 'FAILED', message: 'bad row' });
    expect(failed.body.state.name).toBe('AwaitingRetry');
    await s.ctx.eventLog.drain();
    const page = await s.post('/api/events/filter', { filter: { resource: { id: [`syntask.flow-run.${run.id}`] }, order: 'ASC' } });
    expect(page.body.events.map((e: { event: string }) => e.event)).toEqual(['syntask.flow-run.Pending', 'syntask.flow-run.Running', 'syntask.flow-run.AwaitingRetry']);
    const [pending, running, retry] = page.body.events;
    expect(running.id).toBe((await s.get(`/api/flow_run_states/?flow_run_id=${run.id}`)).body.find((st: { name: string }) => st.name === 'Running').id);
    expect(running.follows).toBe(pending.id);
    expect(pending.follows).toBeNull();
    expect(running.resource).toEqual({
      'syntask.resource.id': `syntask.flow-run.${run.id}`,
      'syntask.resource.name': 'crimson-fox',
      'syntask.state-message': '',
      'syntask.state-name': 'Running',
      'syntask.state-timestamp': running.occurred,
      'syntask.state-type': 'RUNNING',
    });
    expect(running.related).toEqual([
      { 'syntask.resource.id': `syntask.flow.${flow.id}`, 'syntask.resource.role': 'flow', 'syntask.resource.name': flow.name },
      { 'syntask.resource.id': 'syntask.tag.prod', 'syntask.resource.role': 'tag' },
      { 'syntask.resource.id': 'syntask.tag.team-a', 'syntask.resource.role': 'tag' },
    ]);
    expect(running.payload).toEqual({ intended: { from: 'PENDING', to: 'RUNNING' }, initial_state: { type: 'PENDING', name: 'Pending' }, validated_state: { type: 'RUNNING', name: 'Running' } });
    expect(pending.payload).toEqual({ intended: { from: null, to: 'PENDING' }, validated_state: { type: 'PENDING', name: 'Pending' } });
    expect(retry.payload.intended).toEqual({ from: 'RUNNING', to: 'FAILED' });
    expect(retry.payload.validated_state).toMatchObject({ type: 'SCHEDULED', name: 'AwaitingRetry' });
  });
});
