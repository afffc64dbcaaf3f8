import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueNotifications } from '../db/notification-policies.ts';
import { nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { LATE_RUN_POLICY } from '../orchestration/policies.ts';
import { setRunState } from '../orchestration/set-state.ts';
import { makeFlowRun, isoIn, runningFlowRun, setFlowState } from '../testing/fixtures.ts';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../testing/http-receiver.ts';
import { openEventStream } from '../testing/sse.ts';
import { feedApplicationName } from './change-feed.ts';
import { markLateRuns } from './late-runs.ts';

/** Two server replicas on one PostgreSQL schema (issue 15): background work once, live changes everywhere. */

const FAST = { SYNTASK_NOTIFICATIONS_RETRY_DELAY_SECONDS: '0.05', SYNTASK_NOTIFICATIONS_POLL_INTERVAL_SECONDS: '0.2', SYNTASK_NOTIFICATIONS_TIMEOUT_SECONDS: '5' };

let a: TestServer;
let b: TestServer;
let receiver: Receiver;

const statesOf = async (s: TestServer, id: string) => (await s.get(`/api/flow_run_states/?flow_run_id=${id}`)).body as { type: string; name: string }[];
const settle = (ms = 500) => new Promise((r) => setTimeout(r, ms));

async function overdueRuns(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await makeFlowRun(a, { state: { type: 'SCHEDULED', state_details: { scheduled_time: isoIn(-60) } } })).id);
  return ids;
}

async function webhookPolicy(s: TestServer, path: string, stateNames: string[]) {
  const type = (await s.get('/api/block_types/slug/webhook')).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  const doc = (await s.post('/api/block_documents/', { name: `hook-${randomUUID().slice(0, 8)}`, data: { url: `${receiver.url}${path}` }, block_schema_id: schema.id, block_type_id: type.id })).body;
  return (await s.post('/api/flow_run_notification_policies/', { block_document_id: doc.id, state_names: stateNames })).body as { id: string };
}

