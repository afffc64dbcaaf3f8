import { existsSync } from 'node:fs';
import { lazySerializerFactory, lazyValidator } from './lib/lazy-compile.ts';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import compress from '@fastify/compress';
import websocket from '@fastify/websocket';
import fastifyStatic from '@fastify/static';
import { createIndexHtml } from './lib/ui-preload.ts';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App } from './api/common.ts';
import { namedModels } from './api/models/common.ts';
import { createValidators, JsonBodyError, parseJsonBody, toErrorDetails } from './api/validation.ts';
import { registerRoutes } from './api/index.ts';
import { TRUNCATED_HEADER } from './api/logs.ts';
import { HttpError, ObjectNotFound, RequestValidationError } from './errors.ts';
import { API_VERSION, MIN_API_VERSION, type AppContext } from './context.ts';
import { registerSecurity } from './security/index.ts';
import { allowedOrigins } from './security/request-checks.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = resolve(here, '..');

const VALIDATION_MESSAGE = 'Invalid request received.';

/** Largest request body (a batch of logs, a big deployment); larger → 413. */
export const BODY_LIMIT_BYTES = 50 * 1024 * 1024;

const trustedProxies = (value: string) => {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  return list.length ? list : false;
};

/** Maps database driver errors to the contract's 409 / 503, and text PostgreSQL cannot store to 422. */
function databaseErrorStatus(err: unknown): 409 | 422 | 503 | null {
  const e = err as { code?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  // A lone surrogate (`"\ud800"`) in a json column, or a NUL in text: the request's fault.
  if (code === '22P02' || code === '22P05' || code === '22021') return 422;
  if (code.startsWith('SQLITE_CONSTRAINT') || code === '23505' || code === '23503' || code === '23502' || code === '23514') return 409;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code.startsWith('08') || code === '57P01' || code === '57014' || code === '53300' || code === 'ECONNREFUSED' || code === '40001' || code === '40P01') return 503;
  return null;
}

