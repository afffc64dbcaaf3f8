import type { AppContext } from '../context.ts';
import { clearDatabase, createDatabase, dropDatabase } from '../db/database-admin.ts';
import { HttpError } from '../errors.ts';
import { hasUsers } from '../security/accounts.ts';
import { installSystemBlockTypes } from '../services/block-catalog.ts';
import { isLoopback, type Settings } from '../settings.ts';
import type { App } from './common.ts';
import { Type } from './models/common.ts';

const ConfirmBody = Type.Object({ confirm: Type.Optional(Type.Boolean()) });

/**
 * Dropping deletes the accounts too. When sign-in rests on them alone and the server listens
 * beyond loopback, the server would be open to anyone afterwards: the same exposure the
 * server refuses at start-up.
 */
export function dropWouldOpenServer(settings: Pick<Settings, 'authString' | 'host' | 'allowUnauthenticated'>, accountsExist: boolean): boolean {
  return accountsExist && !settings.authString && !isLoopback(settings.host) && !settings.allowUnauthenticated;
}

/** Admin database actions (contract §3.16): `{confirm: true}` → 204, otherwise 400. */
export function adminDatabaseRoutes(app: App, ctx: AppContext) {
  const action = (path: string, operationId: string, summary: string, run: () => Promise<void>) =>
    app.post(path, { schema: { tags: ['Admin'], operationId, summary, body: ConfirmBody } }, async (req, reply) => {
      if (req.body.confirm !== true) throw new HttpError(400, 'Pass {"confirm": true} to confirm you want to modify the database.');
      await run();
      return reply.code(204).send();
    });

  // Like a fresh install afterwards: the built-in block types are registered again.
  action('/api/admin/database/clear', 'clearDatabase', 'Delete all data except user accounts, sessions, API keys and the audit log', async () => {
    await clearDatabase(ctx.db);
    await installSystemBlockTypes(ctx, app.log);
  });
  action('/api/admin/database/drop', 'dropDatabase', 'Drop every table (the API answers errors until create)', async () => {
    if (dropWouldOpenServer(ctx.settings, await hasUsers(ctx.db.kysely))) {
      throw new HttpError(409, `Dropping the database deletes every user account and would leave this server, listening on ${ctx.settings.host}, without sign-in. Use clear, which keeps the accounts, or set SYNTASK_SERVER_API_AUTH_STRING first.`);
    }
    await dropDatabase(ctx.db);
    ctx.security.auth.forgetUsers();
  });
  action('/api/admin/database/create', 'createDatabase', 'Create the tables (run the migrations)', async () => {
    await createDatabase(ctx.db);
    ctx.security.auth.forgetUsers();
    await installSystemBlockTypes(ctx, app.log);
  });
}
