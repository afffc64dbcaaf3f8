import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db, Executor } from '../db/connection.ts';
import type { AuditLogTable } from '../db/schema.ts';
import { nowMicros } from '../lib/time.ts';
import type { Principal } from './authenticate.ts';

const UUID = /"id":"([0-9a-f-]{36})"/;

/** `/api/flow_runs/{id}/set_state` → `flow_runs`; the id from the path, else from a created object. */
export function auditResource(req: FastifyRequest, status: number, payload: unknown): { type: string | null; id: string | null } {
  const segments = (req.routeOptions.url ?? req.url).split('?')[0].split('/').filter(Boolean);
  const type = segments[0] === 'api' ? (segments[1] ?? null) : null;
  const params = (req.params ?? {}) as Record<string, string>;
  let id: string | null = params.id ?? params.name ?? params.slug ?? null;
  if (!id && status < 300 && typeof payload === 'string') id = UUID.exec(payload.slice(0, 200))?.[1] ?? null;
  return { type, id };
}

/** One row per write by a user or key: never a body, so never a secret or password. */
export async function recordAudit(db: Executor, req: FastifyRequest, principal: Principal, operation: string, status: number, payload: unknown) {
  const resource = auditResource(req, status, payload);
  const row: AuditLogTable = {
    id: randomUUID(),
    timestamp: nowMicros(),
    actor: principal.name,
    actor_kind: principal.kind,
    actor_role: principal.role,
    address: req.ip ?? null,
    method: req.method,
    operation,
    path: (req.routeOptions.url ?? req.url).split('?')[0],
    resource_type: resource.type,
    resource_id: resource.id,
    status_code: status,
    outcome: status < 400 ? 'success' : status === 401 || status === 403 ? 'denied' : 'failure',
  };
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  actor?: string | null;
  resource_type?: string | null;
  resource_id?: string | null;
  outcome?: string | null;
  after?: number | null;
  before?: number | null;
}

export async function filterAudit(db: Db, f: AuditFilter, limit: number, offset: number) {
  let q = db.kysely.selectFrom('audit_log').selectAll();
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.resource_type) q = q.where('resource_type', '=', f.resource_type);
  if (f.resource_id) q = q.where('resource_id', '=', f.resource_id);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.after != null) q = q.where('timestamp', '>=', f.after);
  if (f.before != null) q = q.where('timestamp', '<=', f.before);
  return q.orderBy('timestamp', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** Audit entries past SYNTASK_AUDIT_LOG_RETENTION_DAYS (0 keeps them), expired sessions, old throttle counters. */
export async function pruneSecurityRecords(db: Db, auditRetentionDays: number): Promise<number> {
  const now = nowMicros();
  await db.kysely.deleteFrom('auth_session').where('expires', '<=', now).execute();
  await db.kysely.deleteFrom('login_throttle').where('blocked_until', '<', now - 86_400e6).execute();
  if (auditRetentionDays <= 0) return 0;
  const r = await db.kysely.deleteFrom('audit_log').where('timestamp', '<', now - auditRetentionDays * 86_400e6).executeTakeFirst();
  return Number(r.numDeletedRows);
}