function parseApiVersion(value: string): [number, number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(value.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const older = (a: readonly number[], b: readonly number[]) => a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];

/** Routes whose bodies may hold secrets declare `config: { redactBody }`: a 422 echoes the redacted body. */
export interface RouteConfig {
  redactBody?: (body: unknown) => unknown;
}

function echoedBody(req: FastifyRequest): unknown {
  const redact = (req.routeOptions.config as RouteConfig | undefined)?.redactBody;
  const body = req.body ?? null;
  return redact && body !== null ? redact(body) : body;
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const { settings } = ctx;
  const app = Fastify({
    logger: { level: settings.logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustedProxies(settings.trustedProxies),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    ajv: { customOptions: { strict: false } },
    schemaController: { compilersFactory: { buildSerializer: lazySerializerFactory } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  // Shared models: fastify (serialization, OpenAPI components) and both validators.
  const models = namedModels();
  for (const m of models) app.addSchema(m);
  const validators = createValidators(models);
  app.setValidatorCompiler(({ schema, httpPart }) => lazyValidator(() => (httpPart === 'body' ? validators.body : validators.query).compile(schema)));

  // JSON only: a text/plain or form body is what a cross-site page can send without a preflight → 415.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  // Host, Origin, sign-in and roles: before CORS, compression and every route.
  registerSecurity(app, ctx);
  const origins = allowedOrigins(settings);
  await app.register(cors, {
    // Closed unless SYNTASK_SERVER_CORS_ALLOWED_ORIGINS names origins (or `*`).
    origin: origins === null ? '*' : origins.size ? [...origins] : false,
    methods: settings.corsMethods === '*' ? ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS'] : settings.corsMethods.split(',').map((s) => s.trim()),
    // `*`: echo what the preflight asks for (an empty list would block every JSON client).
    allowedHeaders: (settings.corsHeaders === '*' ? null : settings.corsHeaders.split(',').map((s) => s.trim())) as string[],
    exposedHeaders: [TRUNCATED_HEADER],
  });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  // The event websockets (`/api/events/in`, `/api/events/out`); `/out` speaks the `syntask` subprotocol.
  await app.register(websocket, { options: { maxPayload: 16 * 1024 * 1024, handleProtocols: (protocols: Set<string>) => (protocols.has('syntask') ? 'syntask' : false) } });
  // A refused upgrade (401, 403, 404) answered on the raw socket: close it, or it stays open and holds up shutdown.
  app.addHook('onResponse', async (req) => {
    if (req.headers.upgrade && !req.raw.socket.destroyed) req.raw.socket.end();
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Syntask REST API', version: API_VERSION, description: 'The Syntask 2 orchestration API. Contract: rest-api.md; extensions are documented in the README.' },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String((json as { $id?: string }).$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', logLevel: 'warn' });

  app.addHook('onRequest', async (req, reply) => {
    const header = req.headers['x-syntask-api-version'];
    if (header === undefined) return;
    const version = parseApiVersion(String(header));
    if (!version) return reply.code(400).send({ detail: `Invalid X-SYNTASK-API-VERSION header format: "${header}". Expected x.y.z.` });
    if (older(version, MIN_API_VERSION)) {
      return reply.code(400).send({ detail: `The request specified API version ${header} but this server requires version ${MIN_API_VERSION.join('.')} or higher.` });
    }
    (req as FastifyRequest & { apiVersion?: readonly number[] }).apiVersion = version;
  });

  // No body (or an empty one) on a route that takes a body means "all defaults".
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined && req.routeOptions.schema?.body) req.body = {};
  });

  app.setErrorHandler((error: FastifyError & { validationContext?: string }, req, reply) => {
    if (error.validation) {
      if (error.validationContext === 'params') return reply.code(404).send({ detail: 'Not Found' });
      const part = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      return reply.code(422).send({
        exception_message: VALIDATION_MESSAGE,
        exception_detail: toErrorDetails(error.validation as never, part),
        request_body: part === 'body' ? echoedBody(req) : null,
      });
    }
    if (error instanceof JsonBodyError) {
      const position = (error as JsonBodyError).position;
      return reply.code(422).send({
        exception_message: VALIDATION_MESSAGE,
        exception_detail: [{ loc: position === undefined ? ['body'] : ['body', position], msg: error.message, type: 'value_error.jsondecode' }],
        request_body: null,
      });
    }
    if (error instanceof RequestValidationError) {
      return reply.code(422).send({ exception_message: VALIDATION_MESSAGE, exception_detail: [{ loc: error.loc, msg: error.msg, type: error.type }], request_body: echoedBody(req) });
    }
    if (error instanceof HttpError) return reply.code(error.status).send({ detail: error.detail });
    if (error instanceof ObjectNotFound) return reply.code(404).send({ exception_message: error.message });
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ detail: 'Request body is too large.' });
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ detail: `Unsupported media type: ${req.headers['content-type'] ?? 'none'}. Send JSON.` });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return reply.code(error.statusCode).send({ detail: error.message });
    const dbStatus = databaseErrorStatus(error);
    if (dbStatus === 422) return reply.code(422).send({ detail: 'The request holds text the database cannot store (an unpaired surrogate or a NUL character).' });
    if (dbStatus === 409) {
      return reply.code(409).send({ detail: 'Data integrity conflict. This usually means a unique or foreign key constraint was violated. See server logs for details.' });
    }
    // Only the message: request bodies (which may hold secrets) are never logged.
    req.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, `${req.method} ${req.routeOptions.url ?? req.url} failed`);
    if (dbStatus === 503) return reply.code(503).send({ exception_message: 'Service Unavailable' });
    return reply.code(500).send({ exception_message: 'Internal Server Error' });
  });

  await registerRoutes(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true, operationId: 'openApiDocument' } }, async () => app.swagger());

  await registerDashboard(app, ctx);
  return app;
}

/** Serves the built dashboard at `/` with SPA fallback; unknown API routes stay JSON 404s. */
async function registerDashboard(app: App, ctx: AppContext) {
  const dir = ctx.settings.uiStaticDir || join(PACKAGE_ROOT, 'dist', 'ui');
  const hasUi = ctx.settings.uiEnabled && existsSync(join(dir, 'index.html'));
  const indexHtml = hasUi ? createIndexHtml(dir) : undefined;
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br/.gz next to each asset: no compression work per request.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed file names never change content: cache them for good; everything else revalidates.
        res.setHeader('vary', 'accept-encoding');
        res.setHeader('cache-control', /[/\\]assets[/\\]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    const isApi = path === '/api' || path.startsWith('/api/') || path === '/docs' || path.startsWith('/docs/');
    if (hasUi && req.method === 'GET' && !isApi) {
      if (/\.[a-z0-9]+$/i.test(path) && !path.endsWith('.html')) return reply.code(404).send({ detail: 'Not Found' });
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml!(path));
    }
    return reply.code(404).send({ detail: 'Not Found' });
  });
}
