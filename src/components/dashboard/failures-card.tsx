import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildFailuresQuery } from '../../api/failures.ts';
import { useFeatureFlags } from '../../api/server.ts';
import { failuresBody, runsOfGroup } from '../../lib/failures.ts';
import { compactRunsSearch, parseRunsSearch, type RelativeRange } from '../../lib/run-filters.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { formatCount } from '../ui/misc.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { useNow } from '../ui/use-time-zone.ts';

const SHOWN = 3;

/** The dashboard's top causes of failure in its range; the Failures page has them all. */
export function FailuresCard({ range, tags }: { range: RelativeRange; tags: string[] }) {
  const flags = useFeatureFlags();
  const now = useNow(60_000);
  const search = useMemo(() => parseRunsSearch({ range, tag: tags }), [range, tags]);
  const body = useMemo(() => ({ ...failuresBody(search, now), limit: SHOWN }), [search, now]);
  const failures = useQuery(buildFailuresQuery(body, Boolean(flags?.has('failure_groups'))));
  if (flags && !flags.has('failure_groups')) return null;
  const total = failures.data?.total;
  return (
    <Card aria-label="Failures by cause">
      <CardHeader
        title={<span>Failures by cause <span className="font-normal text-fg-muted tabular-nums">{formatCount(total)}</span></span>}
        actions={total ? <Link to="/failures" search={compactRunsSearch(search)} className="text-xs text-accent hover:underline">Show all</Link> : undefined}
      />
      {failures.isError ? (
        <ErrorState error={failures.error} onRetry={() => void failures.refetch()} />
      ) : !failures.data ? (
        <div className="p-4"><Skeleton className="w-40" /></div>
      ) : failures.data.groups.length === 0 ? (
        <p className="px-4 py-5 text-fg-muted">No flow run failed or crashed in this range.</p>
      ) : (
        <ul className="divide-y divide-border">
          {failures.data.groups.map((g) => (
            <li key={g.signature} className="flex items-center gap-2 px-4 py-2">
              <Link to="/runs" search={compactRunsSearch(parseRunsSearch(runsOfGroup(search, g.flow_ids)))} className="min-w-0 flex-1 truncate font-mono text-xs text-accent hover:underline" title={g.signature}>
                {g.signature}
              </Link>
              <span className="text-sm font-semibold tabular-nums">{formatCount(g.count)}×</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
