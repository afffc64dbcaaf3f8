import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { Role } from '../db/schema.ts';
import { nowMicros } from '../lib/time.ts';
import type { Settings } from '../settings.ts';
import { hasUsers, looksLikeApiKey } from './accounts.ts';
import { allows } from './roles.ts';
import { newToken, sameSecret, sha256 } from './secrets.ts';

/** Who is making a request. `anonymous` only exists while sign-in is off. */
export interface Principal {
  kind: 'user' | 'key' | 'auth-string' | 'process' | 'anonymous';
  name: string;
  role: Role;
  via: 'cookie' | 'basic' | 'bearer' | 'none';
  userId?: string | null;
  keyId?: string;
  sessionHash?: string;
}

export const SESSION_COOKIE = 'syntask_session';
export const ANONYMOUS: Principal = { kind: 'anonymous', name: 'anonymous', role: 'admin', via: 'none' };

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed cookie (any local page can set one) is no cookie
      }
    }
  }
  return undefined;
}

/** Resolves credentials to a principal; knows whether sign-in is on. */
export class Authenticator {
  private usersKnown: { value: boolean; at: number } | null = null;
  readonly authUser: string | null;
  private readonly credential: string | null;

  constructor(
    private readonly db: Db,
    private readonly settings: Settings,
    /** An embedded API's in-memory token: its own process's calls (it never listens on a port). */
    private readonly processToken: string | null = null,
    /** The server's own in-process calls (automation actions): never leaves the process. */
    private readonly internalToken: string | null = null,
  ) {
    this.authUser = settings.authString ? settings.authString.split(':')[0] : null;
    this.credential = settings.authString ? sha256(`session:${settings.authString}`) : null;
  }

  /** Sign-in is on with SYNTASK_SERVER_API_AUTH_STRING or once a user exists (another process may create one). */
  async enabled(): Promise<boolean> {
    if (this.settings.authString) return true;
    const now = Date.now();
    if (!this.usersKnown || now - this.usersKnown.at > 1000) this.usersKnown = { value: await hasUsers(this.db.kysely), at: now };
    return this.usersKnown.value;
  }

  forgetUsers() {
    this.usersKnown = null;
  }

  /** `null`: no credentials; `'invalid'`: credentials that do not identify anyone. */
  async identify(req: FastifyRequest): Promise<Principal | null | 'invalid'> {
    const header = req.headers.authorization;
    if (header) {
      const [scheme, value = ''] = header.split(/\s+/, 2);
      if (/^basic$/i.test(scheme)) return this.fromBasic(value);
      if (/^bearer$/i.test(scheme)) {
        if (this.processToken && sameSecret(value, this.processToken)) return this.processPrincipal();
        if (this.internalToken && sameSecret(value, this.internalToken)) return { kind: 'process', name: 'automations', role: 'admin', via: 'bearer', userId: null };
        return this.fromKey(value);
      }
      return 'invalid';
    }
    const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
    return cookie ? this.fromSession(sha256(cookie)) : null;
  }

  private processPrincipal(): Principal {
    return { kind: 'process', name: `script (pid ${process.pid}, embedded API)`, role: 'admin', via: 'bearer', userId: null };
  }

  private fromBasic(value: string): Principal | 'invalid' {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    if (!this.settings.authString || !sameSecret(decoded, this.settings.authString)) return 'invalid';
    return { kind: 'auth-string', name: this.authUser!, role: 'admin', via: 'basic', userId: null };
  }

  private async fromKey(key: string): Promise<Principal | 'invalid'> {
    if (!looksLikeApiKey(key)) return 'invalid';
    const row = await this.keyRow('key_hash', sha256(key));
    if (!row) return 'invalid';
    const now = nowMicros();
    // "Last used" to the minute: no write on every request.
    if (row.last_used === null || now - row.last_used > 60e6) await this.db.kysely.updateTable('api_key').set({ last_used: now }).where('id', '=', row.id).execute();
    // Named after its maker too, so a key called "root" cannot pass for root in the audit log.
    return { kind: 'key', name: `${row.created_by} (key "${row.name}")`, role: row.role, via: 'bearer', keyId: row.id, userId: row.creator_user_id };
  }

  /** A live key, its role capped by its creator's current role (a demoted creator demotes their keys). */
  private async keyRow(column: 'key_hash' | 'id', value: string) {
    const row = await this.db.kysely
      .selectFrom('api_key')
      .leftJoin('syntask_user', 'syntask_user.id', 'api_key.creator_user_id')
      .select(['api_key.id', 'api_key.name', 'api_key.role', 'api_key.expires', 'api_key.last_used', 'api_key.created_by', 'api_key.creator_user_id', 'syntask_user.role as creator_role'])
      .where(`api_key.${column}`, '=', value)
      .executeTakeFirst();
    if (!row || (row.expires !== null && row.expires <= nowMicros())) return null;
    const role = row.creator_role && !allows(row.creator_role as Role, row.role) ? (row.creator_role as Role) : row.role;
    return { ...row, role };
  }

  private async fromSession(hash: string): Promise<Principal | 'invalid'> {
    const row = await this.db.kysely
      .selectFrom('auth_session')
      .leftJoin('syntask_user', 'syntask_user.id', 'auth_session.user_id')
      .select(['auth_session.user_id', 'auth_session.user_name', 'auth_session.credential', 'auth_session.expires', 'syntask_user.role'])
      .where('auth_session.token_hash', '=', hash)
      .executeTakeFirst();
    if (!row || row.expires <= nowMicros()) return 'invalid';
    if (row.user_id) return { kind: 'user', name: row.user_name, role: row.role as Role, via: 'cookie', userId: row.user_id, sessionHash: hash };
    // The auth-string account: valid while the same auth string is still configured.
    if (row.user_name !== this.authUser || row.credential !== this.credential) return 'invalid';
    return { kind: 'auth-string', name: row.user_name, role: 'admin', via: 'cookie', userId: null, sessionHash: hash };
  }

  /** For long-lived streams: is the principal still signed in (session alive, key not revoked)? */
  /** The role a principal holds now (its user or its key's maker may have been demoted); null once its credentials lapsed. */
  async currentRole(p: Principal): Promise<Role | null> {
    if (p.kind === 'anonymous') return (await this.enabled()) ? null : p.role;
    if (p.sessionHash) {
      const found = await this.fromSession(p.sessionHash);
      return found === 'invalid' ? null : found.role;
    }
    if (p.keyId) return (await this.keyRow('id', p.keyId))?.role ?? null;
    return p.role;
  }

  async startSession(user: { id: string | null; name: string }): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = newToken();
    const now = nowMicros();
    const maxAgeSeconds = Math.round(this.settings.sessionSeconds);
    await this.db.transaction(async (trx) => {
      await trx.deleteFrom('auth_session').where('expires', '<=', now).execute();
      const credential = user.id ? null : this.credential;
      await trx.insertInto('auth_session').values({ id: randomUUID(), created: now, updated: now, token_hash: sha256(token), user_id: user.id, user_name: user.name, credential, expires: now + maxAgeSeconds * 1e6 }).execute();
    });
    return { token, maxAgeSeconds };
  }

  async endSession(token: string) {
    await this.db.kysely.deleteFrom('auth_session').where('token_hash', '=', sha256(token)).execute();
  }
}
