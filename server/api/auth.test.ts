import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.ts';

// Test files share a worker's module graph: a failed test must not leave the clock frozen for the next file.
afterEach(() => vi.useRealTimers());

const basic = (pair: string) => ({ authorization: `Basic ${Buffer.from(pair).toString('base64')}` });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const ADMIN = 'root:correct horse battery';

async function login(s: TestServer, name: string, password: string) {
  const res = await s.post('/api/auth/login', { name, password });
  const cookie = res.headers.get('set-cookie') ?? '';
  return { res, cookie: cookie.split(';')[0] };
}

/** A cookie session plus this client's CSRF token, as the dashboard holds them. */
async function session(s: TestServer, name: string, password: string) {
  const { cookie } = await login(s, name, password);
  const client = `c-${name}`;
  const token = (await s.get(`/api/csrf-token?client=${client}`, { cookie })).body.token as string;
  return { cookie, read: { cookie }, write: { cookie, 'syntask-csrf-token': token, 'syntask-csrf-client': client } };
}

describe('sign-in with SYNTASK_SERVER_API_AUTH_STRING and users', () => {
  let s: TestServer;
  let runId: string;
  let blockId: string;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    const admin = basic(ADMIN);
    for (const [name, role] of [['vera', 'viewer'], ['otto', 'operator'], ['ada', 'admin']]) {
      expect((await s.request('POST', '/api/users/', { name, password: `${name}-password-1`, role }, admin)).status).toBe(201);
    }
    const flow = (await s.request('POST', '/api/flows/', { name: 'guarded' }, admin)).body;
    runId = (await s.request('POST', '/api/flow_runs/', { flow_id: flow.id, state: { type: 'FAILED' } }, admin)).body.id;
    const type = (await s.request('POST', '/api/block_types/', { name: 'Vault', slug: 'vault' }, admin)).body;
    const schema = (await s.request('POST', '/api/block_schemas/', { block_type_id: type.id, fields: { properties: { token: { type: 'string', format: 'password', writeOnly: true } }, secret_fields: ['token'] }, capabilities: [] }, admin)).body;
    blockId = (await s.request('POST', '/api/block_documents/', { name: 'prod', block_type_id: type.id, block_schema_id: schema.id, data: { token: 'hunter2-secret' } }, admin)).body.id;
  });
  afterAll(() => s.close());

  it('answers 401 without credentials (no Basic challenge) and leaves health, version and ui-settings open', async () => {
    const res = await s.post('/api/flow_runs/filter', {});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    for (const path of ['/api/health', '/api/version', '/api/ready', '/ui-settings']) expect((await s.get(path)).status, path).toBe(200);
    expect((await s.get('/ui-settings')).body).toMatchObject({ auth_enabled: true, csrf_enabled: true });
    expect((await s.get('/api/auth/me')).status).toBe(401);
    expect((await s.post('/api/flow_runs/filter', {}, basic('root:wrong'))).status).toBe(401);
    expect((await s.post('/api/flow_runs/filter', {}, bearer('stk_not-a-key'))).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, Secure only over HTTPS; me and logout', async () => {
    const { res, cookie } = await login(s, 'vera', 'vera-password-1');
    expect(res.status).toBe(204);
    const flags = res.headers.get('set-cookie')!;
    expect(flags).toMatch(/HttpOnly/);
    expect(flags).toMatch(/SameSite=Strict/);
    expect(flags).not.toMatch(/Secure/);
    expect((await s.get('/api/auth/me', { cookie })).body).toEqual({ name: 'vera', role: 'viewer', kind: 'user', auth_enabled: true });
    expect((await s.post('/api/auth/logout', {}, { cookie })).status).toBe(204);
    expect((await s.get('/api/auth/me', { cookie })).status).toBe(401);
    expect((await s.post('/api/flow_runs/filter', {}, { cookie })).status).toBe(401);
  });

  it('enforces the role table: viewer reads, operator runs, admin configures', async () => {
    const vera = await session(s, 'vera', 'vera-password-1');
    const otto = await session(s, 'otto', 'otto-password-1');
    const ada = await session(s, 'ada', 'ada-password-1');
    const retry = { state: { type: 'SCHEDULED', name: 'AwaitingRetry' }, force: true };
    expect((await s.post('/api/flow_runs/filter', {}, vera.read)).status).toBe(200);
    const denied = await s.post(`/api/flow_runs/${runId}/set_state`, retry, vera.write);
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/operator role/);
    expect((await s.get(`/api/block_documents/${blockId}?include_secrets=true`, vera.read)).status).toBe(403);
    const masked = await s.get(`/api/block_documents/${blockId}`, vera.read);
    expect(masked.status).toBe(200);
    expect(masked.text).not.toContain('hunter2-secret');
    expect((await s.post(`/api/flow_runs/${runId}/set_state`, retry, otto.write)).status).toBe(201);
    expect((await s.request('PATCH', `/api/block_documents/${blockId}`, { data: { token: 'other' } }, otto.write)).status).toBe(403);
    expect((await s.get('/api/admin/settings', otto.read)).status).toBe(403);
    expect((await s.request('PATCH', `/api/block_documents/${blockId}`, { data: { token: 'rotated-secret' }, merge_existing_data: false }, ada.write)).status).toBe(204);
    expect((await s.get(`/api/block_documents/${blockId}?include_secrets=true`, ada.read)).body.data.token).toBe('rotated-secret');
  });

  it('automations: viewers read, operators trigger, admins manage; actions run with sign-in on', async () => {
    const admin = basic(ADMIN);
    const [vera, otto, ada] = [await session(s, 'vera', 'vera-password-1'), await session(s, 'otto', 'otto-password-1'), await session(s, 'ada', 'ada-password-1')];
    const flow = (await s.request('POST', '/api/flows/', { name: 'automated' }, admin)).body;
    const dep = (await s.request('POST', '/api/deployments/', { name: 'paused-by-automation', flow_id: flow.id }, admin)).body;
    const body = { name: 'pause on signal', trigger: { type: 'event', posture: 'Reactive', expect: ['acme.pause.please'] }, actions: [{ type: 'pause-deployment', deployment_id: dep.id }] };
    expect((await s.request('POST', '/api/automations/', body, vera.write)).status).toBe(403);
    expect((await s.request('POST', '/api/automations/', body, otto.write)).status).toBe(403);
    const created = await s.request('POST', '/api/automations/', body, ada.write);
    expect(created.status).toBe(201);
    expect((await s.request('GET', `/api/automations/${created.body.id}`, undefined, vera.read)).status).toBe(200);
    expect((await s.request('POST', '/api/automations/preview', { trigger: body.trigger }, vera.read)).status).toBe(200);
    expect((await s.request('PATCH', `/api/automations/${created.body.id}`, { enabled: false }, otto.write)).status).toBe(403);
    expect((await s.request('DELETE', `/api/automations/owned-by/syntask.deployment.${dep.id}`, undefined, otto.write)).status).toBe(403);
    // An operator's event triggers it; the action calls the API in-process and passes the sign-in check.
    const event = { occurred: new Date().toISOString(), event: 'acme.pause.please', resource: { 'syntask.resource.id': 'acme.x' }, id: crypto.randomUUID() };
    expect((await s.request('POST', '/api/events', [event], otto.write)).status).toBe(204);
    await s.ctx.automations.settle();
    expect((await s.request('GET', `/api/deployments/${dep.id}`, undefined, admin)).body.paused).toBe(true);
    const audit = (await s.request('POST', '/api/audit_log/filter', { resource_id: dep.id }, admin)).body as Record<string, unknown>[];
    expect(audit.find((e) => e.operation === 'pauseDeployment')).toMatchObject({ actor: 'automations', actor_kind: 'process', outcome: 'success' });
  });

  it('needs the CSRF token for cookie writes but not for reads sent as POST', async () => {
    const otto = await session(s, 'otto', 'otto-password-1');
    const noToken = await s.post(`/api/flow_runs/${runId}/set_state`, { state: { type: 'RUNNING' }, force: true }, otto.read);
    expect(noToken).toMatchObject({ status: 403, body: { detail: 'Missing CSRF token.' } });
    const wrong = await s.post(`/api/flow_runs/${runId}/set_state`, { state: { type: 'RUNNING' }, force: true }, { ...otto.write, 'syntask-csrf-token': 'f'.repeat(64) });
    expect(wrong.status).toBe(403);
    expect((await s.post('/api/flow_runs/count', {}, otto.read)).status).toBe(200);
  });

  it('manages users: duplicate 409, last admin kept, passwords never echoed', async () => {
    const admin = basic(ADMIN);
    expect((await s.request('POST', '/api/users/', { name: 'vera', password: 'another-password', role: 'viewer' }, admin)).status).toBe(409);
    const bad = await s.request('POST', '/api/users/', { name: 'zed', password: 'p4ssword-visible', role: 'root' }, admin);
    expect(bad.status).toBe(422);
    expect(bad.text).not.toContain('p4ssword-visible');
    const users = (await s.request('GET', '/api/users/', undefined, admin)).body as { id: string; name: string; role: string }[];
    expect(users.map((u) => u.name)).toEqual(['ada', 'otto', 'vera']);
    expect(JSON.stringify(users)).not.toMatch(/password|scrypt/);
    const ada = users.find((u) => u.name === 'ada')!;
    const otto = users.find((u) => u.name === 'otto')!;
    expect((await s.request('PATCH', `/api/users/${ada.id}`, { role: 'viewer' }, admin)).status).toBe(409);
    expect((await s.request('DELETE', `/api/users/${ada.id}`, undefined, admin)).status).toBe(409);
    expect((await s.request('GET', '/api/users/', undefined, (await session(s, 'otto', 'otto-password-1')).read)).status).toBe(403);
    // A demotion applies to an open session at once.
    const ottoSession = await session(s, 'otto', 'otto-password-1');
    expect((await s.request('PATCH', `/api/users/${otto.id}`, { role: 'viewer' }, admin)).status).toBe(204);
    expect((await s.get('/api/auth/me', ottoSession.read)).body.role).toBe('viewer');
    expect((await s.request('PATCH', `/api/users/${otto.id}`, { role: 'operator' }, admin)).status).toBe(204);
  });

  it('issues API keys once, at most the creator role, and refuses revoked or expired ones', async () => {
    const vera = await session(s, 'vera', 'vera-password-1');
    expect((await s.post('/api/api_keys/', { name: 'too-high', role: 'admin' }, vera.write)).status).toBe(403);
    const otto = await session(s, 'otto', 'otto-password-1');
    const created = await s.post('/api/api_keys/', { name: 'worker', expires: new Date(Date.now() + 86_400_000).toISOString() }, otto.write);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'worker', role: 'operator', created_by: 'otto' });
    const key = created.body.key as string;
    expect(key).toMatch(/^stk_/);
    const list = await s.get('/api/api_keys/', otto.read);
    expect(list.text).not.toContain(key);
    expect(list.body.map((k: { name: string }) => k.name)).toEqual(['worker']);
    expect((await s.post(`/api/flow_runs/${runId}/set_state`, { state: { type: 'RUNNING' }, force: true }, bearer(key))).status).toBe(201);
    expect((await s.post('/api/api_keys/', { name: 'child' }, bearer(key))).status).toBe(403);
    expect((await s.get('/api/api_keys/', otto.read)).body[0].last_used).not.toBeNull();
    expect((await s.request('DELETE', `/api/api_keys/${created.body.id}`, undefined, otto.write)).status).toBe(204);
    expect((await s.post('/api/flow_runs/filter', {}, bearer(key))).status).toBe(401);
    const short = (await s.post('/api/api_keys/', { name: 'short' }, otto.write)).body;
    await s.ctx.db.kysely.updateTable('api_key').set({ expires: Date.now() * 1000 - 1 }).where('id', '=', short.id).execute();
    expect((await s.post('/api/flow_runs/filter', {}, bearer(short.key))).status).toBe(401);
    expect((await s.post('/api/api_keys/', { name: 'past', expires: '2001-01-01T00:00:00Z' }, otto.write)).status).toBe(422);
  });

  it('records who wrote what in the audit log, never a secret or password', async () => {
    const otto = await session(s, 'otto', 'otto-password-1');
    await s.post(`/api/flow_runs/${runId}/set_state`, { state: { type: 'SCHEDULED', name: 'AwaitingRetry' }, force: true }, otto.write);
    await s.request('POST', '/api/users/', { name: 'temp', password: 'temp-password-zz', role: 'viewer' }, basic(ADMIN));
    const entries = (await s.post('/api/audit_log/filter', { resource_id: runId }, basic(ADMIN))).body as Record<string, unknown>[];
    expect(entries[0]).toMatchObject({ actor: 'otto', actor_kind: 'user', operation: 'setFlowRunState', resource_type: 'flow_runs', resource_id: runId, status_code: 201, outcome: 'success', method: 'POST' });
    const denied = (await s.post('/api/audit_log/filter', { actor: 'vera', outcome: 'denied' }, basic(ADMIN))).body as Record<string, unknown>[];
    expect(denied.some((e) => e.operation === 'setFlowRunState')).toBe(true);
    const all = await s.post('/api/audit_log/filter', { limit: 200 }, basic(ADMIN));
    for (const secret of ['hunter2-secret', 'rotated-secret', 'temp-password-zz', 'otto-password-1']) expect(all.text).not.toContain(secret);
    expect((await s.post('/api/audit_log/filter', {}, otto.read)).status).toBe(403);
    // Reading the audit log is not itself a write.
    const again = (await s.post('/api/audit_log/filter', { limit: 200 }, basic(ADMIN))).body as { operation: string }[];
    expect(again.some((e) => e.operation === 'filterAuditLog')).toBe(false);
  });

  it('ages out audit entries past SYNTASK_AUDIT_LOG_RETENTION_DAYS (90 by default)', async () => {
    const old = (await s.post('/api/audit_log/filter', { limit: 1 }, basic(ADMIN))).body[0];
    await s.ctx.db.kysely.updateTable('audit_log').set({ timestamp: Date.now() * 1000 - 91 * 86_400e6 }).where('id', '=', old.id).execute();
    await s.services.get('security_retention').runOnce();
    expect((await s.post('/api/audit_log/filter', { limit: 200 }, basic(ADMIN))).body.some((e: { id: string }) => e.id === old.id)).toBe(false);
  });
});

