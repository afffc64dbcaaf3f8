import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp, PACKAGE_ROOT } from './app.ts';
import type { App } from './api/common.ts';
import type { AppContext, AppEvents } from './context.ts';
import { openDatabase, parseDatabaseUrl, type DbOptions } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadSecretBox } from './lib/secret-box.ts';
import { installSystemBlockTypes } from './services/block-catalog.ts';
import { NotificationService } from './services/notifications.ts';
import { isLoopback, type Settings } from './settings.ts';

export interface RunningServer {
  app: App;
  ctx: AppContext;
  url: string;
  close(): Promise<void>;
}

export const SERVER_RELEASE: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;

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
  const ctx: AppContext = { settings, db, events, secrets, version: SERVER_RELEASE };
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

/** Starts the API server (and the dashboard) and listens. */
export async function startServer(settings: Settings, dbOptions: DbOptions = {}): Promise<RunningServer> {
  const { app, ctx } = await createServer(settings, dbOptions);
  await app.listen({ host: settings.host, port: settings.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return { app, ctx, url: `http://${host}:${port}`, close: () => app.close() };
}

export function exposureWarning(settings: Settings): string | null {
  if (isLoopback(settings.host)) return null;
  return `WARNING: the Syntask server is listening on ${settings.host}, which is reachable from other machines, and this release has no authentication: anyone who can reach port ${settings.port} can read and change all data. Bind to 127.0.0.1 unless the network is trusted.`;
}
