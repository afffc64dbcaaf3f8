import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventAt as event } from '../testing/event-clock.ts';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.ts';
import { startReceiver, type Receiver } from '../testing/http-receiver.ts';
import { blockDocument } from '../testing/fixtures.ts';

/**
 * Evaluation state lives in the database: a server that restarts mid-window keeps counting,
 * and servers sharing one database act once per firing (SQLite file or PostgreSQL schema).
 */

let owner: TestServer;
let receiver: Receiver;
const open: TestServer[] = [];

/** Another server on the owner's database. */
async function sibling(): Promise<TestServer> {
  const s = testDialect() === 'postgres' ? await startTestServer({}, { replicaOf: owner }) : await startTestServer({ SYNTASK_API_DATABASE_CONNECTION_URL: owner.ctx.settings.databaseUrl });
  open.push(s);
  return s;
}

beforeAll(async () => {
  owner = await startTestServer();
  receiver = await startReceiver();
}, 120_000);
afterAll(async () => {
  for (const s of open) await s.close();
  await owner.close();
  await receiver.close();
});


async function webhookAutomation(s: TestServer, kind: string, threshold: number) {
  const hook = await blockDocument(s, 'webhook', { url: `${receiver.url}/${kind}` });
  const res = await s.post('/api/automations/', { name: kind, trigger: { type: 'event', posture: 'Reactive', expect: [kind], threshold, within: 600 }, actions: [{ type: 'call-webhook', block_document_id: hook, payload: '{{ event.id }}' }] });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

const calls = (kind: string) => receiver.requests.filter((r) => r.path === `/${kind}`);

describe('automation state in the database', () => {
  it('keeps counting across a restart: two events before, one after, one firing', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const first = await sibling();
    const id = await webhookAutomation(first, kind, 3);
    expect((await first.post('/api/events', [event(kind, 0), event(kind, 10)])).status).toBe(204);
    await first.ctx.automations.settle();
    await first.close();
    open.splice(open.indexOf(first), 1);

    const second = await sibling();
    expect((await second.post('/api/events', [event(kind, 20)])).status).toBe(204);
    await second.ctx.automations.settle();
    expect(calls(kind)).toHaveLength(1);
    expect((await second.get(`/api/automations/${id}/firings`)).body).toHaveLength(1);
  });

  // Replicas on SQLite are separate processes (SQLite's lock wait blocks a whole process): this runs on PostgreSQL.
  it.skipIf(testDialect() !== 'postgres')('two servers evaluating one database fire and act once', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const [x, y] = [await sibling(), await sibling()];
    const id = await webhookAutomation(x, kind, 4);
    // Events through both; both evaluate and run actions at the same time, twice over.
    await y.ctx.automations.reload();
    expect((await x.post('/api/events', [event(kind, 0), event(kind, 1)])).status).toBe(204);
    expect((await y.post('/api/events', [event(kind, 2), event(kind, 3)])).status).toBe(204);
    for (let round = 0; round < 2; round++) await Promise.all([x.ctx.automations.settle(), y.ctx.automations.settle()]);
    expect(calls(kind)).toHaveLength(1);
    const fired = (await x.get(`/api/automations/${id}/firings`)).body;
    expect(fired).toHaveLength(1);
    expect(fired[0].actions[0].status).toBe('executed');
  });
});
