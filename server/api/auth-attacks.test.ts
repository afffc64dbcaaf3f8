import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskUrlPassword } from '../settings.ts';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.ts';
import { rawRequest } from '../testing/raw-request.ts';

// Test files share a worker's module graph: a failed test must not leave the clock frozen for the next file.
afterEach(() => vi.useRealTimers());

// The attacks of a review of the security layer, each replayed against a real server.
const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const ADMIN = 'root:correct horse battery';

async function session(s: TestServer, name: string, password: string, client = `c-${name}`) {
  const res = await s.post('/api/auth/login', { name, password });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const token = (await s.get(`/api/csrf-token?client=${client}`, { cookie })).body.token as string;
  return { cookie, read: { cookie }, write: { cookie, 'syntask-csrf-token': token, 'syntask-csrf-client': client } };
}

describe('sign-in attacks', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    for (const [name, role] of [['alice', 'admin'], ['oscar', 'operator'], ['vera', 'viewer']]) {
      await s.request('POST', '/api/users/', { name, password: `${name}-password-1`, role }, basic(ADMIN));
    }
  });
  afterAll(() => s.close());

  it("a key never outranks its creator: demoting the creator demotes the key, deleting them revokes it", async () => {
    const mallory = (await s.request('POST', '/api/users/', { name: 'mallory', password: 'mallory-password', role: 'admin' }, basic(ADMIN))).body;
    const m = await session(s, 'mallory', 'mallory-password');
    const key = (await s.post('/api/api_keys/', { name: 'backdoor' }, m.write)).body.key as string;
    expect((await s.request('GET', '/api/users/', undefined, bearer(key))).status).toBe(200);
    await s.request('PATCH', `/api/users/${mallory.id}`, { role: 'viewer' }, basic(ADMIN));
    expect((await s.request('GET', '/api/users/', undefined, bearer(key))).status).toBe(403);
    expect((await s.get('/api/auth/me', bearer(key))).body.role).toBe('viewer');
    await s.request('DELETE', `/api/users/${mallory.id}`, undefined, basic(ADMIN));
    expect((await s.post('/api/flows/filter', {}, bearer(key))).status).toBe(401);
  });

  it('throttles guesses at the auth string per address', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() }); // the 1 s wait must not run out mid-test
    for (let i = 0; i < 5; i++) expect((await s.post('/api/flows/filter', {}, basic(`root:guess-${i}`))).status).toBe(401);
    const right = await s.post('/api/flows/filter', {}, basic(ADMIN));
    vi.useRealTimers();
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    await s.ctx.db.kysely.deleteFrom('login_throttle').execute();
  });

  it('counts parallel sign-in guesses before checking them', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => s.post('/api/auth/login', { name: 'vera', password: `parallel-guess-${i}` })));
    const checked = answers.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(6);
    expect(answers.filter((r) => r.status === 429).length).toBe(24 - checked);
    await s.ctx.db.kysely.deleteFrom('login_throttle').execute();
  });

  it('binds CSRF tokens to the session and asks for them on key changes too', async () => {
    const alice = await session(s, 'alice', 'alice-password-1', 'shared-client');
    const oscar = await session(s, 'oscar', 'oscar-password-1');
    // Oscar's cookie with Alice's client and token: refused; and Oscar cannot replace Alice's token.
    const borrowed = { cookie: oscar.cookie, 'syntask-csrf-token': alice.write['syntask-csrf-token'], 'syntask-csrf-client': 'shared-client' };
    expect((await s.post('/api/variables/', { name: 'borrowed', value: 'x' }, borrowed)).status).toBe(403);
    await s.get('/api/csrf-token?client=shared-client', oscar.read);
    expect((await s.post('/api/variables/', { name: 'alices', value: 'x' }, alice.write)).status).toBe(201);
    expect((await s.post('/api/api_keys/', { name: 'no-token' }, oscar.read)).status).toBe(403);
  });

  it('judges percent-encoded and absolute-form paths as the API they route to', async () => {
    const oscar = await session(s, 'oscar', 'oscar-password-1');
    const write = (path: string) => rawRequest(s.url, path, { host: new URL(s.url).host, cookie: oscar.cookie, 'content-type': 'application/json' }, 'POST', JSON.stringify({ name: 'sneaky', value: 'x' }));
    expect((await write('/%61pi/variables/')).status).toBe(403);
    expect((await write(`http://${new URL(s.url).host}/api/variables/`)).status).toBe(403);
    const cross = await rawRequest(s.url, '/%61pi/flows/filter', { host: new URL(s.url).host, origin: 'http://evil.test', 'content-type': 'application/json' }, 'POST', '{}');
    expect(cross.status).toBe(403);
    expect((await s.get('/api/variables/name/sneaky', basic(ADMIN))).status).toBe(404);
  });

  it('keeps job variables (a worker runs them) to admins', async () => {
    const flow = (await s.request('POST', '/api/flows/', { name: 'jv' }, basic(ADMIN))).body;
    const dep = (await s.request('POST', '/api/deployments/', { name: 'jv', flow_id: flow.id }, basic(ADMIN))).body;
    const oscar = await session(s, 'oscar', 'oscar-password-1');
    const denied = await s.post(`/api/deployments/${dep.id}/create_flow_run`, { job_variables: { command: 'id > /tmp/pwned' } }, oscar.write);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/job variables/);
    expect((await s.post(`/api/deployments/${dep.id}/create_flow_run`, {}, oscar.write)).status).toBe(201);
    expect((await s.request('POST', `/api/deployments/${dep.id}/create_flow_run`, { job_variables: { env: { A: '1' } } }, basic(ADMIN))).status).toBe(201);
  });

  it('a malformed cookie is no cookie; a password in a non-object body is never echoed', async () => {
    expect((await s.get('/api/health', { cookie: 'syntask_session=%E0%A4%A' })).status).toBe(200);
    expect((await s.post('/api/flows/filter', {}, { cookie: 'syntask_session=%E0%A4%A' })).status).toBe(401);
    const res = await s.request('POST', '/api/users/', [{ name: 'bob', password: 'Hunter2-SECRET', role: 'admin' }], basic(ADMIN));
    expect(res.status).toBe(422);
    expect(res.text).not.toContain('Hunter2-SECRET');
  });

  it('names keys after their maker in the audit log and records failed sign-ins', async () => {
    const oscar = await session(s, 'oscar', 'oscar-password-1');
    const key = (await s.post('/api/api_keys/', { name: 'root' }, oscar.write)).body.key as string;
    await s.post('/api/variables/', { name: 'by_key', value: 'x' }, bearer(key));
    await s.post('/api/auth/login', { name: 'alice', password: 'wrong-password-zz' });
    const entries = (await s.post('/api/audit_log/filter', { limit: 50 }, basic(ADMIN))).body as { actor: string; operation: string; outcome: string }[];
    expect(entries.find((e) => e.operation === 'createVariable')?.actor).toBe('oscar (key "root")');
    expect(entries.some((e) => e.operation === 'authLogin' && e.outcome === 'denied' && e.actor === 'anonymous')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('wrong-password-zz');
  });
});

