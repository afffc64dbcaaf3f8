export const SIGN_IN_PATH = '/sign-in';
export const DEFAULT_NEXT = '/dashboard';

const BASE = 'http://syntask.invalid';

/**
 * Where to go after signing in: a path of this dashboard only. Anything that could leave the
 * origin (`//host`, `/\host`, `https://…`, control characters) falls back to the dashboard,
 * so a crafted sign-in link cannot send the user elsewhere (open redirect).
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== BASE || url.pathname === SIGN_IN_PATH) return DEFAULT_NEXT;
  return `${url.pathname}${url.search}${url.hash}`;
}
