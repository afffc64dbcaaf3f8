import { clientEnv } from '../server/profiles.ts';
import { loadSettings } from '../server/settings.ts';

/** SYNTASK_API_URL from the environment or the active profile; `null` when neither sets it. */
export function configuredApiUrl(env: NodeJS.ProcessEnv = clientEnv()): string | null {
  const url = env.SYNTASK_API_URL?.trim();
  return url ? url.replace(/\/+$/, '') : null;
}

/** Client-side settings: where the API is (configured, else the local server's default address). */
export function apiUrl(env: NodeJS.ProcessEnv = clientEnv()): string {
  return configuredApiUrl(env) ?? loadSettings(env).apiUrl.replace(/\/+$/, '');
}

/** What the client signs in with: an API key wins over the auth string. */
export interface ApiCredentials {
  /** SYNTASK_API_KEY: `stk_…`, sent as `Authorization: Bearer`. */
  apiKey?: string;
  /** SYNTASK_API_AUTH_STRING: `user:password`, sent as HTTP Basic. */
  authString?: string;
}

export function apiCredentials(env: NodeJS.ProcessEnv = clientEnv()): ApiCredentials {
  return { apiKey: env.SYNTASK_API_KEY?.trim() || undefined, authString: env.SYNTASK_API_AUTH_STRING || undefined };
}

/** The one place that turns credentials into request headers. */
export function authHeaders(credentials: ApiCredentials): Record<string, string> {
  if (credentials.apiKey) return { authorization: `Bearer ${credentials.apiKey}` };
  if (credentials.authString) return { authorization: `Basic ${Buffer.from(credentials.authString, 'utf8').toString('base64')}` };
  return {};
}

/** The variable that carries the credentials in use, for messages (never the value). */
export function credentialSource(credentials: ApiCredentials): 'SYNTASK_API_KEY' | 'SYNTASK_API_AUTH_STRING' | null {
  return credentials.apiKey ? 'SYNTASK_API_KEY' : credentials.authString ? 'SYNTASK_API_AUTH_STRING' : null;
}

/** The environment a child process needs to call the API as this client does. */
export function credentialEnv(credentials: ApiCredentials): Record<string, string | undefined> {
  if (credentials.apiKey) return { SYNTASK_API_KEY: credentials.apiKey, SYNTASK_API_AUTH_STRING: undefined };
  return { SYNTASK_API_KEY: undefined, SYNTASK_API_AUTH_STRING: credentials.authString };
}

/**
 * SYNTASK_RUNNER_HEARTBEAT_FREQUENCY: seconds between heartbeats of a running flow run
 * (default 30). The server reads the same setting to decide when a silent run has crashed.
 */
export function heartbeatFrequencySeconds(env: NodeJS.ProcessEnv = clientEnv()): number {
  const text = env.SYNTASK_RUNNER_HEARTBEAT_FREQUENCY;
  if (text === undefined || text.trim() === '') return 30;
  const seconds = Number(text);
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error(`SYNTASK_RUNNER_HEARTBEAT_FREQUENCY must be a number of seconds above 0, got "${text}"`);
  return seconds;
}

/** Set by a worker on the flow processes it starts: their heartbeats name it. */
export const WORKER_NAME_ENV = 'SYNTASK__WORKER_NAME';
