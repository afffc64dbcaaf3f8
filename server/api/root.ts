import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { HttpError } from '../errors.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { publicSettings } from '../settings.ts';
import { API_VERSION, type AppContext } from '../context.ts';
import { sendJsonString, type App } from './common.ts';
import { DateTime, model, ref, Type } from './models/common.ts';
import { LIVE_FLAGS } from './live.ts';
import { NOTIFICATION_FLAGS } from './notification-policies.ts';
import { UI_FLAGS } from './ui.ts';
import { UI_RUNS_FLAGS } from './ui-runs.ts';

const CsrfToken = model(
  'CsrfToken',
  Type.Object({ id: Type.String(), created: DateTime, updated: DateTime, token: Type.String(), client: Type.String(), expiration: DateTime }),
);

const UiSettings = model('UiSettings', Type.Object({ api_url: Type.String(), csrf_enabled: Type.Boolean(), flags: Type.Array(Type.String()) }));

/** Extension endpoints this server offers beyond the contract; the dashboard reads them from `/ui-settings`. */
export const FEATURE_FLAGS: string[] = [...UI_RUNS_FLAGS, ...LIVE_FLAGS, ...UI_FLAGS, ...NOTIFICATION_FLAGS];

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function rootRoutes(app: App, ctx: AppContext) {
  const tags = ['Root'];
  app.get('/api/health', { schema: { tags, operationId: 'health', response: { 200: Type.Boolean() } } }, async () => true);
  app.get('/api/version', { schema: { tags, operationId: 'apiVersion', response: { 200: Type.String() } } }, async (_req, reply) => sendJsonString(reply, API_VERSION));
  app.get('/api/hello', { schema: { tags, operationId: 'hello', response: { 200: Type.String() } } }, async (_req, reply) => sendJsonString(reply, '👋'));
  app.get('/api/ready', { schema: { tags, operationId: 'ready', response: { 200: Type.Object({ message: Type.String() }), 503: Type.Object({ message: Type.String() }) } } }, async (_req, reply) =>
    (await ctx.db.ping()) ? { message: 'OK' } : reply.code(503).send({ message: 'Database is not available' }),
  );
  app.get('/api/admin/version', { schema: { tags: ['Admin'], operationId: 'serverVersion', response: { 200: Type.String() } } }, async (_req, reply) => sendJsonString(reply, ctx.version));
  app.get('/api/admin/settings', { schema: { tags: ['Admin'], operationId: 'readSettings', response: { 200: Type.Record(Type.String(), Type.Unknown()) } } }, async () => publicSettings(ctx.settings));

  app.get('/ui-settings', { schema: { tags: ['UI'], operationId: 'uiSettings', response: { 200: ref(UiSettings) } } }, async () => ({
    api_url: ctx.settings.uiApiUrl,
    csrf_enabled: ctx.settings.csrfEnabled,
    flags: FEATURE_FLAGS,
  }));

  app.get(
    '/api/csrf-token',
    { schema: { tags, operationId: 'csrfToken', querystring: Type.Object({ client: Type.String({ minLength: 1, maxLength: 500 }) }), response: { 200: ref(CsrfToken) } } },
    async (req) => {
      if (!ctx.settings.csrfEnabled) throw new HttpError(422, 'CSRF protection is disabled.');
      const now = nowMicros();
      const expiration = now + Math.round(ctx.settings.csrfTokenExpirationSeconds * 1e6);
      const token = randomBytes(32).toString('hex');
      const { client } = req.query;
      const row = await ctx.db.transaction(async (trx) => {
        await trx.deleteFrom('csrf_token').where('expiration', '<', now).execute();
        await trx
          .insertInto('csrf_token')
          .values({ id: randomUUID(), created: now, updated: now, token, client, expiration })
          .onConflict((oc) => oc.column('client').doUpdateSet({ token, expiration, updated: now }))
          .execute();
        return trx.selectFrom('csrf_token').selectAll().where('client', '=', client).executeTakeFirstOrThrow();
      });
      return { id: row.id, created: formatDateTime(row.created), updated: formatDateTime(row.updated), token: row.token, client: row.client, expiration: formatDateTime(row.expiration) };
    },
  );

  // CSRF protection for every state-changing request when enabled (contract §1.8).
  app.addHook('onRequest', async (req, reply) => {
    if (!ctx.settings.csrfEnabled || !unsafeMethods.has(req.method) || !req.url.startsWith('/api')) return;
    const token = req.headers['syntask-csrf-token'];
    const client = req.headers['syntask-csrf-client'];
    if (!token) return reply.code(403).send({ detail: 'Missing CSRF token.' });
    if (!client) return reply.code(403).send({ detail: 'Missing client identifier.' });
    const row = await ctx.db.kysely.selectFrom('csrf_token').select(['token', 'expiration']).where('client', '=', String(client)).executeTakeFirst();
    const given = Buffer.from(String(token));
    const valid = row && row.expiration > nowMicros() && given.length === Buffer.byteLength(row.token) && timingSafeEqual(given, Buffer.from(row.token));
    if (!valid) return reply.code(403).send({ detail: 'Invalid CSRF token or client identifier.' });
  });
}
