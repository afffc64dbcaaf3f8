export const DEFAULT_API_URL = '/api';

const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]']);

/**
 * The API base URL the dashboard should call, from the server's advertised `api_url`.
 * A server bound to every interface advertises a wildcard address that a browser cannot
 * reach, so the page's own host (the one the user actually reached) stands in for it.
 */
export function resolveApiUrl(apiUrl: unknown, pageHost: string): string {
  if (typeof apiUrl !== 'string' || apiUrl.trim() === '') return DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    // Not absolute (e.g. `/api`): the browser resolves it against the page.
    return stripTrailingSlash(apiUrl.trim());
  }
  if (WILDCARD_HOSTS.has(url.hostname)) {
    // Hostname and port separately: assigning `host` without a port would keep the old one.
    const page = new URL(`${url.protocol}//${pageHost}`);
    url.hostname = page.hostname;
    url.port = page.port;
  }
  return stripTrailingSlash(url.href);
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
