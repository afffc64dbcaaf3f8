import type { Settings } from '../settings.ts';

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `Host` header → lower-case host name without port (`[::1]` keeps its brackets). */
export function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 && /^(:\d{1,5})?$/.test(h.slice(end + 1)) ? h.slice(0, end + 1) : null;
  }
  // `name` or `name:port` and nothing else (no userinfo, no second colon).
  const m = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1] : null;
}

const hostOfUrl = (url: string) => {
  try {
    return hostName(new URL(url).host);
  } catch {
    return null;
  }
};

/**
 * The names this server answers to (DNS rebinding guard): loopback names, the bind host,
 * the hosts of the configured public URLs and SYNTASK_SERVER_ALLOWED_HOSTS. `null` = any.
 */
export function allowedHosts(settings: Settings): Set<string> | null {
  const extra = list(settings.allowedHosts).map((h) => h.toLowerCase());
  if (extra.includes('*')) return null;
  const names = new Set(['localhost', '127.0.0.1', '[::1]', ...extra.map((h) => hostName(h) ?? h)]);
  const bind = settings.host.toLowerCase();
  if (bind !== '0.0.0.0' && bind !== '::') names.add(bind.includes(':') ? `[${bind}]` : bind);
  for (const url of [settings.uiUrl, settings.uiApiUrl]) {
    const h = hostOfUrl(url);
    if (h && h !== '0.0.0.0') names.add(h);
  }
  return names;
}

/** Origins allowed to call the API from other sites (CORS and writes). `null` = any. */
export function allowedOrigins(settings: Settings): Set<string> | null {
  const origins = list(settings.corsOrigins);
  if (origins.includes('*')) return null;
  return new Set(origins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
}

export interface OriginFacts {
  origin: string | undefined;
  secFetchSite: string | undefined;
  host: string | undefined;
}

/**
 * A browser request from a foreign site: its `Origin` is neither this server nor allowed,
 * or (no `Origin`) the browser says it is cross-site. Non-browser clients send neither.
 */
export function isForeign({ origin, secFetchSite, host }: OriginFacts, allowed: Set<string> | null): boolean {
  if (allowed === null) return false;
  if (origin !== undefined) {
    const o = origin.trim().toLowerCase();
    if (allowed.has(o)) return false;
    try {
      const url = new URL(o);
      return !(url.protocol === 'http:' || url.protocol === 'https:') || url.host !== (host ?? '').toLowerCase();
    } catch {
      return true; // `null` (sandboxed frames, file://) and garbage
    }
  }
  return secFetchSite === 'cross-site';
}
