import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_ROLES } from '../security/roles.ts';
import { rawRequest } from '../testing/raw-request.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

describe('trusted hosts, origins and headers with the defaults (sign-in off)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers 421 to a Host it does not serve, before any route (DNS rebinding)', async () => {
    const port = new URL(s.url).port;
    for (const host of [`attacker.example:${port}`, 'attacker.example', `127.0.0.1.nip.io:${port}`]) {
      const res = await rawRequest(s.url, '/api/admin/settings', { host });
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body).detail).toMatch(/SYNTASK_SERVER_ALLOWED_HOSTS/);
    }
    const write = await rawRequest(s.url, '/api/variables/', { host: `attacker.example:${port}`, 'content-type': 'application/json' }, 'POST', JSON.stringify({ name: 'rebound', value: 'x' }));
    expect(write.status).toBe(421);
    expect((await s.get('/api/variables/name/rebound')).status).toBe(404);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await rawRequest(s.url, '/api/health', { host })).status).toBe(200);
    }
  });

  it('refuses state-changing requests from a foreign origin whatever their content type, and changes nothing', async () => {
    const flow = (await s.post('/api/flows/', { name: 'origin-flow' })).body;
    const dep = (await s.post('/api/deployments/', { name: 'origin-dep', flow_id: flow.id })).body;
    await s.post('/api/variables/', { name: 'keep_me', value: 'v' });
    const attempts: [string, string, Record<string, string>, string?][] = [
      ['POST', `/api/deployments/${dep.id}/create_flow_run`, { origin: 'http://localhost:4360' }],
      ['POST', `/api/deployments/${dep.id}/create_flow_run`, { origin: 'http://localhost:4360', 'content-type': 'text/plain' }, '{}'],
      ['POST', `/api/deployments/${dep.id}/create_flow_run`, { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
      ['POST', `/api/deployments/${dep.id}/pause_deployment`, { 'sec-fetch-site': 'cross-site' }],
      ['DELETE', '/api/variables/name/keep_me', { origin: 'https://evil.test' }],
    ];
    for (const [method, path, headers, body] of attempts) {
      const res = await s.request(method, path, body, headers);
      expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(res.body.detail).toMatch(/Cross-origin request refused/);
    }
    expect((await s.post('/api/flow_runs/count', { deployments: { id: { any_: [dep.id] } } })).body).toBe(0);
    expect((await s.get(`/api/deployments/${dep.id}`)).body.paused).toBe(false);
    expect((await s.get('/api/variables/name/keep_me')).status).toBe(200);
    // Its own origin is fine (the dashboard's writes carry it).
    const own = await s.request('POST', `/api/deployments/${dep.id}/create_flow_run`, {}, { origin: s.url });
    expect(own.status).toBe(201);
  });

  it('refuses non-JSON bodies with 415 and still accepts an empty body', async () => {
    const flow = (await s.post('/api/flows/', { name: 'json-only' })).body;
    const dep = (await s.post('/api/deployments/', { name: 'json-dep', flow_id: flow.id })).body;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await s.request('POST', `/api/deployments/${dep.id}/create_flow_run`, '{}', { 'content-type': type });
      expect(res.status, type).toBe(415);
    }
    expect((await fetch(`${s.api}/deployments/${dep.id}/create_flow_run`, { method: 'POST' })).status).toBe(201);
  });

  it('gives no CORS access to a foreign origin and refuses its reads and streams', async () => {
    const pre = await fetch(`${s.api}/flows/filter`, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const read = await s.get('/api/admin/settings', { origin: 'http://example.test' });
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    const run = (await s.post('/api/flow_runs/', { flow_id: (await s.post('/api/flows/', { name: 'sse' })).body.id })).body;
    expect((await s.get(`/api/ui/flow_runs/${run.id}/stream`, { origin: 'http://example.test' })).status).toBe(403);
    expect((await s.get(`/api/ui/stream?flow_run_id=${run.id}`, { origin: 'http://example.test' })).status).toBe(403);
    expect((await s.get('/api/csrf-token?client=x', { origin: 'http://example.test' })).status).toBe(403);
  });

  it('sends a CSP without inline scripts, no framing and nosniff on HTML; nosniff everywhere', async () => {
    const docs = await fetch(`${s.url}/docs/static/index.html`);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    const csp = docs.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    expect(docs.headers.get('referrer-policy')).toBe('same-origin');
    expect((await s.get('/api/health')).headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the database and its folder private to the user', async () => {
    const { statSync } = await import('node:fs');
    if (s.ctx.db.dialect !== 'sqlite') return;
    const file = s.ctx.settings.databaseUrl.slice('sqlite://'.length);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(statSync(f).mode & 0o777, f).toBe(0o600);
    expect(statSync(s.ctx.settings.home).mode & 0o077).toBe(0);
  });

  it('cuts a log page at about 4 MB, marks the cut, and the rest can be read on', async () => {
    const run = (await s.post('/api/flow_runs/', { flow_id: (await s.post('/api/flows/', { name: 'big-logs' })).body.id })).body;
    const mb = 'x'.repeat(999_990); // just under the 1,000,000-character limit of a log message
    const logs = Array.from({ length: 6 }, (_, i) => ({ name: 'l', level: 20, message: `${i}:${mb}`, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), flow_run_id: run.id }));
    expect((await s.post('/api/logs/', logs)).status).toBe(201);
    const first = await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } });
    expect(first.body.length).toBe(4);
    expect(first.headers.get('syntask-page-truncated')).toBe('4');
    expect(first.body.every((l: { message: string }) => l.message.length === mb.length + 2)).toBe(true);
    const rest = await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, offset: 4 });
    expect(rest.body.map((l: { message: string }) => l.message.slice(0, 2))).toEqual(['4:', '5:']);
    expect(rest.headers.get('syntask-page-truncated')).toBeNull();
  });
});

