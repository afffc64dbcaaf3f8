import { DEFAULT_API_URL, resolveApiUrl } from '../lib/api-url.ts';

/** A failed API call. `status` is 0 when no response arrived (server down, network error). */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, message: string, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

let apiBaseUrl: Promise<string> | undefined;

/** The API base URL from `GET /ui-settings`, read once per page load. */
function getApiBaseUrl(): Promise<string> {
  apiBaseUrl ??= loadApiBaseUrl().catch(() => {
    // Forget the failure so the next call asks again once the server is back.
    apiBaseUrl = undefined;
    return DEFAULT_API_URL;
  });
  return apiBaseUrl;
}

async function loadApiBaseUrl(): Promise<string> {
  const response = await fetch('/ui-settings', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /ui-settings answered ${response.status}`);
  const settings: unknown = await response.json();
  const apiUrl = typeof settings === 'object' && settings !== null && 'api_url' in settings ? settings.api_url : undefined;
  return resolveApiUrl(apiUrl, window.location.host);
}

/** Calls the Syntask API; `path` is relative to the API base URL (e.g. `/health`). */
export async function apiRequest<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const url = `${await getApiBaseUrl()}${path}`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'Cannot reach the Syntask server.');
  }
  const payload = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, errorMessage(payload, response), payload);
  return payload as T;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The server's own message from either of the contract's error shapes. */
function errorMessage(payload: unknown, response: Response): string {
  if (typeof payload === 'object' && payload !== null) {
    if ('detail' in payload && typeof payload.detail === 'string') return payload.detail;
    if ('exception_message' in payload && typeof payload.exception_message === 'string') return payload.exception_message;
  }
  return `${response.status} ${response.statusText}`.trim();
}
