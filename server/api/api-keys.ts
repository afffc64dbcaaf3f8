import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { formatDateTime, formatNullable, parseDateTime } from '../lib/time.ts';
import { createApiKey, deleteApiKey, listApiKeys, type ApiKeyView } from '../security/accounts.ts';
import type { Principal } from '../security/authenticate.ts';
import { IdParams, type App } from './common.ts';
import { ref, Type } from './models/common.ts';
import { ApiKey, ApiKeyCreate, ApiKeyCreated } from './models/security.ts';

const keyOut = (k: ApiKeyView) => ({ ...k, created: formatDateTime(k.created), expires: formatNullable(k.expires), last_used: formatNullable(k.last_used) });

/** Admins see and revoke every key; everyone else only the keys they created. */
const scopeOf = (p: Principal | null) => (p && p.role !== 'admin' ? (p.userId ?? '') : undefined);

/** Keys for machines (workers, CI): `Authorization: Bearer <key>`. Only people create them. */
export function apiKeyRoutes(app: App, ctx: AppContext) {
  const tags = ['API Keys'];
  app.post('/api/api_keys/', { schema: { tags, operationId: 'createApiKey', body: ref(ApiKeyCreate), response: { 201: ref(ApiKeyCreated) } } }, async (req, reply) => {
    const p = req.principal;
    if (p?.kind === 'key') throw new HttpError(403, 'An API key cannot create API keys; sign in as a user.');
    const creatorRole = p?.role ?? 'admin';
    let expires: number | null = null;
    if (req.body.expires) {
      expires = parseDateTime(req.body.expires);
      if (expires === null) throw new HttpError(422, 'expires must be an ISO-8601 date-time.');
    }
    const created = await createApiKey(ctx.db.kysely, { name: req.body.name, role: req.body.role ?? creatorRole, creatorRole, createdBy: p?.name ?? 'anonymous', creatorUserId: p?.userId ?? null, expires });
    return reply.code(201).send({ ...keyOut(created), key: created.key });
  });
  app.get('/api/api_keys/', { schema: { tags, operationId: 'filterApiKeys', response: { 200: Type.Array(ref(ApiKey)) } } }, async (req) => (await listApiKeys(ctx.db.kysely, scopeOf(req.principal))).map(keyOut));
  app.delete('/api/api_keys/:id', { schema: { tags, operationId: 'deleteApiKey', params: IdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    await deleteApiKey(ctx.db.kysely, req.params.id, scopeOf(req.principal));
    return reply.code(204).send(null);
  });
}
