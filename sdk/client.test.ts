import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyntaskApiError, SyntaskClient } from './client.ts';

const KEY = 'stk_unit-test-key-never-printed';
const AUTH = 'admin:unit-test-password';

/** A stand-in API answering every request with one status and detail, recording what it got. */
let server: Server;
let base: string;
let answer = { status: 401, detail: 'Not authenticated.' };
const seen: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume().on('end', () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify({ detail: answer.detail })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function refusal(client: SyntaskClient): Promise<SyntaskApiError> {
  seen.length = 0;
  const err = await client.get('/flows/x').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SyntaskApiError);
  return err as SyntaskApiError;
}

describe('SDK client credentials', () => {
  it('sends the API key as Bearer (over the auth string), else the auth string as Basic, else nothing', async () => {
    answer = { status: 200, detail: '' };
    seen.length = 0;
    await new SyntaskClient(base, { apiKey: KEY, authString: AUTH }).get('/health');
    await new SyntaskClient(base, { authString: AUTH }).post('/flows/filter', {});
    await new SyntaskClient(base, {}).get('/health');
    expect(seen.map((h) => h.authorization)).toEqual([`Bearer ${KEY}`, `Basic ${Buffer.from(AUTH).toString('base64')}`, undefined]);
  });

  it('reads SYNTASK_API_KEY and SYNTASK_API_AUTH_STRING from the environment', async () => {
    answer = { status: 200, detail: '' };
    const saved = { key: process.env.SYNTASK_API_KEY, auth: process.env.SYNTASK_API_AUTH_STRING };
    try {
      process.env.SYNTASK_API_AUTH_STRING = AUTH;
      delete process.env.SYNTASK_API_KEY;
      seen.length = 0;
      await new SyntaskClient(base).get('/health');
      process.env.SYNTASK_API_KEY = KEY;
      const client = new SyntaskClient(base);
      await client.get('/health');
      expect(seen.map((h) => h.authorization)).toEqual([`Basic ${Buffer.from(AUTH).toString('base64')}`, `Bearer ${KEY}`]);
      // What a worker hands its flow processes.
      expect(client.credentialEnv()).toEqual({ SYNTASK_API_KEY: KEY, SYNTASK_API_AUTH_STRING: undefined });
    } finally {
      for (const [name, value] of [['SYNTASK_API_KEY', saved.key], ['SYNTASK_API_AUTH_STRING', saved.auth]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('a 401 fails at once, without retries, naming SYNTASK_API_KEY and never showing the key', async () => {
    answer = { status: 401, detail: 'Not authenticated.' };
    const started = Date.now();
    const refused = await refusal(new SyntaskClient(base, { apiKey: KEY }));
    expect(seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(refused.status).toBe(401);
    expect(refused.message).toContain(`The Syntask API at ${base} refused the credentials in SYNTASK_API_KEY (401`);
    expect(refused.message).toMatch(/syntask api-key create/);
    expect(refused.message).not.toContain(KEY);
    expect(JSON.stringify(refused)).not.toContain(KEY);

    const anonymous = await refusal(new SyntaskClient(base, {}));
    expect(seen).toHaveLength(1);
    expect(anonymous.message).toMatch(/needs credentials \(401.*set SYNTASK_API_KEY .* or SYNTASK_API_AUTH_STRING/);

    const basic = await refusal(new SyntaskClient(base, { authString: AUTH }));
    expect(basic.message).toContain('refused the credentials in SYNTASK_API_AUTH_STRING');
    expect(basic.message).not.toContain('unit-test-password');
  });

  it("a 403 says what was refused and the server's reason (the role needed)", async () => {
    answer = { status: 403, detail: 'This needs the admin role; ci is an operator.' };
    const refused = await refusal(new SyntaskClient(base, { apiKey: KEY }));
    expect(seen).toHaveLength(1);
    expect(refused.status).toBe(403);
    expect(refused.message).toBe(`The Syntask API at ${base} refused GET /flows/x (403): This needs the admin role; ci is an operator. Use credentials with that role in SYNTASK_API_KEY.`);
  });

  it('a client does not show its credentials when logged', async () => {
    const { inspect } = await import('node:util');
    const client = new SyntaskClient(base, { apiKey: KEY, authString: AUTH });
    expect(inspect(client, { depth: 5, showHidden: true })).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });
});
