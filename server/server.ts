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

/** Opens the database, migrates it and builds the app (without listening). */
export async function createServer(settings: Settings, dbOptions: DbOptions = {}): Promise<{ app: App; ctx: AppContext }> {
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
  const ctx: AppContext = { settings, db, events, secrets, version: SERVER_RELEASE, hooks: { checkDocuments: (trx, ...ids) => checkDocumentsExist(trx, ids) } };
  const app = await buildApp(ctx);
  await installSystemBlockTypes(ctx, app.log);
  const notifications = new NotificationService(ctx, app.log);
  if (settings.notificationsEnabled) notifications.start();
  app.addHook('onClose', async () => {
    await notifications.stop();
    await db.close();
  });
  return { app, ctx };
}

/** Starts the API server (and the dashboard) and its background services, and listens. */
export async function startServer(settings: Settings, dbOptions: DbOptions = {}): Promise<RunningServer> {
  const { app, ctx } = await createServer(settings, dbOptions);
  const services = createServices(ctx, (service, err) => app.log.error({ err: { message: (err as Error)?.message, stack: (err as Error)?.stack } }, `service ${service} failed`));
  app.addHook('preClose', async () => {
    await services.stop();
  });
  await app.listen({ host: settings.host, port: settings.port });
  services.start();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, ctx, services, url: `http://${host}:${port}`, close: () => app.close() };
}

export function exposureWarning(settings: Settings): string | null {
  if (isLoopback(settings.host)) return null;
  return `WARNING: the Syntask server is listening on ${settings.host}, which is reachable from other machines, and this release has no authentication: anyone who can reach port ${settings.port} can read and change all data. Bind to 127.0.0.1 unless the network is trusted.`;
}