describe('sign-in throttling', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    await s.request('POST', '/api/users/', { name: 'mallory-target', password: 'the-real-password', role: 'viewer' }, basic(ADMIN));
  });
  afterAll(() => s.close());

  it('answers an unknown name like a wrong password, then 429 with Retry-After, even for the right password', async () => {
    const unknown = await s.post('/api/auth/login', { name: 'nobody', password: 'whatever-pass' });
    const wrong = await s.post('/api/auth/login', { name: 'mallory-target', password: 'not-it-at-all' });
    expect([unknown.status, unknown.body]).toEqual([wrong.status, wrong.body]);
    expect(wrong.status).toBe(401);
    // The clock stands still, so the 1 s wait after the fifth failure cannot run out on a slow machine.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    for (let i = 0; i < 4; i++) await s.post('/api/auth/login', { name: 'mallory-target', password: `guess-${i}-xx` });
    const throttled = await s.post('/api/auth/login', { name: 'mallory-target', password: 'the-real-password' });
    vi.useRealTimers();
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Counters live in the database, where every replica reads them.
    const rows = await s.ctx.db.kysely.selectFrom('login_throttle').selectAll().execute();
    expect(rows.map((r) => r.subject).sort()).toEqual(['addr:127.0.0.1', 'name:mallory-target', 'name:nobody']);
  });
});

