import createClient, { type Middleware } from 'openapi-fetch';
import { DEFAULT_API_URL, resolveApiUrl } from '../lib/api-url.ts';
import type { components, paths } from './schema.gen.ts';

export type Schemas = components['schemas'];

export interface FieldError {
  /** Last element of the error's `loc` (the offending field), or '' for the whole body. */
  field: string;
  loc: (string | number)[];
  message: string;
}

/**
 * A failed API call with the server's own message. `status` is 0 when no response arrived
 * (server down, network error). 422 request-validation bodies also carry `fieldErrors`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly fieldErrors: FieldError[];

  constructor(status: number, message: string, body: unknown = null, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.fieldErrors = fieldErrors;
  }
}

/** Turns either of the contract's error bodies (`{detail}`, `{exception_message, exception_detail}`) into an ApiError. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const details = 'exception_detail' in body && Array.isArray(body.exception_detail) ? body.exception_detail : [];
    const fieldErrors: FieldError[] = details
      .filter((d): d is { loc: (string | number)[]; msg: string } => typeof d === 'object' && d !== null && Array.isArray(d.loc) && typeof d.msg === 'string')
      .map((d) => ({ loc: d.loc, field: String(d.loc.at(-1) ?? ''), message: d.msg }));
    if ('detail' in body && typeof body.detail === 'string') return new ApiError(status, body.detail, body, fieldErrors);
    if (fieldErrors.length > 0) {
      const message = fieldErrors.map((e) => (e.field && e.field !== 'body' ? `${e.field}: ${e.message}` : e.message)).join('; ');
      return new ApiError(status, message, body, fieldErrors);
    }
    if ('exception_message' in body && typeof body.exception_message === 'string') return new ApiError(status, body.exception_message, body);
  }
  if (typeof body === 'string' && body.length > 0 && body.length < 300) return new ApiError(status, body, body);
  return new ApiError(status, `${status} ${statusText}`.trim(), body);
}

// ---- /ui-settings -----------------------------------------------------------------

export type UiSettings = Schemas['UiSettings'];

let uiSettings: Promise<UiSettings> | undefined;

/** `GET /ui-settings`, read once per page load (the API base URL, CSRF switch and extension flags). */
export function getUiSettings(): Promise<UiSettings> {
  uiSettings ??= loadUiSettings().catch((error: unknown) => {
    // Forget the failure so the next call asks again once the server is back.
    uiSettings = undefined;
    throw error;
  });
  return uiSettings;
}

declare global {
  interface Window {
    /** The request index.html starts before the bundle loads (resolves undefined if it failed). */
    __syntaskUiSettings?: Promise<Response | undefined>;
  }
}

/** index.html's early request the first time, a new one after that (or if it failed). */
async function fetchUiSettings(): Promise<Response> {
  const early = await window.__syntaskUiSettings;
  window.__syntaskUiSettings = undefined;
  return early ?? fetch('/ui-settings', { headers: { accept: 'application/json' } });
}

async function loadUiSettings(): Promise<UiSettings> {
  const response = await fetchUiSettings();
  if (!response.ok) throw new ApiError(response.status, `GET /ui-settings answered ${response.status}`);
  const settings = (await response.json()) as Partial<UiSettings>;
  return {
    api_url: resolveApiUrl(settings.api_url, window.location.origin),
    csrf_enabled: settings.csrf_enabled === true,
    auth_enabled: settings.auth_enabled === true,
    flags: Array.isArray(settings.flags) ? settings.flags.filter((f): f is string => typeof f === 'string') : [],
    profile: typeof settings.profile === 'string' ? settings.profile : null,
  };
}

/** Reads `/ui-settings` again on next use: signing in can switch sign-in (and CSRF) on mid-session. */
export function forgetUiSettings() {
  uiSettings = undefined;
  csrfToken = undefined;
}

async function apiBaseUrl(): Promise<string> {
  try {
    return (await getUiSettings()).api_url;
  } catch {
    return DEFAULT_API_URL;
  }
}

// ---- CSRF -------------------------------------------------------------------------

/** One client id per tab: the server keeps one token per client. */
const csrfClient = randomId();
let csrfToken: { token: string; refreshAt: number } | undefined;
let csrfPending: Promise<string> | undefined;

function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function currentCsrfToken(base: string): Promise<string> {
  if (csrfToken && Date.now() < csrfToken.refreshAt) return csrfToken.token;
  csrfPending ??= (async () => {
    try {
      const response = await fetch(`${base}/csrf-token?client=${csrfClient}`, { headers: { accept: 'application/json' } });
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 401) reportUnauthorized('/csrf-token');
      if (!response.ok) throw toApiError(response.status, response.statusText, body);
      const { token, expiration } = body as Schemas['CsrfToken'];
      const expires = Date.parse(expiration);
      // Refresh a minute early (or halfway for short lifetimes) so a token never expires mid-request.
      const lifetime = expires - Date.now();
      csrfToken = { token, refreshAt: Date.now() + Math.max(0, Math.min(lifetime - 60_000, lifetime / 2)) };
      return token;
    } finally {
      csrfPending = undefined;
    }
  })();
  return csrfPending;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATHS = /^\/auth\/(login|logout)$/;

/**
 * Paths in the OpenAPI document start with `/api`; the real base comes from `/ui-settings`
 * (a proxy may serve the API elsewhere), so the prefix is swapped for it on every request.
 */
const routing: Middleware = {
  async onRequest({ request }) {
    const settings = await getUiSettings().catch(() => null);
    const base = settings?.api_url ?? (await apiBaseUrl());
    const url = new URL(request.url);
    const rest = url.pathname.replace(/^\/api(?=\/|$)/, '');
    const target = `${base}${rest}${url.search}`;
    const headers = new Headers(request.headers);
    headers.set('accept', 'application/json');
    // Signing in and out need no token (and no token can be had before signing in).
    if (settings?.csrf_enabled && UNSAFE_METHODS.has(request.method) && !SESSION_PATHS.test(rest)) {
      headers.set('Syntask-Csrf-Token', await currentCsrfToken(base));
      headers.set('Syntask-Csrf-Client', csrfClient);
    }
    const body = request.body ? await request.text() : undefined;
    return new Request(new URL(target, window.location.href), { method: request.method, headers, body, signal: request.signal });
  },
};

// ---- 401 ----------------------------------------------------------------------------

/** Answers whose 401 means "wrong password" or "not signed in yet", not "session gone". */
const OWN_401 = /\/auth\/(login|logout|me)$/;

let onUnauthorized: ((path: string) => void) | undefined;

/** The router registers where a lost session goes (the sign-in page); one handler per app. */
export function setUnauthorizedHandler(handler: (path: string) => void) {
  onUnauthorized = handler;
}

function reportUnauthorized(path: string) {
  if (!OWN_401.test(path)) onUnauthorized?.(path);
}

const unauthorized: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401) reportUnauthorized(new URL(request.url).pathname);
    return undefined;
  },
};

/** The typed API client. Call it through `unwrap` so errors become `ApiError`s. */
export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(routing, unauthorized);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: the data, or an ApiError with the server's message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Cannot reach the Syntask server.');
  }
  const { data, error, response } = result;
  if (!response.ok) throw toApiError(response.status, response.statusText, error);
  return data as T;
}

/** The absolute URL of an API path, for EventSource and downloads that do not go through fetch. */
export async function apiUrl(path: string): Promise<string> {
  return new URL(`${await apiBaseUrl()}${path}`, window.location.href).href;
}