describe('CORS configured open (contract §1.1)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_CORS_ALLOWED_ORIGINS: '*' });
  });
  afterAll(() => s.close());

  it('allows any origin and echoes the requested headers in preflights', async () => {
    const pre = await fetch(`${s.api}/flows/filter`, {
      method: 'OPTIONS',
      headers: { origin: 'http://example.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-syntask-api-version' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type,x-syntask-api-version');
    const res = await s.post('/api/flows/', { name: 'cors' }, { origin: 'http://example.test' });
    expect(res.status).toBe(201);
  });

  it('never lets another origin read a CSRF token, even when CORS is open', async () => {
    const res = await s.get('/api/csrf-token?client=abc', { origin: 'http://example.test' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('an allowed origin and an allowed host', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_CORS_ALLOWED_ORIGINS: 'https://ops.example.com', SYNTASK_SERVER_ALLOWED_HOSTS: 'syntask.internal' });
  });
  afterAll(() => s.close());

  it('answers the named host and the named origin only', async () => {
    expect((await rawRequest(s.url, '/api/health', { host: 'syntask.internal:8080' })).status).toBe(200);
    expect((await rawRequest(s.url, '/api/health', { host: 'other.internal' })).status).toBe(421);
    const ok = await s.post('/api/flows/', { name: 'from-ops' }, { origin: 'https://ops.example.com' });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://ops.example.com');
    expect((await s.post('/api/flows/', { name: 'from-elsewhere' }, { origin: 'https://ops.example.com.evil.test' })).status).toBe(403);
  });
});

describe('refusing to start exposed without sign-in', () => {
  it('exits with a message naming the settings when bound off loopback', async () => {
    await expect(startTestServer({ SYNTASK_SERVER_API_HOST: '0.0.0.0' })).rejects.toThrow(/SYNTASK_SERVER_ALLOW_UNAUTHENTICATED.*|SYNTASK_SERVER_ALLOWED_HOSTS/s);
    const allowed = await startTestServer({ SYNTASK_SERVER_API_HOST: '0.0.0.0', SYNTASK_SERVER_ALLOW_UNAUTHENTICATED: 'true' });
    await allowed.close();
    const withAuth = await startTestServer({ SYNTASK_SERVER_API_HOST: '0.0.0.0', SYNTASK_SERVER_API_AUTH_STRING: 'admin:long-password' });
    await withAuth.close();
   }, 90_000);
});

describe('the operation → role table', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('covers every operation of the OpenAPI document', async () => {
    const doc = (await s.get('/api/openapi.json')).body as { paths: Record<string, Record<string, { operationId?: string }>> };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, id: op.operationId })));
    expect(ops.length).toBeGreaterThan(130);
    const missing = ops.filter((o) => !o.id || !OPERATION_ROLES.has(o.id));
    expect(missing).toEqual([]);
    // Every write is at least operator unless it is a read sent as POST or a key/sign-in operation.
    const lax = ops.filter((o) => o.method !== 'get' && OPERATION_ROLES.get(o.id!) === 'viewer' && !/filter|count|history|Counts|Lateness|validate|preview|ByIdPrefix|TaskGrid|DelayExplanations|FailureGroups|CompareFlowRuns|ApiKey|Scheduled/i.test(o.id!));
    expect(lax).toEqual([]);
  });
});
