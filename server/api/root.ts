import { randomBytes, randomUUID } from 'node:crypto';
import { HttpError } from '../errors.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { csrfClientKey } from '../security/csrf.ts';
import { publicSettings } from '../settings.ts';
import { API_VERSION, type AppContext } from '../context.ts';
import { sendJsonString, type App } from './common.ts';
import { DateTime, model, ref, Type } from './models/common.ts';
import { LIVE_FLAGS } from './live.ts';
import { NOTIFICATION_FLAGS } from './notification-policies.ts';
import { UI_FLAGS } from './ui.ts';
import { UI_RUNS_FLAGS } from './ui-runs.ts';
import { TASK_GRID_FLAGS } from './task-grid.ts';
import { RUN_DELAY_FLAGS } from './run-delay.ts';
import { FAILURE_FLAGS } from './failures.ts';
import { RUN_COMPARE_FLAGS } from './run-compare.ts';

const CsrfToken = model(
  'CsrfToken',
  Type.Object({ id: Type.String(), created: DateTime, updated: DateTime, token: Type.String(), client: Type.String(), expiration: DateTime }),
);

const UiSettings = model(
  'UiSettings',
  Type.Object({
    api_url: Type.String(),
    csrf_enabled: Type.Boolean(),
    auth_enabled: Type.Boolean(),
    flags: Type.Array(Type.String()),
    /** The profile of `$SYNTASK_HOME/profiles.toml` the server process runs with (`syntask profile use`). */
    profile: Type.Union([Type.String(), Type.Null()]),
  }),
);

/** The flags a Syntask 2 server reports; clients written for it look for these names. */
const SYNTASK2_FLAGS = ['artifacts', 'artifacts_on_flow_run_graph', 'deployment_status', 'enhanced_cancellation', 'states_on_flow_run_graph', 'work_pools', 'work_queue_status', 'workers', 'workspace_dashboard'];

/** Syntask 2's flags, then the extension endpoints this server offers beyond the contract (the dashboard reads those). */
export const FEATURE_FLAGS: string[] = [...SYNTASK2_FLAGS, ...UI_RUNS_FLAGS, ...TASK_GRID_FLAGS, ...RUN_DELAY_FLAGS, ...FAILURE_FLAGS, ...RUN_COMPARE_FLAGS, ...LIVE_FLAGS, ...UI_FLAGS, ...NOTIFICATION_FLAGS];

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

  // With sign-in on, the dashboard's cookie writes carry CSRF tokens whatever the setting says.
  const csrfOn = async () => ctx.settings.csrfEnabled || (await ctx.security.auth.enabled());
  app.get('/ui-settings', { schema: { tags: ['UI'], operationId: 'uiSettings', response: { 200: ref(UiSettings) } } }, async () => ({
    api_url: ctx.settings.uiApiUrl,
    csrf_enabled: await csrfOn(),
    auth_enabled: await ctx.security.auth.enabled(),
    flags: ctx.settings.events.triggersEnabled ? [...FEATURE_FLAGS, 'automations'] : FEATURE_FLAGS,
    profile: ctx.settings.profile,
  }));

  app.get(
    '/api/csrf-token',
    { schema: { tags, operationId: 'csrfToken', querystring: Type.Object({ client: Type.String({ minLength: 1, maxLength: 500 }) }), response: { 200: ref(CsrfToken) } } },
    async (req) => {
      if (!(await csrfOn())) throw new HttpError(422, 'CSRF protection is disabled.');
      const now = nowMicros();
      const expiration = now + Math.round(ctx.settings.csrfTokenExpirationSeconds * 1e6);
      const token = randomBytes(32).toString('hex');
      const client = csrfClientKey(req, req.query.client);
      const row = await ctx.db.transaction(async (trx) => {
        await trx.deleteFrom('csrf_token').where('expiration', '<', now).execute();
        await trx
          .insertInto('csrf_token')
          .values({ id: randomUUID(), created: now, updated: now, token, client, expiration })
          .onConflict((oc) => oc.column('client').doUpdateSet({ token, expiration, updated: now }))
          .execute();
        return trx.selectFrom('csrf_token').selectAll().where('client', '=', client).executeTakeFirstOrThrow();
      });
      return { id: row.id, created: formatDateTime(row.created), updated: formatDateTime(row.updated), token: row.token, client: req.query.client, expiration: formatDateTime(row.expiration) };
    },
  );
}
