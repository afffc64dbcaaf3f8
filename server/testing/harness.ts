import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadSettings } from '../settings.ts';
import { startServer, type RunningServer } from '../server.ts';

/** Which database the API tests run against: SQLite by default, PostgreSQL in the `postgres` project. */
export const testDialect = (): 'sqlite' | 'postgres' => (process.env.SYNTASK_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');

export interface TestResponse<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export interface TestServer extends RunningServer {
  api: string;
  /** PostgreSQL schema of this server's database (absent on SQLite). */
  pgSchema?: string;
  request<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<TestResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<TestResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<TestResponse<T>>;
  delete<T = any>(path: string): Promise<TestResponse<T>>;
}

/**
 * A real server on an ephemeral port with a fresh database: a temporary SQLite file, or
 * a new schema in SYNTASK_TEST_POSTGRES_URL that is dropped on close. Server replicas share
 * one PostgreSQL schema: `replicaOf` joins another test server's (which drops it), `pgSchema`
 * names one (servers started together on an empty schema).
 */
export async function startTestServer(env: Record<string, string> = {}, options: { replicaOf?: TestServer; pgSchema?: string } = {}): Promise<TestServer> {
  const home = mkdtempSync(join(tmpdir(), 'syntask-test-'));
  let pgSchema: string | undefined;
  let databaseUrl = `sqlite:///${join(home, 'syntask.db')}`;
  const owner = options.replicaOf;
  const shared = owner ? owner.pgSchema : options.pgSchema;
  if ((owner || options.pgSchema) && testDialect() !== 'postgres') throw new Error('Replicas share a PostgreSQL schema: run them in the postgres project');
  if (testDialect() === 'postgres') {
    const url = process.env.SYNTASK_TEST_POSTGRES_URL;
    if (!url) throw new Error('SYNTASK_TEST_DB=postgres needs SYNTASK_TEST_POSTGRES_URL');
    databaseUrl = url;
    pgSchema = shared ?? `t_${randomBytes(6).toString('hex')}`;
  }
  const settings = loadSettings({
    SYNTASK_HOME: home,
    SYNTASK_SERVER_API_HOST: '127.0.0.1',
    SYNTASK_SERVER_API_PORT: '0',
    SYNTASK_API_DATABASE_CONNECTION_URL: databaseUrl,
    SYNTASK_SERVER_LOGGING_LEVEL: 'fatal',
    SYNTASK_UI_ENABLED: 'false',
    // Tests run services on demand (`s.services.get(name).runOnce()`), never on a timer.
    SYNTASK_API_SERVICES_ENABLED: 'false',
    SYNTASK_SECRET_KEY: 'test-secret-key-0123456789abcdef0123456789abcdef',
    ...env,
  });
  const server = await startServer(settings, { pgSchema });
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(server.url + path, init);
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    ...server,
    api: `${server.url}/api`,
    pgSchema,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body ?? {}, headers),
    patch: (path, body) => request('PATCH', path, body ?? {}),
    put: (path, body) => request('PUT', path, body ?? {}),
    delete: (path) => request('DELETE', path),
    async close() {
      await server.close();
      if (pgSchema && !owner) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`drop schema if exists ${pgSchema} cascade`);
        await client.end();
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
