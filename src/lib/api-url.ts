export const DEFAULT_API_URL = '/api';

/** Addresses that only mean "this server": a browser should reach it where it reached the page. */
const LOCAL_HOSTS = new Set(['0.0.0.0', '[::]', 'localhost', '[::1]']);
const isLocal = (hostname: string) => LOCAL_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/**
 * The API base URL the dashboard should call, from the server's advertised `api_url`.
 * A wildcard or loopback address (the default) is replaced by the page's own origin, so the
 * dashboard's calls stay same-origin: the server refuses cross-origin writes and gives
 * foreign origins no CORS access (localhost vs 127.0.0.1 are different origins). A real
 * host name is kept: a separate API host is a deliberate setup with CORS configured.
 */
export function resolveApiUrl(apiUrl: unknown, pageOrigin: string): string {
  if (typeof apiUrl !== 'string' || apiUrl.trim() === '') return DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    // Not absolute (e.g. `/api`): the browser resolves it against the page.
    return stripTrailingSlash(apiUrl.trim());
  }
  if (isLocal(url.hostname)) return stripTrailingSlash(new URL(url.pathname, pageOrigin).href);
  return stripTrailingSlash(url.href);
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
