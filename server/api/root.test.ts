import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

describe('root endpoints, headers and transport (contract §1)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('health, version, hello, ready, admin version', async () => {
    expect((await s.get('/api/health')).body).toBe(true);
    expect((await s.get('/api/version')).body).toBe('0.8.4');
    expect((await s.get('/api/hello')).body).toBe('👋');
    expect(await s.get('/api/ready')).toMatchObject({ status: 200, body: { message: 'OK' } });
    expect((await s.get('/api/admin/version')).body).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('admin settings list every SYNTASK_* setting with secrets masked', async () => {
    const settings = (await s.get('/api/admin/settings')).body;
    expect(settings.SYNTASK_SERVER_API_HOST).toBe('127.0.0.1');
    expect(settings.SYNTASK_API_DEFAULT_LIMIT).toBe(200);
    expect(settings.SYNTASK_SECRET_KEY).toBe('********');
    expect(JSON.stringify(settings)).not.toContain('test-secret-key');
  });

  it('/ui-settings gives the API URL, CSRF flag and feature flags', async () => {
    const res = await s.get('/ui-settings');
    expect(res.body).toMatchObject({ api_url: expect.stringMatching(/\/api$/), csrf_enabled: false });
    expect(Array.isArray(res.body.flags)).toBe(true);
    // Syntask 2's names for clients written for it, and this server's own for the dashboard.
    const syntask2 = ['artifacts', 'artifacts_on_flow_run_graph', 'deployment_status', 'enhanced_cancellation', 'states_on_flow_run_graph', 'work_pools', 'work_queue_status', 'workers', 'workspace_dashboard'];
    expect(res.body.flags).toEqual(expect.arrayContaining([...syntask2, 'log_search', 'flow_run_stream', 'schedule_preview']));
    expect(new Set(res.body.flags).size).toBe(res.body.flags.length);
  });

  it('csrf-token is refused while protection is off', async () => {
    expect(await s.get('/api/csrf-token?client=abc')).toMatchObject({ status: 422, body: { detail: 'CSRF protection is disabled.' } });
  });

  it('unknown routes and malformed path UUIDs are 404 Not Found', async () => {
    expect(await s.get('/api/nope')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
    expect(await s.get('/api/flows/not-a-uuid')).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  it('accepts collection paths with and without the trailing slash', async () => {
    expect((await s.post('/api/flows', { name: 'no-slash' })).status).toBe(201);
    expect((await s.post('/api/flows/filter/', {})).status).toBe(200);
  });

  it('validates X-SYNTASK-API-VERSION', async () => {
    expect((await s.get('/api/health', { 'x-syntask-api-version': '0.8.4' })).status).toBe(200);
    expect((await s.get('/api/health', { 'x-syntask-api-version': 'banana' })).status).toBe(400);
    const old = await s.get('/api/health', { 'x-syntask-api-version': '0.7.9' });
    expect(old.status).toBe(400);
    expect(old.body.detail).toMatch(/0\.8\.0/);
  });

  it('gzips large responses (CORS: see security/security.test.ts)', async () => {
    for (let i = 0; i < 20; i++) await s.post('/api/flows/', { name: `gz-${i}` });
    const res = await fetch(`${s.api}/flows/filter`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: '{}' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(((await res.json()) as unknown[]).length).toBeGreaterThan(20);
  });

  it('serves its OpenAPI 3.1 document with named models', async () => {
    const doc = (await s.get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['FlowRun', 'TaskRun', 'State', 'FlowRunFilter', 'OrchestrationResult']));
    expect(doc.paths['/api/flow_runs/filter'].post).toBeDefined();
    expect((await fetch(`${s.url}/docs`)).status).toBe(200);
  });
});

describe('CSRF protection when enabled (contract §1.8)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ SYNTASK_SERVER_CSRF_PROTECTION_ENABLED: 'true' });
  });
  afterAll(() => s.close());

  it('needs a token and client on every change', async () => {
    expect((await s.get('/ui-settings')).body.csrf_enabled).toBe(true);
    expect(await s.post('/api/flows/', { name: 'x' })).toMatchObject({ status: 403, body: { detail: 'Missing CSRF token.' } });
    expect(await s.post('/api/flows/', { name: 'x' }, { 'syntask-csrf-token': 'abc' })).toMatchObject({ status: 403, body: { detail: 'Missing client identifier.' } });
    expect(await s.post('/api/flows/', { name: 'x' }, { 'syntask-csrf-token': 'abc', 'syntask-csrf-client': 'c1' })).toMatchObject({
      status: 403,
      body: { detail: 'Invalid CSRF token or client identifier.' },
    });

    const token = (await s.get('/api/csrf-token?client=c1')).body;
    expect(token).toMatchObject({ client: 'c1', token: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(Date.parse(token.expiration) - Date.now()).toBeGreaterThan(3500_000);
    expect((await s.post('/api/flows/', { name: 'x' }, { 'syntask-csrf-token': token.token, 'syntask-csrf-client': 'c1' })).status).toBe(201);
    expect((await s.post('/api/flows/', { name: 'y' }, { 'syntask-csrf-token': token.token, 'syntask-csrf-client': 'other' })).status).toBe(403);

    const renewed = (await s.get('/api/csrf-token?client=c1')).body;
    expect(renewed.token).not.toBe(token.token);
    expect((await s.post('/api/flows/', { name: 'z' }, { 'syntask-csrf-token': token.token, 'syntask-csrf-client': 'c1' })).status).toBe(403);
    // Reads never need a token.
    expect((await s.get('/api/health')).status).toBe(200);
  });
});

describe('readiness', () => {
  it('answers 503 when the database is gone', async () => {
    const s = await startTestServer();
    await s.ctx.db.close();
    const res = await s.get('/api/ready');
    expect(res).toMatchObject({ status: 503, body: { message: 'Database is not available' } });
    await s.app.close().catch(() => undefined);
  });
});