describe.skipIf(testDialect() !== 'postgres')('server replicas on one PostgreSQL', () => {
  beforeAll(async () => {
    a = await startTestServer(FAST);
    b = await startTestServer(FAST, { replicaOf: a });
    receiver = await startReceiver();
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await receiver?.close();
  });

  it('start together on an empty schema: migrations and the block catalog run once, both come up', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    // An empty schema, as an operator provides one: replicas race on migrations and seeding, not on creating it.
    const admin = new pg.Client({ connectionString: process.env.SYNTASK_TEST_POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const [x, y] = await Promise.all([startTestServer({}, { pgSchema: schema }), startTestServer({}, { pgSchema: schema })]);
    try {
      const slugs = (await x.post('/api/block_types/filter', {})).body.map((t: { slug: string }) => t.slug);
      expect(slugs).toContain('webhook');
      expect(new Set(slugs).size).toBe(slugs.length);
      expect((await y.post('/api/block_types/filter', {})).body).toHaveLength(slugs.length);
      const migrations = await x.ctx.db.kysely.selectFrom('syntask_migration' as never).select('name' as never).execute();
      expect(new Set(migrations.map((m) => (m as { name: string }).name)).size).toBe(migrations.length);
    } finally {
      await y.close();
      await x.close();
    }
  }, 180_000);

  it('late-runs passes started on both at once mark each overdue run Late exactly once', async () => {
    const ids = await overdueRuns(12);
    await Promise.all([a.services.get('late_runs').runOnce(), b.services.get('late_runs').runOnce()]);
    // Claims alone (no service lock): two passes at once still split the runs.
    const more = await overdueRuns(12);
    const [x, y] = await Promise.all([markLateRuns(a.ctx), markLateRuns(b.ctx)]);
    expect(x + y).toBeGreaterThanOrEqual(more.length);
    await Promise.all([a.services.get('late_runs').runOnce(), b.services.get('late_runs').runOnce()]);
    for (const id of [...ids, ...more]) {
      const late = (await statesOf(a, id)).filter((s) => s.name === 'Late');
      expect(late, id).toHaveLength(1);
    }
  });

  it('a late-run proposal on a run that is already Late writes nothing', async () => {
    const [id] = await overdueRuns(1);
    await markLateRuns(a.ctx);
    const again = await setRunState(b.ctx, 'flow', id, newState('SCHEDULED', 'Late', nowMicros(), { details: { scheduled_time: isoIn(-60) } }), { policy: LATE_RUN_POLICY });
    expect(again.written).toBe(false);
    expect(again.result.status).toBe('REJECT');
    expect((await statesOf(a, id)).map((s) => s.name)).toEqual(['Scheduled', 'Late']);
  });

  it('concurrent claims hand each queued notification to one poller', async () => {
    const policy = await webhookPolicy(a, '/never', ['Never']);
    const run = await runningFlowRun(a);
    const stateId = (await a.get(`/api/flow_runs/${run.id}`)).body.state.id;
    const now = nowMicros();
    const rows = Array.from({ length: 40 }, () => ({ id: randomUUID(), created: now, updated: now, flow_run_notification_policy_id: policy.id, flow_run_state_id: stateId, attempts: 0, next_attempt_at: now + 60e6, locked_until: null }));
    await a.ctx.db.kysely.insertInto('flow_run_notification_queue').values(rows).execute();
    const later = now + 61e6;
    const claims = await Promise.all([a, b, a, b].map((s) => claimDueNotifications(s.ctx.db.kysely, 'postgres', later, later + 60e6, 15)));
    const claimed = claims.flat().map((r) => r.id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(claimed.length).toBe(40);
    await a.ctx.db.kysely.deleteFrom('flow_run_notification_queue').where('id', 'in', rows.map((r) => r.id)).execute();
  });

  it('each notification is delivered once by one of the replicas, and a lapsed lease is taken over with the same delivery id', async () => {
    receiver.requests.length = 0;
    await webhookPolicy(a, '/done', ['Completed']);
    const runs = await Promise.all(Array.from({ length: 10 }, () => runningFlowRun(a)));
    await Promise.all(runs.map((r, i) => setFlowState(i % 2 ? a : b, r.id, { type: 'COMPLETED' })));
    await receiver.waitFor(10);
    await settle(800);
    const done = receiver.requests.filter((r) => r.path === '/done');
    expect(done).toHaveLength(10);
    expect(new Set(done.map((r) => r.headers['syntask-delivery-id'])).size).toBe(10);

    // A replica that died after claiming: its lease runs out, another sends the same message.
    const run = await runningFlowRun(a);
    const stateId = (await a.get(`/api/flow_runs/${run.id}`)).body.state.id;
    const policy = await webhookPolicy(a, '/taken-over', ['Never']);
    const id = randomUUID();
    const now = nowMicros();
    await a.ctx.db.kysely
      .insertInto('flow_run_notification_queue')
      .values({ id, created: now, updated: now, flow_run_notification_policy_id: policy.id, flow_run_state_id: stateId, attempts: 1, next_attempt_at: now, locked_until: now - 1 })
      .execute();
    await receiver.waitFor(11, 5000);
    const taken = receiver.requests.filter((r) => r.path === '/taken-over');
    expect(taken.map((r) => r.headers['syntask-delivery-id'])).toEqual([id]);
  });

  it('a state written through B reaches a stream on A within a second, once; logs too', async () => {
    const run = await runningFlowRun(a);
    const stream = await openEventStream(`${a.url}/api/ui/flow_runs/${run.id}/stream`);
    try {
      const sent = Date.now();
      await setFlowState(b, run.id, { type: 'COMPLETED' });
      await stream.waitFor((e) => e.some((x) => x.event === 'state' && x.data.state.type === 'COMPLETED'), 1000);
      expect(Date.now() - sent).toBeLessThan(1000);
      await b.post('/api/logs/', [{ name: 'x', level: 20, message: 'via b', timestamp: new Date().toISOString(), flow_run_id: run.id }]);
      await stream.waitFor((e) => e.some((x) => x.event === 'logs'), 1000);
      // A's own writes are not repeated by the feed.
      await setFlowState(a, run.id, { type: 'RUNNING' }, true);
      await settle(300);
      const states = stream.events.filter((e) => e.event === 'state').map((e) => e.data.state.type);
      expect(states).toEqual(['COMPLETED', 'RUNNING']);
    } finally {
      await stream.close();
    }
  });

  it('a write through B reaches the change stream on A within a second', async () => {
    const stream = await openEventStream(`${a.url}/api/ui/stream`);
    try {
      const sent = Date.now();
      const created = await b.post('/api/variables/', { name: `v_${randomUUID().slice(0, 8)}`, value: 'one' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await stream.waitFor((e) => e.some((x) => x.event === 'changed' && x.data.resources.includes('variables')), 1000);
      expect(Date.now() - sent).toBeLessThan(1000);
    } finally {
      await stream.close();
    }
  });

  it('after the feed\'s connection is cut, streams get one reset and changes flow again', async () => {
    const run = await runningFlowRun(a);
    const stream = await openEventStream(`${a.url}/api/ui/flow_runs/${run.id}/stream`);
    try {
      const admin = new pg.Client({ connectionString: process.env.SYNTASK_TEST_POSTGRES_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [feedApplicationName(a.pgSchema)]);
      await admin.end();
      await stream.waitFor((e) => e.some((x) => x.event === 'reset'), 5000);
      await setFlowState(b, run.id, { type: 'COMPLETED' });
      await stream.waitFor((e) => e.some((x) => x.event === 'state' && x.data.state.type === 'COMPLETED'), 2000);
      expect(stream.events.filter((e) => e.event === 'reset').length).toBeGreaterThanOrEqual(1);
    } finally {
      await stream.close();
    }
  });

  it('an event stored through one replica reaches /api/events/out subscribers of the other', async () => {
    const label = randomUUID();
    const socket = new WebSocket(b.url.replace(/^http/, 'ws') + '/api/events/out', 'syntask');
    const received: { type: string; event?: { id: string } }[] = [];
    socket.on('message', (data) => received.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'auth', token: null }));
    socket.send(JSON.stringify({ type: 'filter', filter: { resource: { labels: { batch: label } }, occurred: { since: isoIn(-60), until: isoIn(3600) } }, backfill: false }));
    await settle(300);
    const event = { occurred: new Date().toISOString(), event: 'acme.replica.test', resource: { 'syntask.resource.id': 'acme.r.1', batch: label }, id: randomUUID() };
    expect((await a.post('/api/events', [event])).status).toBe(204);
    const deadline = Date.now() + 5000;
    while (!received.some((m) => m.event?.id === event.id) && Date.now() < deadline) await settle(50);
    socket.close();
    expect(received.filter((m) => m.type === 'event').map((m) => m.event!.id)).toEqual([event.id]);
  });
});
