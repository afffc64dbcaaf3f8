import type { AppContext } from '../context.ts';
import { formatDateTime, parseDateTime } from '../lib/time.ts';
import { filterAudit } from '../security/audit.ts';
import { pagination, type App } from './common.ts';
import { ref, Type } from './models/common.ts';
import { AuditEntry, AuditFilter } from './models/security.ts';

/** Who changed what, newest first (admin only; see security/roles.ts). */
export function auditLogRoutes(app: App, ctx: AppContext) {
  app.post('/api/audit_log/filter', { schema: { tags: ['Audit Log'], operationId: 'filterAuditLog', body: AuditFilter, response: { 200: Type.Array(ref(AuditEntry)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    const b = req.body;
    const rows = await filterAudit(ctx.db, { ...b, after: b.after ? parseDateTime(b.after) : null, before: b.before ? parseDateTime(b.before) : null }, limit, offset);
    return rows.map((r) => ({ ...r, timestamp: formatDateTime(r.timestamp) }));
  });
}
