import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import { formatDateTime } from '../lib/time.ts';
import { createUser, deleteUser, listUsers, updateUser, type UserView } from '../security/accounts.ts';
import { readCookie, SESSION_COOKIE } from '../security/authenticate.ts';
import { decoyHash, sameSecret, verifyPassword } from '../security/secrets.ts';
import { throttleSubjects } from '../security/throttle.ts';
import { IdParams, type App } from './common.ts';
import { Detail, ref, Type } from './models/common.ts';
import { Login, Me, User, UserCreate, UserUpdate } from './models/security.ts';

/** A 422 echoes the body: never with the password in it. */
const withoutPassword = { redactBody: (body: unknown) => (body && typeof body === 'object' && !Array.isArray(body) ? { ...body, ...('password' in body ? { password: '********' } : {}) } : null) };

const userOut = (u: UserView) => ({ ...u, created: formatDateTime(u.created) });

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS. */
function sessionCookie(req: FastifyRequest, token: string, maxAgeSeconds: number) {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Sign-in for the dashboard (a session cookie) and user management. */
export function authRoutes(app: App, ctx: AppContext) {
  const { auth, throttle } = ctx.security;
  const tags = ['Auth'];

  app.post('/api/auth/login', { config: withoutPassword, schema: { tags, operationId: 'authLogin', body: ref(Login), response: { 204: Type.Null(), 401: ref(Detail), 409: ref(Detail), 429: ref(Detail) } } }, async (req, reply) => {
    if (!(await auth.enabled())) throw new HttpError(409, 'Sign-in is off on this server: no users exist and SYNTASK_SERVER_API_AUTH_STRING is not set.');
    const { name, password } = req.body;
    const subjects = throttleSubjects(name, req.ip);
    const wait = await throttle.attempt(subjects);
    if (wait > 0) return reply.code(429).header('retry-after', String(wait)).send({ detail: `Too many failed sign-ins. Try again in ${wait} s.` });
    const user = await ctx.db.kysely.selectFrom('syntask_user').select(['id', 'name', 'role', 'password_hash']).where('name', '=', name).executeTakeFirst();
    // The same work and the same answer for an unknown name and a wrong password.
    const passwordOk = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
    const authStringOk = auth.authUser === name && sameSecret(`${name}:${password}`, ctx.settings.authString);
    if (!(user && passwordOk) && !authStringOk) return reply.code(401).send({ detail: 'Invalid name or password.' });
    await throttle.forgive(subjects);
    const account = user && passwordOk ? { id: user.id, name: user.name } : { id: null, name };
    const session = await auth.startSession(account);
    req.principal = { kind: account.id ? 'user' : 'auth-string', name: account.name, role: user && passwordOk ? user.role : 'admin', via: 'cookie', userId: account.id };
    return reply.code(204).header('set-cookie', sessionCookie(req, session.token, session.maxAgeSeconds)).send(null);
  });

  app.post('/api/auth/logout', { schema: { tags, operationId: 'authLogout', response: { 204: Type.Null() } } }, async (req, reply) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await auth.endSession(token);
    return reply.code(204).header('set-cookie', sessionCookie(req, '', 0)).send(null);
  });

  app.get('/api/auth/me', { schema: { tags, operationId: 'authMe', response: { 200: ref(Me) } } }, async (req, reply: FastifyReply) => {
    const enabled = await auth.enabled();
    if (!enabled) return { name: 'anonymous', role: 'admin' as const, kind: 'anonymous', auth_enabled: false };
    const p = req.principal;
    if (!p) return reply.code(401).send({ detail: 'Not authenticated.' });
    return { name: p.name, role: p.role, kind: p.kind, auth_enabled: true };
  });

  const usersTags = ['Users'];
  app.post('/api/users/', { config: withoutPassword, schema: { tags: usersTags, operationId: 'createUser', body: ref(UserCreate), response: { 201: ref(User) } } }, async (req, reply) => {
    const user = await createUser(ctx.db.kysely, req.body, Boolean(ctx.settings.authString));
    auth.forgetUsers();
    return reply.code(201).send(userOut(user));
  });
  app.get('/api/users/', { schema: { tags: usersTags, operationId: 'filterUsers', response: { 200: Type.Array(ref(User)) } } }, async () => (await listUsers(ctx.db.kysely)).map(userOut));
  app.patch('/api/users/:id', { config: withoutPassword, schema: { tags: usersTags, operationId: 'updateUser', params: IdParams, body: ref(UserUpdate), response: { 204: Type.Null() } } }, async (req, reply) => {
    await ctx.db.transaction((trx) => updateUser(trx, req.params.id, req.body));
    return reply.code(204).send(null);
  });
  app.delete('/api/users/:id', { schema: { tags: usersTags, operationId: 'deleteUser', params: IdParams, response: { 204: Type.Null() } } }, async (req, reply) => {
    await ctx.db.transaction((trx) => deleteUser(trx, req.params.id));
    auth.forgetUsers();
    return reply.code(204).send(null);
  });
}
