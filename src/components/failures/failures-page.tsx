import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ShieldCheck } from 'lucide-react';
import { buildFailuresQuery, type FailureGroup } from '../../api/failures.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { failuresBody, runsOfGroup } from '../../lib/failures.ts';
import { RANGE_LABELS, RELATIVE_RANGES, type RangeChoice, type RelativeRange, type RunsSearch } from '../../lib/run-filters.ts';
import { DeploymentFilterPicker, FlowFilterPicker, WorkPoolFilterPicker } from '../deployments/pickers.tsx';
import { Card } from '../ui/card.tsx';
import { Select } from '../ui/form.tsx';
import { TagFilter } from '../ui/list-filters.tsx';
import { formatCount } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { DateTime } from '../ui/time.tsx';
import { useNow } from '../ui/use-time-zone.ts';

/** Failed and crashed runs grouped by cause: what broke last night, at a glance. */
export function FailuresPage({ search, onChange }: { search: RunsSearch; onChange: (patch: Partial<RunsSearch>) => void }) {
  const flags = useFeatureFlags();
  const now = useNow(60_000);
  const body = useMemo(() => failuresBody(search, now), [search, now]);
  const failures = useQuery(buildFailuresQuery(body, Boolean(flags?.has('failure_groups'))));
  const flowIds = [...new Set(failures.data?.groups.flatMap((g) => g.flow_ids) ?? [])];
  const flows = useQuery({ ...buildFlowsByIdQuery(flowIds), enabled: flowIds.length > 0 });
  return (
    <>
      <PageHeader title="Failures" description="Failed and crashed runs grouped by cause: the same error with different values counts once." />
      <div className="mb-3 flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
        <Select aria-label="Time range" value={search.range === 'custom' ? '7d' : search.range} onChange={(e) => onChange({ range: e.target.value as RangeChoice, from: undefined, to: undefined })}>
          {(Object.keys(RELATIVE_RANGES) as RelativeRange[]).map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </Select>
        <FlowFilterPicker selected={search.flow} onChange={(flow) => onChange({ flow })} />
        <DeploymentFilterPicker selected={search.deployment} onChange={(deployment) => onChange({ deployment })} />
        <WorkPoolFilterPicker selected={search.pool} onChange={(pool) => onChange({ pool })} />
        <div className="flex items-center gap-1">
          <TagFilter tags={search.tag} onChange={(tag) => onChange({ tag })} />
        </div>
      </div>
      <Card>
        <Tabs
          label="Run kind"
          value={search.tab}
          onSelect={(tab) => onChange({ tab })}
          items={[
            { id: 'flow-runs', label: 'Flow runs', count: search.tab === 'flow-runs' ? failures.data?.total : undefined },
            { id: 'task-runs', label: 'Task runs', count: search.tab === 'task-runs' ? failures.data?.total : undefined },
          ]}
        />
        {failures.isError ? (
          <ErrorState error={failures.error} onRetry={() => void failures.refetch()} />
        ) : flags && !flags.has('failure_groups') ? (
          <EmptyState title="This server does not group failures">Its API has no failures extension; the runs page lists failed runs.</EmptyState>
        ) : !failures.data ? (
          <div className="grid gap-2 p-4">
            <Skeleton className="w-2/3" />
            <Skeleton className="w-1/2" />
          </div>
        ) : failures.data.groups.length === 0 ? (
          <EmptyState title="No failures" icon={ShieldCheck}>
            No {search.tab === 'task-runs' ? 'task' : 'flow'} run failed or crashed in this range with these filters.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-border" aria-label="Failure groups">
            {failures.data.groups.map((g) => (
              <FailureGroupRow key={g.signature} group={g} search={search} flowNames={flows.data ?? {}} />
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

function FailureGroupRow({ group, search, flowNames }: { group: FailureGroup; search: RunsSearch; flowNames: Record<string, { name: string } | undefined> }) {
  const runLink = group.example.flow_run_id ?? group.example.run_id;
  return (
    <li className="grid gap-1.5 px-4 py-3" aria-label={group.signature}>
      <div className="flex flex-wrap items-start gap-3">
        <code className="min-w-0 flex-1 font-mono text-sm break-words">{group.signature}</code>
        <Sparkline buckets={group.buckets} />
        <span className="text-sm font-semibold tabular-nums" aria-label={`${group.count} failure${group.count === 1 ? '' : 's'}`}>
          {formatCount(group.count)}×
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-fg-muted">
        <span>
          First <DateTime value={group.first_seen} />
        </span>
        <span>
          Last <DateTime value={group.last_seen} />
        </span>
        <span>
          Flows:{' '}
          {group.flow_ids.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <Link to="/flows/flow/$id" params={{ id }} className="text-accent hover:underline">
                {flowNames[id]?.name ?? id.slice(0, 8)}
              </Link>
            </span>
          ))}
        </span>
        {group.deployment_ids.length > 0 && <span>{group.deployment_ids.length} deployment{group.deployment_ids.length > 1 ? 's' : ''}</span>}
        <Link to="/runs" search={runsOfGroup(search, group.flow_ids)} className="text-accent hover:underline">
          Show failed runs
        </Link>
        <span>
          Latest:{' '}
          <Link to="/runs/flow-run/$id" params={{ id: runLink }} className="text-accent hover:underline">
            {group.example.run_name}
          </Link>
        </span>
      </div>
      {(group.example.traceback || group.example.message) && (
        <details className="text-xs">
          <summary className="cursor-pointer text-fg-muted">Example {group.example.traceback ? 'traceback' : 'message'}</summary>
          <pre className="mt-1 max-h-64 overflow-auto rounded bg-surface p-2 font-mono whitespace-pre-wrap">{group.example.traceback ?? group.example.message}</pre>
        </details>
      )}
    </li>
  );
}

/** Failures per slice of the range, newest on the right. */
function Sparkline({ buckets }: { buckets: number[] }) {
  const max = Math.max(1, ...buckets);
  const w = 3;
  return (
    <svg width={buckets.length * (w + 1)} height={20} role="img" aria-label={`Failures over the range: ${buckets.join(', ')}`} className="shrink-0 text-state-failed">
      {buckets.map((n, i) => (n > 0 ? <rect key={i} x={i * (w + 1)} y={20 - Math.max(2, (n / max) * 20)} width={w} height={Math.max(2, (n / max) * 20)} fill="currentColor" /> : null))}
    </svg>
  );
}