describe.runIf(testDialect() === 'sqlite')('sessions shared by two servers on one database', () => {
  it('a session made on one replica is valid on the other, and a logout ends it on both', async () => {
    const a = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    const b = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN, SYNTASK_API_DATABASE_CONNECTION_URL: a.ctx.settings.databaseUrl });
    try {
      const { cookie } = await login(a, 'root', 'correct horse battery');
      expect((await b.get('/api/auth/me', { cookie })).body.name).toBe('root');
      await b.post('/api/auth/logout', {}, { cookie });
      expect((await a.get('/api/auth/me', { cookie })).status).toBe(401);
    } finally {
      await b.close();
      await a.close();
    }
  }, 60_000);
});

describe('behind a trusted TLS proxy, and streams after sign-out', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN, SYNTASK_SERVER_TRUSTED_PROXIES: '127.0.0.1' });
  });
  afterAll(() => s.close());

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const viaTls = await s.post('/api/auth/login', { name: 'root', password: 'correct horse battery' }, { 'x-forwarded-proto': 'https' });
    expect(viaTls.headers.get('set-cookie')).toMatch(/; Secure/);
    const plain = await s.post('/api/auth/login', { name: 'root', password: 'correct horse battery' });
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it.each(['run stream', 'change stream'])('closes a live stream within a few seconds of sign-out (%s), and refuses it without credentials', async (kind) => {
    const { cookie } = await login(s, 'root', 'correct horse battery');
    const flow = (await s.request('POST', '/api/flows/', { name: 'streamed' }, basic(ADMIN))).body;
    const run = (await s.request('POST', '/api/flow_runs/', { flow_id: flow.id }, basic(ADMIN))).body;
    const path = kind === 'run stream' ? `/ui/flow_runs/${run.id}/stream` : `/ui/stream?flow_run_id=${run.id}`;
    expect((await fetch(`${s.api}${path}`)).status).toBe(401);
    const res = await fetch(`${s.api}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    await s.post('/api/auth/logout', {}, { cookie });
    const started = Date.now();
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);
});

describe('without a trusted proxy', () => {
  it('does not believe X-Forwarded-Proto', async () => {
    const s = await startTestServer({ SYNTASK_SERVER_API_AUTH_STRING: ADMIN });
    try {
      const res = await s.post('/api/auth/login', { name: 'root', password: 'correct horse battery' }, { 'x-forwarded-proto': 'https' });
      expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      await s.close();
    }
  });
});