describe.runIf(testDialect() === 'sqlite')('rotating the auth string', () => {
  it('ends the sessions made with the old one', async () => {
    const a = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    const b = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: 'root:rotated-password', SYNTASK_API_DATABASE_CONNECTION_URL: a.ctx.settings.databaseUrl });
    try {
      const cookie = ((await a.post('/api/auth/login', { name: 'root', password: 'correct horse battery' })).headers.get('set-cookie') ?? '').split(';')[0];
      expect((await a.get('/api/auth/me', { cookie })).status).toBe(200);
      expect((await b.get('/api/auth/me', { cookie })).status).toBe(401);
    } finally {
      await b.close();
      await a.close();
    }
  }, 60_000);
});

describe('response bounds and masking', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('counts a log page in encoded bytes (a control character is six)', async () => {
    const run = (await s.post('/api/flow_runs/', { flow_id: (await s.post('/api/flows/', { name: 'ctl' })).body.id })).body;
    const message = '\x01'.repeat(999_000);
    await s.post('/api/logs/', Array.from({ length: 3 }, (_, i) => ({ name: 'l', level: 20, message, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), flow_run_id: run.id })));
    const page = await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } });
    expect(page.body).toHaveLength(1);
    expect(page.headers.get('syntask-page-truncated')).toBe('1');
    expect(page.text.length).toBeLessThan(4 * 1024 * 1024 + 6 * 1_000_000);
  });

  it('stops an artifact page at the budget', async () => {
    const big = 'a'.repeat(900_000);
    for (let i = 0; i < 6; i++) await s.post('/api/artifacts/', { key: `big-${i}`, type: 'markdown', data: big });
    const page = await s.post('/api/artifacts/filter', {});
    expect(page.body.length).toBeLessThan(6);
    expect(page.headers.get('syntask-page-truncated')).toBe(String(page.body.length));
  });

  it('masks database passwords in every URL form', () => {
    expect(maskUrlPassword('postgresql+asyncpg://u:pw@h/db')).toBe('postgresql+asyncpg://u:********@h/db');
    expect(maskUrlPassword('postgresql://:pw@h/db')).toBe('postgresql://:********@h/db');
    expect(maskUrlPassword('postgresql://u@h/db?sslmode=require&password=pw')).toBe('postgresql://u@h/db?sslmode=require&password=********');
  });
});
