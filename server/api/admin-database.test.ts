import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlow, runningFlowRun } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { dropWouldOpenServer } from './admin-database.ts';

const ADMIN = { authorization: `Basic ${Buffer.from('admin:correct-horse-battery').toString('base64')}` };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const count = async (s: TestServer, path: string, headers: Record<string, string> = {}) => (await s.post(path, {}, headers)).body;

/** A bit of everything a user makes: flows, runs, logs, a pool, a variable, a block document, a limit. */
async function seed(s: TestServer, headers: Record<string, string> = {}) {
  const post = (path: string, body: unknown) => s.post(path, body, headers);
  const flow = (await post('/api/flows/', { name: 'seeded' })).body;
  const run = (await post('/api/flow_runs/', { flow_id: flow.id })).body;
  await post('/api/logs/', [{ name: 'l', level: 20, message: 'hello', timestamp: '2026-01-01T00:00:00Z', flow_run_id: run.id }]);
  await post('/api/work_pools/', { name: 'seeded-pool', type: 'process' });
  await post('/api/work_queues/', { name: 'seeded-queue' });
  await post('/api/variables/', { name: 'seeded_var', value: 'v' });
  await post('/api/concurrency_limits/', { tag: 'seeded', concurrency_limit: 1 });
  const type = (await s.get('/api/block_types/slug/string', headers)).body;
  const schema = (await post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  expect((await post('/api/block_documents/', { name: 'seeded-doc', data: { value: 'x' }, block_type_id: type.id, block_schema_id: schema.id })).status).toBe(201);
  return { flow, run };
}

describe('admin database actions need {confirm: true} (contract §3.16)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers 400 without confirmation and changes nothing; 422 for a non-boolean', async () => {
    await makeFlow(s, 'kept');
    for (const action of ['clear', 'drop', 'create']) {
      for (const body of [{}, { confirm: false }, undefined]) {
        const res = body === undefined ? await s.request('POST', `/api/admin/database/${action}`) : await s.post(`/api/admin/database/${action}`, body);
        expect(res.status, `${action} ${JSON.stringify(body)}`).toBe(400);
        expect(res.body.detail).toMatch(/confirm/);
      }
      expect((await s.post(`/api/admin/database/${action}`, { confirm: 'yes' })).status).toBe(422);
    }
    expect(await count(s, '/api/flows/count')).toBe(1);
  });

  it('drop removes every table, create brings back an empty, working database', async () => {
    await runningFlowRun(s);
    const drop = await s.post('/api/admin/database/drop', { confirm: true });
    expect(drop.status).toBe(204);
    expect(drop.text).toBe('');
    expect((await s.post('/api/flows/filter', {})).status).toBeGreaterThanOrEqual(500);
    // Dropping a dropped database is fine too.
    expect((await s.post('/api/admin/database/drop', { confirm: true })).status).toBe(204);
    expect((await s.post('/api/admin/database/create', { confirm: true })).status).toBe(204);
    expect(await s.post('/api/flows/filter', {})).toMatchObject({ status: 200, body: [] });
    expect((await s.get('/api/block_types/slug/secret')).body).toMatchObject({ slug: 'secret', is_protected: true });
    const { run } = await seed(s);
    expect((await s.get(`/api/flow_runs/${run.id}`)).status).toBe(200);
    // create on an existing database is a no-op.
    expect((await s.post('/api/admin/database/create', { confirm: true })).status).toBe(204);
    expect(await count(s, '/api/flows/count')).toBe(1);
  });
});

describe('clear keeps accounts, sessions, API keys and the audit log', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: 'admin:correct-horse-battery' });
  });
  afterAll(() => s.close());

  it('deletes all other data, reinstalls the built-in block types, and the admin stays signed in', async () => {
    const user = (await s.post('/api/users/', { name: 'ops', password: 'a-long-password-1', role: 'operator' }, ADMIN)).body;
    const key = (await s.post('/api/api_keys/', { name: 'ci', role: 'admin' }, ADMIN)).body;
    const { run } = await seed(s, bearer(key.key));
    expect((await s.post('/api/task_runs/', { flow_run_id: run.id, task_key: 't', dynamic_key: '0' }, bearer(key.key))).status).toBe(201);

    const res = await s.post('/api/admin/database/clear', { confirm: true }, bearer(key.key));
    expect(res.status).toBe(204);

    const headers = bearer(key.key);
    for (const path of ['/api/flows/count', '/api/flow_runs/count', '/api/task_runs/count', '/api/variables/count', '/api/work_pools/count', '/api/logs/count', '/api/block_documents/count']) {
      expect(await count(s, path, headers), path).toBe(0);
    }
    expect((await s.post('/api/work_queues/filter', {}, headers)).body).toEqual([]);
    expect((await s.post('/api/concurrency_limits/filter', {}, headers)).body).toEqual([]);
    expect((await s.get('/api/block_types/slug/secret', headers)).body).toMatchObject({ slug: 'secret', is_protected: true });
    // Who may sign in, and the record of what they did, are still there.
    expect((await s.get('/api/users/', ADMIN)).body.map((u: { id: string }) => u.id)).toEqual([user.id]);
    expect((await s.get('/api/api_keys/', ADMIN)).body.map((k: { id: string }) => k.id)).toContain(key.id);
    const audit = (await s.post('/api/audit_log/filter', {}, ADMIN)).body.map((e: { operation: string }) => e.operation);
    expect(audit).toEqual(expect.arrayContaining(['createUser', 'createApiKey', 'createFlow', 'clearDatabase']));
    expect((await s.post('/api/auth/login', { name: 'ops', password: 'a-long-password-1' })).status).toBe(204);
  });

  it('drop needs admin like every database action', async () => {
    const operator = (await s.post('/api/api_keys/', { name: 'op', role: 'operator' }, ADMIN)).body;
    expect((await s.post('/api/admin/database/drop', { confirm: true }, bearer(operator.key))).status).toBe(403);
    expect((await s.post('/api/admin/database/clear', { confirm: true }, bearer(operator.key))).status).toBe(403);
    expect((await s.post('/api/admin/database/clear', { confirm: true })).status).toBe(401);
  });
});

describe('drop refuses to leave an exposed server without sign-in', () => {
  const exposed = { host: '0.0.0.0', authString: '', allowUnauthenticated: false };
  it('only when the accounts are what sign-in rests on and the server listens beyond loopback', () => {
    expect(dropWouldOpenServer(exposed, true)).toBe(true);
    expect(dropWouldOpenServer(exposed, false)).toBe(false);
    expect(dropWouldOpenServer({ ...exposed, host: '127.0.0.1' }, true)).toBe(false);
    expect(dropWouldOpenServer({ ...exposed, authString: 'admin:pw' }, true)).toBe(false);
    expect(dropWouldOpenServer({ ...exposed, allowUnauthenticated: true }, true)).toBe(false);
  });
});
