import { Link } from '@tanstack/react-router';
import type { Artifact } from '../../api/artifacts.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { EmptyState } from '../ui/states.tsx';
import { KeyValue } from '../ui/misc.tsx';
import { Markdown } from '../ui/markdown.tsx';
import { PageHeader, type Crumb } from '../ui/page-header.tsx';
import { DateTime } from '../ui/time.tsx';
import { ArtifactData, ArtifactType } from './artifact-data.tsx';
import { FlowRunLink, useFlowRunsById } from './run-links.tsx';

/** One artifact: its data rendered by type, then where it came from, its description and metadata. */
export function ArtifactDetails({ artifact: a, dataTitle = 'Data' }: { artifact: Artifact; dataTitle?: string }) {
  // By filter, not by id: a deleted run is simply not found (no 404), and the link shows its id.
  const run = useFlowRunsById([a.flow_run_id]).get(a.flow_run_id ?? '');
  const metadata = Object.entries(a.metadata_ ?? {});
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader title={dataTitle} />
        <div className="p-4">
          <ArtifactData artifact={a} />
        </div>
      </Card>
      <Card>
        <CardHeader title="Details" />
        <div className="px-4 py-3">
          <KeyValue
            items={[
              ['Type', <ArtifactType type={a.type} />],
              [
                'Key',
                a.key ? (
                  <Link to="/artifacts/key/$key" params={{ key: a.key }} className="text-accent hover:underline">
                    {a.key}
                  </Link>
                ) : (
                  <span className="text-fg-muted">none (not versioned)</span>
                ),
              ],
              ['Created', <DateTime value={a.created} style="seconds" />],
              ['Flow run', <FlowRunLink id={a.flow_run_id} run={run} />],
              [
                'Task run',
                a.task_run_id ? (
                  <Link to="/runs/task-run/$id" params={{ id: a.task_run_id }} className="text-accent hover:underline">
                    {a.task_run_id.slice(0, 8)}
                  </Link>
                ) : undefined,
              ],
              ['Description', a.description ? <Markdown text={a.description} /> : undefined],
              [
                'Metadata',
                metadata.length ? (
                  <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 font-mono text-xs">
                    {metadata.map(([k, v]) => (
                      <div key={k} className="contents">
                        <dt className="text-fg-muted">{k}</dt>
                        <dd className="break-words">{v}</dd>
                      </div>
                    ))}
                  </dl>
                ) : undefined,
              ],
            ]}
          />
        </div>
      </Card>
    </div>
  );
}

/** A missing artifact or key: what was asked for and the way back. */
export function ArtifactNotFound({ what, breadcrumbs }: { what: string; breadcrumbs: Crumb[] }) {
  return (
    <>
      <PageHeader breadcrumbs={breadcrumbs} title="Artifact not found" />
      <Card>
        <EmptyState title="No such artifact">
          {what} It may have been deleted.{' '}
          <Link to="/artifacts" className="text-accent hover:underline">
            Back to artifacts
          </Link>
        </EmptyState>
      </Card>
    </>
  );
}
