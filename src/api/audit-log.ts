import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, ApiError, unwrap, type Schemas } from './client.ts';
import { auditFilterBody, type AuditSearch } from '../lib/audit-log-search.ts';
import type { operations } from './schema.gen.ts';

/** The audit log: who changed what (admin only when sign-in is on). */

export type AuditEntry = Schemas['AuditEntry'];
export type AuditLogBody = NonNullable<operations['filterAuditLog']['requestBody']>['content']['application/json'];

export const auditLogKeys = {
  all: ['audit-log'] as const,
  list: (body: AuditLogBody) => [...auditLogKeys.all, 'list', body] as const,
};

/** The caller is signed in but not an admin: asking again will not change that. */
export const needsAdmin = (error: unknown) => error instanceof ApiError && error.status === 403;

export function buildAuditLogQuery(body: AuditLogBody) {
  return queryOptions({
    queryKey: auditLogKeys.list(body),
    queryFn: ({ signal }) => unwrap(api.POST('/api/audit_log/filter', { body, signal })),
    placeholderData: keepPreviousData,
    retry: (failures, error) => !needsAdmin(error) && failures < 3,
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of a search; one entry more than shown tells whether a next page exists. */
export function buildAuditLogPageQuery(search: AuditSearch, now: number) {
  return buildAuditLogQuery({ ...auditFilterBody(search, now), limit: AUDIT_PAGE_SIZE + 1, offset: (search.page - 1) * AUDIT_PAGE_SIZE });
}
