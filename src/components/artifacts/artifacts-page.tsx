import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Package, X } from 'lucide-react';
import { buildLatestArtifactsCountQuery, buildLatestArtifactsQuery } from '../../api/artifacts.ts';
import { latestArtifactFilterBody, type ListSearch } from '../../lib/list-search.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Select } from '../ui/form.tsx';
import { SearchBox } from '../ui/list-filters.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Pagination, SkeletonRows, Table, td, tdFlex, th } from '../ui/table.tsx';
import { RelativeTime } from '../ui/time.tsx';
import { ArtifactType } from './artifact-data.tsx';
import { FlowRunLink, useFlowRunsById } from './run-links.tsx';

const PAGE = 50;
/** Types the SDK creates; `result` artifacts (run results) are hidden unless chosen. */
export const ARTIFACT_TYPES = ['markdown', 'table', 'link', 'progress', 'image', 'result'];

/** `/artifacts`: the latest artifact of each key, with its type and the run that made it. */
export function ArtifactsPage({ search, onChange }: { search: ListSearch; onChange: (next: ListSearch) => void }) {
  const filter = useMemo(() => latestArtifactFilterBody(search), [search]);
  const page = search.page ?? 1;
  const artifacts = useQuery(buildLatestArtifactsQuery({ ...filter, sort: 'UPDATED_DESC', limit: PAGE, offset: (page - 1) * PAGE }));
  const count = useQuery(buildLatestArtifactsCountQuery(filter));
  const rows = artifacts.data ?? [];
  const runs = useFlowRunsById(rows.map((a) => a.flow_run_id));
  const filtered = Boolean(search.q || search.type);
  const set = (patch: ListSearch) => onChange({ ...search, ...patch, page: undefined });

  return (
    <>
      <PageHeader
        title="Artifacts"
        description="Tables, links and markdown reports that runs publish; the latest version of each key."
        count={count.data}
      />
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
        <SearchBox value={search.q ?? ''} onChange={(q) => set({ q: q || undefined })} label="Search artifacts" placeholder="Search by key" />
        <Select aria-label="Type" value={search.type ?? ''} onChange={(e) => set({ type: e.target.value || undefined })}>
          <option value="">All types but results</option>
          {ARTIFACT_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
        {filtered && (
          <Button onClick={() => onChange({})}>
            <X aria-hidden="true" />
            Clear filters
          </Button>
        )}
      </div>
      <Card className="mt-3">
        {artifacts.isError ? (
          <ErrorState error={artifacts.error} onRetry={() => void artifacts.refetch()} title="Could not load artifacts" />
        ) : artifacts.isSuccess && rows.length === 0 ? (
          <EmptyState icon={Package} title={filtered ? 'No artifact matches these filters' : 'No artifacts yet'} action={filtered ? <Button onClick={() => onChange({})}>Clear filters</Button> : undefined}>
            {filtered ? (
              'Search for another key or choose another type.'
            ) : (
              <>
                Flows publish artifacts with <code className="rounded bg-surface-hover px-1 font-mono text-xs">createMarkdownArtifact</code>, <code className="rounded bg-surface-hover px-1 font-mono text-xs">createTableArtifact</code> or{' '}
                <code className="rounded bg-surface-hover px-1 font-mono text-xs">createLinkArtifact</code> from the SDK. Artifacts with a key appear here; each new one with the same key becomes its latest version.
              </>
            )}
          </EmptyState>
        ) : (
          <>
            <Table
              label="Artifacts"
              head={
                <>
                  <th className={th + ' w-[35%]'}>Key</th>
                  <th className={th}>Type</th>
                  <th className={th + ' w-[40%]'}>Description</th>
                  <th className={th + ' w-[25%]'}>Made by run</th>
                  <th className={th}>Updated</th>
                </>
              }
            >
              {artifacts.isPending ? (
                <SkeletonRows columns={5} />
              ) : (
                rows.map((a) => (
                  <tr key={a.key} className="hover:bg-surface-hover/60">
                    <td className={tdFlex + ' truncate'}>
                      <Link to="/artifacts/key/$key" params={{ key: a.key }} className="font-medium text-accent hover:underline">
                        {a.key}
                      </Link>
                    </td>
                    <td className={td}>
                      <ArtifactType type={a.type} />
                    </td>
                    <td className={tdFlex + ' truncate text-fg-muted'} title={a.description ?? undefined}>
                      {a.description ?? '—'}
                    </td>
                    <td className={tdFlex + ' truncate'}>
                      <FlowRunLink id={a.flow_run_id} run={a.flow_run_id ? runs.get(a.flow_run_id) : undefined} />
                    </td>
                    <td className={td}>
                      <RelativeTime value={a.updated} />
                    </td>
                  </tr>
                ))
              )}
            </Table>
            <Pagination page={page} pageSize={PAGE} total={count.data} onPage={(p) => onChange({ ...search, page: p > 1 ? p : undefined })} noun="keys" />
          </>
        )}
      </Card>
    </>
  );
}
