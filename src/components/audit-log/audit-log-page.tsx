import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, ScrollText } from 'lucide-react';
import { AUDIT_PAGE_SIZE, buildAuditLogPageQuery, needsAdmin } from '../../api/audit-log.ts';
import { isAuditFiltered, type AuditSearch } from '../../lib/audit-log-search.ts';
import { useFlowRunsById } from '../artifacts/run-links.tsx';
import { NeedsRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useNow } from '../ui/use-time-zone.ts';
import { AuditLogFilters } from './audit-log-filters.tsx';
import { AuditLogTable } from './audit-log-table.tsx';

const code = 'rounded bg-surface-hover px-1 font-mono text-xs';

/** `/audit-log`: who changed what, newest first (admins only when sign-in is on). */
export function AuditLogPage({ search, onChange }: { search: AuditSearch; onChange: (patch: Partial<AuditSearch>) => void }) {
  // Relative ranges move with the clock, a minute at a time (the body rounds to the minute).
  const now = useNow(60_000);
  const query = useQuery(buildAuditLogPageQuery(search, now));
  const hasMore = (query.data?.length ?? 0) > AUDIT_PAGE_SIZE;
  const entries = useMemo(() => query.data?.slice(0, AUDIT_PAGE_SIZE), [query.data]);
  const runs = useFlowRunsById((entries ?? []).filter((e) => e.resource_type === 'flow_runs').map((e) => e.resource_id));
  const actors = useMemo(() => [...new Set((entries ?? []).map((e) => e.actor))].sort(), [entries]);
  const filtered = isAuditFiltered(search);
  const clear = () => onChange({ who: undefined, resource: undefined, outcome: undefined, range: 'all', from: undefined, to: undefined, page: 1 });

  if (query.isError && needsAdmin(query.error)) {
    return (
      <>
        <PageHeader title="Audit log" />
        <NeedsRole role="admin">The audit log shows who changed what. Ask an administrator for the admin role, or sign in as one.</NeedsRole>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Audit log" description="Who changed what: every write by a signed-in user or an API key, newest first." />
      <AuditLogFilters search={search} onChange={onChange} actors={actors} />
      <Card className="mt-3">
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} title="Could not load the audit log" />
        ) : entries && entries.length === 0 && search.page === 1 ? (
          <EmptyState icon={ScrollText} title={filtered ? 'No entry matches these filters' : 'No changes recorded yet'} action={filtered ? <Button onClick={clear}>Clear filters</Button> : undefined}>
            {filtered ? (
              'Try another name (it must match exactly), another resource type or outcome, or a wider time range.'
            ) : (
              <>
                Entries appear once sign-in is on — users, or <code className={code}>SYNTASK_SERVER_API_AUTH_STRING</code> — and someone makes a change: sets a run&apos;s state, edits a deployment, a block or a variable. With sign-in off nothing is recorded.
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <AuditLogTable entries={entries} runs={runs} onWho={(who) => onChange({ who, page: 1 })} />
            <PageFooter page={search.page} shown={entries?.length} hasMore={hasMore} onPage={(page) => onChange({ page })} />
          </>
        )}
      </Card>
    </>
  );
}

/** "1–50 of more than 50 entries" with previous / next: the server counts no total. */
function PageFooter({ page, shown, hasMore, onPage }: { page: number; shown: number | undefined; hasMore: boolean; onPage: (page: number) => void }) {
  const from = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const to = from + (shown ?? 0) - 1;
  const text = shown === undefined ? 'Loading entries…' : shown === 0 ? 'No entries on this page' : `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${hasMore ? `more than ${to.toLocaleString('en')}` : to.toLocaleString('en')} entries`;
  return (
    <div className="flex items-center justify-between gap-3 border-t border-border px-3 py-2 text-xs text-fg-muted">
      <span className="tabular-nums" aria-live="polite">
        {text}
      </span>
      <div className="flex items-center gap-1">
        <Button aria-label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <ChevronLeft aria-hidden="true" />
        </Button>
        <span className="tabular-nums">Page {page.toLocaleString('en')}</span>
        <Button aria-label="Next page" disabled={!hasMore} onClick={() => onPage(page + 1)}>
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </div>
  );
}
