import { hostname } from 'node:os';
import { clientEnv } from '../server/profiles.ts';
import { SyntaskClient, type Transport } from './client.ts';
import { apiCredentials, apiUrl, configuredApiUrl } from './settings.ts';

/**
 * Incremental adoption: a script run with no API configured (no SYNTASK_API_URL in the
 * environment or the active profile) uses the local server if one answers at the default
 * address, else an API embedded in its own process on the same database. A server started
 * later on that SYNTASK_HOME shows the runs.
 */

export interface LocalTransport extends Transport {
  kind: 'server' | 'embedded';
  /** The server's API URL, or the database the embedded API writes to. */
  target: string;
}

let local: Promise<LocalTransport> | null = null;

/** The client a script's flows use when no other is given. */
export function scriptClient(): SyntaskClient {
  if (configuredApiUrl()) return new SyntaskClient();
  return new SyntaskClient(apiUrl(), apiCredentials(), localTransport);
}

export function localTransport(): Promise<LocalTransport> {
  local ??= findLocalApi().catch((err) => {
    local = null;
    throw err;
  });
  return local;
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok && (await res.json()) === true;
  } catch {
    return false;
  }
}

async function findLocalApi(): Promise<LocalTransport> {
  const url = apiUrl();
  if (await answers(url)) return { kind: 'server', baseUrl: url, fetch: globalThis.fetch, target: url };
  const { startEmbeddedApi } = await import('../server/embedded.ts');
  const api = await startEmbeddedApi(clientEnv());
  console.warn(`Syntask: no server at ${url}, so this script records its runs in ${api.database} through an embedded API; \`npx syntask server start\` shows them.`);
  let closing = false;
  // Nothing of the embedded API holds the process open; it closes its database once the script is done.
  process.on('beforeExit', () => {
    if (closing) return;
    closing = true;
    void api.close();
  });
  return { kind: 'embedded', baseUrl: api.baseUrl, fetch: api.fetch, target: api.database };
}

/** Where a run made by this process runs, for its `context.runner` (the run page shows it). */
export async function runnerContext(client: SyntaskClient): Promise<Record<string, unknown>> {
  const transport = client.usesLocalTransport() ? await localTransport() : null;
  return {
    hostname: hostname(),
    pid: process.pid,
    api: transport?.kind ?? 'server',
    api_url: transport?.kind === 'embedded' ? null : (transport?.target ?? client.baseUrl),
    profile: clientEnv().SYNTASK_PROFILE || null,
  };
}
