import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/connection.ts';
import { isMissingTable } from '../db/database-admin.ts';
import type { Role } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { allows, ROLES } from './roles.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, newToken, sha256 } from './secrets.ts';

/** Users and API keys, shared by the API and the CLI (which writes the database directly). */

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function checkUserName(name: string) {
  if (!NAME.test(name)) throw new HttpError(422, 'User name must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit.');
}

export function checkPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw new HttpError(422, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > 1024) throw new HttpError(422, 'Password must be at most 1024 characters.');
}

export function checkRole(role: string): Role {
  if (!ROLES.includes(role as Role)) throw new HttpError(422, `Role must be one of ${ROLES.join(', ')}.`);
  return role as Role;
}

export interface UserView {
  id: string;
  name: string;
  role: Role;
  created: number;
}

const userView = (r: { id: string; name: string; role: Role; created: number }): UserView => ({ id: r.id, name: r.name, role: r.role, created: r.created });

export async function listUsers(db: Executor): Promise<UserView[]> {
  return (await db.selectFrom('syntask_user').select(['id', 'name', 'role', 'created']).orderBy('name').execute()).map(userView);
}

export async function hasUsers(db: Executor): Promise<boolean> {
  try {
    return Boolean(await db.selectFrom('syntask_user').select('id').limit(1).executeTakeFirst());
  } catch (err) {
    // Between `POST /api/admin/database/drop` and `create` no account exists; other failures still fail.
    if (isMissingTable(err)) return false;
    throw err;
  }
}

/** `authString`: sign-in is already on through SYNTASK_SERVER_API_AUTH_STRING, so the first user may be anyone. */
export async function createUser(db: Executor, input: { name: string; password: string; role: string }, authString = false): Promise<UserView> {
  checkUserName(input.name);
  checkPassword(input.password);
  const role = checkRole(input.role);
  if (role !== 'admin' && !authString && !(await hasUsers(db))) throw new HttpError(409, 'The first user must be an admin (it turns sign-in on).');
  if (await db.selectFrom('syntask_user').select('id').where('name', '=', input.name).executeTakeFirst()) throw new HttpError(409, `User "${input.name}" already exists.`);
  const now = nowMicros();
  const row = { id: randomUUID(), created: now, updated: now, name: input.name, role, password_hash: await hashPassword(input.password) };
  await db.insertInto('syntask_user').values(row).execute();
  return userView(row);
}

async function otherAdmins(db: Executor, id: string): Promise<number> {
  const r = await db.selectFrom('syntask_user').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('id', '!=', id).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findUser(db: Executor, idOrName: { id?: string; name?: string }) {
  let q = db.selectFrom('syntask_user').selectAll();
  q = idOrName.id ? q.where('id', '=', idOrName.id) : q.where('name', '=', idOrName.name ?? '');
  const row = await q.executeTakeFirst();
  if (!row) throw new HttpError(404, 'User not found.');
  return row;
}

/** Changes role and/or password; the last admin can be neither demoted nor deleted. */
export async function updateUser(db: Executor, id: string, change: { role?: string; password?: string }) {
  const user = await findUser(db, { id });
  const patch: { role?: Role; password_hash?: string; updated: number } = { updated: nowMicros() };
  if (change.role !== undefined) {
    patch.role = checkRole(change.role);
    if (user.role === 'admin' && patch.role !== 'admin' && (await otherAdmins(db, id)) === 0) throw new HttpError(409, 'Cannot demote the last admin.');
  }
  if (change.password !== undefined) {
    checkPassword(change.password);
    patch.password_hash = await hashPassword(change.password);
  }
  await db.updateTable('syntask_user').set(patch).where('id', '=', id).execute();
  // A new password ends every session of the user; a new role applies to them at once.
  if (patch.password_hash) await db.deleteFrom('auth_session').where('user_id', '=', id).execute();
}

export async function deleteUser(db: Executor, id: string) {
  const user = await findUser(db, { id });
  if (user.role === 'admin' && (await otherAdmins(db, id)) === 0) throw new HttpError(409, 'Cannot delete the last admin.');
  await db.deleteFrom('syntask_user').where('id', '=', id).execute();
}

// ---- API keys ----

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  created_by: string;
  created: number;
  expires: number | null;
  last_used: number | null;
}

const KEY_PREFIX = 'stk_';

/** `90d`, `12h`, `30m` → microseconds. */
export function parseExpiry(text: string): number {
  const m = /^(\d+)\s*([dhm])$/.exec(text.trim());
  if (!m || Number(m[1]) === 0) throw new HttpError(422, `Expiry "${text}" must look like 90d, 12h or 30m.`);
  const unit = { d: 86_400, h: 3_600, m: 60 }[m[2] as 'd' | 'h' | 'm'];
  return Number(m[1]) * unit * 1e6;
}

/** Creates a key; the secret is returned once and only its hash is kept. */
/** `creatorUserId`: the user making the key (null for the auth-string account and the CLI, who answer for the host). */
export async function createApiKey(
  db: Executor,
  input: { name: string; role: Role; creatorRole: Role; createdBy: string; creatorUserId?: string | null; expires: number | null },
): Promise<ApiKeyView & { key: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new HttpError(422, 'API key name must be 1-100 characters.');
  if (!allows(input.creatorRole, input.role)) throw new HttpError(403, `A ${input.creatorRole} cannot create a key with the ${input.role} role.`);
  if (input.expires !== null && input.expires <= nowMicros()) throw new HttpError(422, 'API key expiry must be in the future.');
  const key = newToken(KEY_PREFIX);
  const now = nowMicros();
  const row = { id: randomUUID(), created: now, updated: now, name, role: input.role, key_hash: sha256(key), created_by: input.createdBy, creator_user_id: input.creatorUserId ?? null, expires: input.expires, last_used: null };
  await db.insertInto('api_key').values(row).execute();
  const { key_hash: _, updated: __, creator_user_id: ___, ...view } = row;
  return { ...view, key };
}

/** `ofUser`: only the keys that user created (what a non-admin sees and may revoke). */
export async function listApiKeys(db: Executor, ofUser?: string): Promise<ApiKeyView[]> {
  let q = db.selectFrom('api_key').select(['id', 'name', 'role', 'created_by', 'created', 'expires', 'last_used']).orderBy('created', 'desc');
  if (ofUser !== undefined) q = q.where('creator_user_id', '=', ofUser);
  return q.execute();
}

export async function deleteApiKey(db: Executor, id: string, ofUser?: string) {
  let q = db.deleteFrom('api_key').where('id', '=', id);
  if (ofUser !== undefined) q = q.where('creator_user_id', '=', ofUser);
  const r = await q.executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new HttpError(404, 'API key not found.');
}

export const looksLikeApiKey = (token: string) => token.startsWith(KEY_PREFIX);
