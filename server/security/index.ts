import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../api/common.ts';
import type { AppContext } from '../context.ts';
import { nowMicros } from '../lib/time.ts';
import { recordAudit } from './audit.ts';
import { ANONYMOUS, Authenticator, SESSION_COOKIE, type Principal } from './authenticate.ts';
import { csrfClientKey } from './csrf.ts';
import { ALL_RESPONSE_HEADERS, HTML_HEADERS } from './headers.ts';
import { allowedHosts, allowedOrigins, hostName, isForeign } from './request-checks.ts';
import { allows, isWrite, JOB_VARIABLES_ROLE, OPERATION_ROLES, SECRETS_ROLE, type Requirement } from './roles.ts';
import { LoginThrottle } from './throttle.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; `null` before the security hook ran or when a public route got no credentials. */
    principal: Principal | null;
  }
}

export interface Security {
  auth: Authenticator;
  throttle: LoginThrottle;
}

export const createSecurity = (ctx: Pick<AppContext, 'db' | 'settings'>, processToken: string | null = null, internalToken: string | null = null): Security => ({ auth: new Authenticator(ctx.db, ctx.settings, processToken, internalToken), throttle: new LoginThrottle(ctx.db) });

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The routed path (`/%61pi/…` and absolute-form URLs are routed as `/api/…`, so they are judged as such). */
function pathOf(req: FastifyRequest): string {
  if (req.routeOptions.url) return req.routeOptions.url;
  try {
    return decodeURIComponent(new URL(req.url, 'http://host').pathname);
  } catch {
    return req.url;
  }
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/** The operation a request runs and the role it needs (`public` for the dashboard's files). */
export function requirementOf(req: FastifyRequest): { operation: string; needs: Requirement } {
  const operation = (req.routeOptions.schema as { operationId?: string } | undefined)?.operationId;
  if (operation) return { operation, needs: OPERATION_ROLES.get(operation) ?? 'admin' };
  const path = pathOf(req);
  return { operation: path, needs: isApi(path) ? 'admin' : 'public' };
}

const hasCredentials = (req: FastifyRequest) => Boolean(req.headers.authorization || req.headers.cookie?.includes(SESSION_COOKIE));
const isBasic = (req: FastifyRequest) => /^basic /i.test(req.headers.authorization ?? '');

const deny = (reply: FastifyReply, status: number, detail: string) => reply.code(status).send({ detail });

/**
 * One hook before every route: Host (DNS rebinding), Origin (cross-site requests), who is
 * asking, and whether their role allows the operation (the table in roles.ts). Routes never
 * check roles themselves.
 */
export function registerSecurity(app: App, ctx: AppContext) {
  const { settings } = ctx;
  const { auth, throttle } = ctx.security;
  const hosts = allowedHosts(settings);
  const origins = allowedOrigins(settings);
  if (hosts === null) app.log.warn('SYNTASK_SERVER_ALLOWED_HOSTS=* answers any Host header: pages on other sites can reach this server through DNS rebinding.');

  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (req, reply) => {
    const host = hostName(req.headers.host);
    if (hosts !== null && (!host || !hosts.has(host))) {
      return deny(reply, 421, `Host "${req.headers.host ?? ''}" is not served here. Add it to SYNTASK_SERVER_ALLOWED_HOSTS if this server should answer to it.`);
    }
    if (isApi(pathOf(req)) && isForeign({ origin: req.headers.origin, secFetchSite: req.headers['sec-fetch-site'] as string | undefined, host: req.headers.host }, origins)) {
      return deny(reply, 403, 'Cross-origin request refused. Add the origin to SYNTASK_SERVER_CORS_ALLOWED_ORIGINS to allow it.');
    }
    const { operation, needs } = requirementOf(req);
    // Public routes (health, assets, sign-in) do no database work unless credentials came along.
    if (needs === 'public') {
      if (hasCredentials(req) && (await auth.enabled())) {
        const found = await auth.identify(req);
        req.principal = found === 'invalid' ? null : found;
      }
      return;
    }
    const unsafe = UNSAFE.has(req.method);
    if (!(await auth.enabled())) {
      req.principal = ANONYMOUS;
      if (unsafe && settings.csrfEnabled) return checkCsrf(ctx, req, reply);
      return;
    }
    // Guesses at the auth string are throttled per address like sign-ins.
    const address = [`addr:${req.ip}`];
    if (isBasic(req)) {
      const wait = await throttle.retryAfter(address);
      if (wait > 0) return reply.code(429).header('retry-after', String(wait)).send({ detail: `Too many failed sign-ins. Try again in ${wait} s.` });
    }
    const found = await auth.identify(req);
    if (found === null || found === 'invalid') {
      if (found === 'invalid' && isBasic(req)) await throttle.attempt(address);
      return deny(reply, 401, 'Not authenticated. Sign in, or send an API key (Authorization: Bearer) or SYNTASK_API_AUTH_STRING (Basic).');
    }
    req.principal = found;
    if (!allows(found.role, needs)) return deny(reply, 403, `This needs the ${needs} role; ${found.name} is ${found.role === 'viewer' ? 'a' : 'an'} ${found.role}.`);
    // A cookie rides along with any request the browser makes: its writes also need this tab's CSRF token.
    if (unsafe && (settings.csrfEnabled || (found.via === 'cookie' && isWrite(operation)))) return checkCsrf(ctx, req, reply);
  });

  // Secret values, and commands a worker would run, need more than the operation alone.
  app.addHook('preHandler', async (req, reply) => {
    const p = req.principal;
    if (!p) return;
    const query = req.query as { include_secrets?: unknown } | undefined;
    const body = (req.body !== null && typeof req.body === 'object' ? req.body : {}) as { include_secrets?: unknown; job_variables?: unknown };
    const wantsSecrets = query?.include_secrets === true || query?.include_secrets === 'true' || body.include_secrets === true;
    if (wantsSecrets && !allows(p.role, SECRETS_ROLE)) return deny(reply, 403, `Reading secret values needs the ${SECRETS_ROLE} role.`);
    const setsJobVariables = body.job_variables !== undefined && body.job_variables !== null && Object.keys(body.job_variables as object).length > 0;
    if (setsJobVariables && !allows(p.role, JOB_VARIABLES_ROLE)) return deny(reply, 403, `Setting job variables (the command and environment a worker runs) needs the ${JOB_VARIABLES_ROLE} role.`);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    for (const [k, v] of Object.entries(ALL_RESPONSE_HEADERS)) reply.header(k, v);
    const { operation } = requirementOf(req);
    // The CSRF token is for this origin's pages only, even with CORS configured open.
    if (operation === 'csrfToken') reply.removeHeader('access-control-allow-origin');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) for (const [k, v] of Object.entries(HTML_HEADERS)) reply.header(k, v);
    if (!UNSAFE.has(req.method) || !isApi(pathOf(req)) || !isWrite(operation)) return payload;
    // Every write by a user or key, refused ones and failed sign-ins included.
    const p = req.principal;
    if (p && p.kind !== 'anonymous') await recordAudit(ctx.db.kysely, req, p, operation, reply.statusCode, payload);
    else if (reply.statusCode === 401) await recordAudit(ctx.db.kysely, req, { kind: 'anonymous', name: 'anonymous', role: 'viewer', via: 'none' }, operation, 401, payload);
    return payload;
  });
}

/** Contract §1.8 headers, checked against the stored token of the client (bound to the session). */
async function checkCsrf(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  const token = req.headers['syntask-csrf-token'];
  const client = req.headers['syntask-csrf-client'];
  if (!token) return deny(reply, 403, 'Missing CSRF token.');
  if (!client) return deny(reply, 403, 'Missing client identifier.');
  const row = await ctx.db.kysely.selectFrom('csrf_token').select(['token', 'expiration']).where('client', '=', csrfClientKey(req, String(client))).executeTakeFirst();
  const given = Buffer.from(String(token));
  const valid = row && row.expiration > nowMicros() && given.length === Buffer.byteLength(row.token) && timingSafeEqual(given, Buffer.from(row.token));
  if (!valid) return deny(reply, 403, 'Invalid CSRF token or client identifier.');
}
