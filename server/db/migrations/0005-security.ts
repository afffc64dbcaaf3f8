import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection.ts';
import { columnTypes } from '../column-types.ts';

/** Users, their sessions, API keys, sign-in throttling and the audit log. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const base = (name: string) =>
    db.schema
      .createTable(name)
      .addColumn('id', t.id, (c) => c.primaryKey())
      .addColumn('created', t.datetime, (c) => c.notNull())
      .addColumn('updated', t.datetime, (c) => c.notNull());

  // `password_hash` is `scrypt$N$r$p$salt$hash` (base64url), never the password.
  await base('syntask_user')
    .addColumn('name', t.text, (c) => c.notNull().unique())
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('password_hash', sql`text`, (c) => c.notNull())
    .execute();

  // Sessions and keys are found by the SHA-256 of their secret; the secret itself is never stored.
  // A session of the SYNTASK_SERVER_API_AUTH_STRING account has no user_id.
  await base('auth_session')
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('user_id', t.id, (c) => c.references('syntask_user.id').onDelete('cascade'))
    .addColumn('user_name', t.text, (c) => c.notNull())
    // Auth-string sessions: a hash of the auth string they were made with (rotating it ends them).
    .addColumn('credential', t.text)
    .addColumn('expires', t.datetime, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_auth_session_expires').on('auth_session').column('expires').execute();

  await base('api_key')
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('role', t.text, (c) => c.notNull())
    .addColumn('key_hash', t.text, (c) => c.notNull().unique())
    .addColumn('created_by', t.text, (c) => c.notNull())
    // The creating user: the key never outranks them and dies with them. Null: the auth-string account or the CLI.
    .addColumn('creator_user_id', t.id, (c) => c.references('syntask_user.id').onDelete('cascade'))
    .addColumn('expires', t.datetime)
    .addColumn('last_used', t.datetime)
    .execute();

  // One row per throttled subject (`name:<user>` or `addr:<ip>`).
  await db.schema
    .createTable('login_throttle')
    .addColumn('subject', t.text, (c) => c.primaryKey())
    .addColumn('failures', t.int, (c) => c.notNull())
    .addColumn('last_failure', t.datetime, (c) => c.notNull())
    .addColumn('blocked_until', t.datetime, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('timestamp', t.datetime, (c) => c.notNull())
    .addColumn('actor', t.text, (c) => c.notNull())
    .addColumn('actor_kind', t.text, (c) => c.notNull())
    .addColumn('actor_role', t.text)
    .addColumn('address', t.text)
    .addColumn('method', t.text, (c) => c.notNull())
    .addColumn('operation', t.text, (c) => c.notNull())
    .addColumn('path', sql`text`, (c) => c.notNull())
    .addColumn('resource_type', t.text)
    .addColumn('resource_id', t.text)
    .addColumn('status_code', t.int, (c) => c.notNull())
    .addColumn('outcome', t.text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ix_audit_log_timestamp').on('audit_log').column('timestamp').execute();
  await db.schema.createIndex('ix_audit_log_actor_timestamp').on('audit_log').columns(['actor', 'timestamp']).execute();
  await db.schema.createIndex('ix_audit_log_resource').on('audit_log').columns(['resource_type', 'resource_id']).execute();
}
