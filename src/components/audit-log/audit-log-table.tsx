import { Link } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { CircleCheck, CircleX, ListFilter, ShieldX, type LucideIcon } from 'lucide-react';
import type { AuditEntry } from '../../api/audit-log.ts';
import type { FlowRun } from '../../api/flow-runs.ts';
import { readableOperation, resourceLabel, resourceRoute, type AuditOutcome } from '../../lib/audit-log-search.ts';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { OUTCOME_LABELS } from './audit-log-filters.tsx';

const KIND_LABELS: Record<string, string> = { user: 'User', key: 'API key', 'auth-string': 'Auth string' };

const OUTCOME_STYLE: Record<AuditOutcome, { icon: LucideIcon; token: string }> = {
  success: { icon: CircleCheck, token: 'success' },
  denied: { icon: ShieldX, token: 'warning' },
  failure: { icon: CircleX, token: 'danger' },
};

/** The outcome as text with an icon; colour only repeats what the text says. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const style = OUTCOME_STYLE[outcome as AuditOutcome] ?? { icon: CircleX, token: 'fg-muted' };
  const Icon = style.icon;
  const color = `var(--color-${style.token})`;
  return (
    <span
      className="inline-flex h-5 items-center gap-1 rounded-full border px-1.5 text-xs font-medium whitespace-nowrap"
      // Text mixed towards the foreground, as state badges do: the raw tokens fall short of 4.5:1 as small text on a tint.
      style={{ color: `color-mix(in srgb, ${color} 70%, var(--color-fg))`, borderColor: `color-mix(in srgb, ${color} 35%, transparent)`, background: `color-mix(in srgb, ${color} 10%, transparent)` }}
    >
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      {OUTCOME_LABELS[outcome as AuditOutcome] ?? outcome}
    </span>
  );
}

export interface AuditLogTableProps {
  entries: AuditEntry[] | undefined;
  /** Flow runs named in the entries, by id (a deleted run shows its id). */
  runs: Map<string, FlowRun>;
  onWho: (actor: string) => void;
}

export function AuditLogTable({ entries, runs, onWho }: AuditLogTableProps) {
  return (
    <Table
      label="Audit log"
      head={
        <>
          <th className={th}>Time</th>
          <th className={th}>Who</th>
          <th className={th}>Operation</th>
          <th className={th}>Resource</th>
          <th className={th}>Outcome</th>
          <th className={th}>From</th>
        </>
      }
    >
      {entries === undefined ? <SkeletonRows columns={6} /> : entries.map((e) => <AuditRow key={e.id} entry={e} runs={runs} onWho={onWho} />)}
    </Table>
  );
}

function AuditRow({ entry: e, runs, onWho }: { entry: AuditEntry; runs: Map<string, FlowRun>; onWho: (actor: string) => void }) {
  return (
    <tr className="group hover:bg-surface-hover/60">
      <td className={clsx(td, 'py-1 text-xs')}>
        <DateTime value={e.timestamp} style="date" className="block" />
        <DateTime value={e.timestamp} style="time" className="block text-fg-muted" />
      </td>
      <td className={clsx(td, 'py-1')}>
        <div className="flex items-center gap-1">
          <span className="max-w-40 truncate font-medium" title={e.actor}>
            {e.actor}
          </span>
          <button
            type="button"
            onClick={() => onWho(e.actor)}
            aria-label={`Only changes by ${e.actor}`}
            title={`Only changes by ${e.actor}`}
            className="rounded p-0.5 text-fg-muted opacity-0 group-hover:opacity-100 hover:text-accent focus-visible:opacity-100"
          >
            <ListFilter className="size-3.5" aria-hidden="true" />
          </button>
        </div>
        <div className="text-xs whitespace-nowrap text-fg-muted">
          {KIND_LABELS[e.actor_kind] ?? e.actor_kind}
          {e.actor_role ? ` · ${e.actor_role}` : ''}
        </div>
      </td>
      <td className={clsx(td, 'py-1')} title={e.operation}>
        <div className="whitespace-nowrap">{readableOperation(e.operation)}</div>
        {/* The route is detail: below xl it gives its width to the columns that matter. */}
        <div className="hidden max-w-64 truncate font-mono text-xs text-fg-muted xl:block" title={`${e.method} ${e.path}`}>
          {e.method} {e.path}
        </div>
      </td>
      <td className={clsx(td, 'py-1')}>
        <ResourceCell type={e.resource_type} id={e.resource_id} run={e.resource_id ? runs.get(e.resource_id) : undefined} />
      </td>
      <td className={td}>
        <span className="flex items-center gap-2">
          <OutcomeBadge outcome={e.outcome} />
          <span className="text-xs text-fg-muted tabular-nums" title={`HTTP status ${e.status_code}`}>
            {e.status_code}
          </span>
        </span>
      </td>
      <td className={clsx(td, 'font-mono text-xs whitespace-nowrap text-fg-muted')}>{e.address ?? '—'}</td>
    </tr>
  );
}

function ResourceCell({ type, id, run }: { type: string | null; id: string | null; run?: FlowRun }) {
  if (!type) return <span className="text-fg-muted">—</span>;
  const route = resourceRoute(type, id);
  const name = run?.name ?? (type === 'work_pools' ? id : id?.slice(0, 8));
  const label = resourceLabel(type);
  return (
    <>
      <div className="text-xs text-fg-muted">{label}</div>
      {route ? (
        <Link {...route} aria-label={`${label} ${name ?? ''}`.trim()} title={id ?? undefined} className="block max-w-56 truncate text-accent hover:underline">
          {name ?? (type === 'variables' ? 'All variables' : label)}
        </Link>
      ) : (
        <span className="block max-w-56 truncate font-mono text-xs" title={id ?? undefined}>
          {name ?? '—'}
        </span>
      )}
    </>
  );
}
