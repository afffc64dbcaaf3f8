import { newToken } from './security/secrets.ts';
import { createServer } from './server.ts';
import { loadSettings, maskUrlPassword } from './settings.ts';

/**
 * The API inside a script's own process, for runs made with no server running (incremental
 * adoption). It opens the database of SYNTASK_HOME, the one `syntask server start` uses, with
 * the same routes and orchestration rules, and answers through Fastify's in-memory
 * `inject`: no port, no dashboard, no background services, nothing that keeps the process
 * alive once the script is done.
 */
export interface EmbeddedApi {
  /** A `fetch` for URLs under `baseUrl` that never leaves the process. */
  fetch: typeof fetch;
  baseUrl: string;
  /** Where the runs go (`sqlite:///…` or a PostgreSQL URL, password masked). */
  database: string;
  close(): Promise<void>;
}

export const EMBEDDED_BASE_URL = 'http://embedded.syntask/api';

export async function startEmbeddedApi(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedApi> {
  const settings = loadSettings({
    ...env,
    SYNTASK_SERVER_API_HOST: '127.0.0.1',
    SYNTASK_UI_ENABLED: 'false',
    SYNTASK_API_SERVICES_ENABLED: 'false',
    // Queued messages wait in the database for the next server.
    SYNTASK_NOTIFICATIONS_ENABLED: 'false',
  });
  // Calls of this process count as its owner's: they could open the database file anyway.
  const processToken = newToken();
  const { app } = await createServer(settings, {}, { processToken });
  await app.ready();
  const prefix = new URL(EMBEDDED_BASE_URL);
  const embeddedFetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.origin !== prefix.origin) throw new TypeError(`The embedded API only answers ${EMBEDDED_BASE_URL}, not ${url.href}`);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      headers: { ...headers, authorization: `Bearer ${processToken}` },
      payload: typeof init.body === 'string' ? init.body : undefined,
    });
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) for (const one of [v].flat()) out.append(k, String(one));
    const empty = res.statusCode === 204 || res.statusCode === 304 || res.rawPayload.length === 0;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
  }) as typeof fetch;
  return { fetch: embeddedFetch, baseUrl: EMBEDDED_BASE_URL, database: maskUrlPassword(settings.databaseUrl), close: () => app.close() };
}
