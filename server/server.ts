import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, PACKAGE_ROOT } from './app.ts';
import type { App } from './api/common.ts';
import type { AppContext, AppEvents } from './context.ts';
import { openDatabase, parseDatabaseUrl, type DbOptions, type Executor } from './db/connection.ts';
import { HttpError } from './errors.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createServices, type Services } from './services/index.ts';
import { loadSecretBox } from './lib/secret-box.ts';
import { installSystemBlockTypes } from './services/block-catalog.ts';
import { NotificationService } from './services/notifications.ts';
import { createServiceLocks } from './services/service-locks.ts';
import { ChangeFeed } from './services/change-feed.ts';
import { EventLog } from './events/event-log.ts';
import { AutomationRuntime } from './automations/runtime.ts';
import type { Inject } from './automations/template-context.ts';
import { newToken } from './security/secrets.ts';
import { createSecurity } from './security/index.ts';
import { isLoopback, type Settings } from './settings.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  services: Services;
  url: string;
  close(): Promise<void>;
}

export const SERVER_RELEASE: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

/** Storage and infrastructure documents a deployment names must exist (contract §3.5: 409). */
async function checkDocumentsExist(trx: Executor, ids: (string | null | undefined)[]) {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (wanted.length === 0) return;
  const found = await trx.selectFrom('block_document').select('id').where('id', 'in', wanted).execute();
  const missing = wanted.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new HttpError(409, `Block document ${missing.join(', ')} not found.`);
}

export interface CreateOptions {
  /** Embedded API only: a secret its own process's calls carry (see Authenticator). */
  processToken?: string;
}

/** Opens the database, migrates it and builds the app (without listening). */
export async function createServer(settings: Settings, dbOptions: DbOptions = {}, options: CreateOptions = {}): Promise<{ app: App; ctx: AppContext }> {
  // Before anything else: PostgreSQL without SYNTASK_SECRET_KEY refuses to start.
  const secrets = loadSecretBox(settings, parseDatabaseUrl(settings.databaseUrl).dialect);
  const db = await openDatabase(settings.databaseUrl, { timeoutSeconds: settings.databaseTimeoutSeconds, ...dbOptions });
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const events = new EventEmitter<AppEvents>();
  events.setMaxListeners(0);
  // Automation actions call this server's own API in-process with a token that never leaves it.
  const internalToken = newToken();
  let appRef: App | null = null;
  const inject: Inject = async (r) => {
    const res = await appRef!.inject({ method: r.method as 'GET', url: r.url, payload: r.payload as object | undefined, headers: { authorization: `Bearer ${internalToken}` } });
    return { statusCode: res.statusCode, body: res.body };
  };
  const ctx = {
    settings,
    db,
    events,
    secrets,
    version: SERVER_RELEASE,
    hooks: { checkDocuments: (trx, ...ids) => checkDocumentsExist(trx, ids) },
    security: createSecurity({ db, settings }, options.processToken ?? null, internalToken),
    locks: createServiceLocks(db, settings.databaseUrl),
    eventLog: new EventLog(db, settings),
  } as AppContext;
  ctx.automations = new AutomationRuntime(ctx, inject);
  await refuseOpenExposure(ctx);
  const app = await buildApp(ctx);
  appRef = app;
  ctx.eventLog.useLogger(app.log);
  ctx.automations.useLogger(app.log);
  await ctx.automations.attach();
  const stopAnnouncing = ctx.eventLog.announceChanges(events);
  // Replicas starting together seed the catalog one after the other.
  await ctx.locks.runExclusive('block-catalog', () => installSystemBlockTypes(ctx, app.log));
  const notifications = new NotificationService(ctx, app.log);
  if (settings.notificationsEnabled) notifications.start();
  app.addHook('onClose', async () => {
    await notifications.stop();
    await ctx.automations.stop();
    await ctx.eventLog.drain();
    stopAnnouncing();
    await ctx.locks.close();
    await db.close();
  });
  return { app, ctx };
}

/** Starts the API server (and the dashboard) and its background services, and listens. */
export async function startServer(settings: Settings, dbOptions: DbOptions = {}): Promise<RunningServer> {
  const { app, ctx } = await createServer(settings, dbOptions);
  const services = createServices(ctx, (service, err) => app.log.error({ err: { message: (err as Error)?.message, stack: (err as Error)?.stack } }, `service ${service} failed`));
  // Several replicas on one PostgreSQL: writes through any of them reach every replica's streams.
  const feed = ctx.db.dialect === 'postgres' ? new ChangeFeed(ctx, app.log) : null;
  app.addHook('preClose', async () => {
    await services.stop();
    await ctx.automations.stop();
    await feed?.stop();
  });
  await feed?.start();
  await app.listen({ host: settings.host, port: settings.port });
  services.start();
  if (ctx.settings.services.enabled) await ctx.automations.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, ctx, services, url: `http://${host}:${port}`, close: () => app.close() };
}

export class StartupRefused extends Error {}

/** Off loopback, sign-in is required unless explicitly waived. */
async function refuseOpenExposure(ctx: AppContext) {
  const { settings } = ctx;
  if (isLoopback(settings.host) || (await ctx.security.auth.enabled())) return;
  if (settings.allowUnauthenticated) return;
  await ctx.db.close();
  throw new StartupRefused(
    `Refusing to listen on ${settings.host} without sign-in: anyone who can reach port ${settings.port} could read every secret and run commands through a worker. ` +
      'Create an admin (`syntask user create NAME --role admin`) or set SYNTASK_SERVER_API_AUTH_STRING=user:password; ' +
      'set SYNTASK_SERVER_ALLOWED_HOSTS to the names clients use for this server; ' +
      'or, on a network you trust completely, set SYNTASK_SERVER_ALLOW_UNAUTHENTICATED=true.',
  );
}

export function exposureWarning(settings: Settings): string | null {
  if (isLoopback(settings.host) || !settings.allowUnauthenticated || settings.authString) return null;
  return `WARNING: SYNTASK_SERVER_ALLOW_UNAUTHENTICATED=true and the server listens on ${settings.host}: unless users exist, anyone who can reach port ${settings.port} can read and change all data and run commands through workers.`;
}
