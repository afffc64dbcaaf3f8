import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Rocket } from 'lucide-react';
import { buildDeploymentsQuery } from '../../api/deployments.ts';
import { buildFlowsByIdQuery } from '../../api/flows.ts';
import { buildWorkPoolTypesQuery, type WorkPool } from '../../api/work-pools.ts';
import { describeField, typeLabel } from '../../lib/schema-form/model.ts';
import { templateDefaults, templateVariables } from '../../lib/work-pool-template.ts';
import { KeyValue } from '../ui/misc.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { SkeletonRows, Table, td, th } from '../ui/table.tsx';
import { DateTime } from '../ui/time.tsx';
import { StatusLabel } from './status.tsx';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function DetailsTab({ pool }: { pool: WorkPool }) {
  const types = useQuery(buildWorkPoolTypesQuery());
  const type = types.data?.find((t) => t.type === pool.type);
  return (
    <div className="grid items-start gap-6 p-4 lg:grid-cols-2">
      <KeyValue
        items={[
          ['Type', <span>{type?.displayName ?? pool.type} <span className="font-mono text-xs text-fg-muted">{pool.type}</span></span>],
          ['Status', <StatusLabel status={pool.status} />],
          ['Concurrency limit', pool.concurrency_limit ?? 'Unlimited'],
          ['Description', pool.description ? <span className="whitespace-pre-line">{pool.description}</span> : null],
          ['Paused', pool.is_paused ? 'Yes: no runs are handed out' : 'No'],
          ['Created', <DateTime value={pool.created} style="seconds" />],
          ['Updated', <DateTime value={pool.updated} style="seconds" />],
          ['Pool id', <span className="font-mono text-xs">{pool.id}</span>],
        ]}
      />
      <TemplateSummary pool={pool} />
    </div>
  );
}

/** The job variables a run of this pool gets, with their defaults; the raw template on demand. */
function TemplateSummary({ pool }: { pool: WorkPool }) {
  const variables = templateVariables(pool.base_job_template);
  const defaults = templateDefaults(pool.base_job_template);
  const props = variables ? (describeField(variables, variables, { isRoot: true }).properties ?? []) : [];
  return (
    <section aria-label="Base job template" className="grid content-start gap-2">
      <h3 className="text-xs font-medium text-fg-muted">Base job template</h3>
      {props.length === 0 ? (
        <p className="text-fg-muted">No job variables: workers of this pool take no per-run settings.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-xs" aria-label="Job variables">
            <thead>
              <tr className="border-b border-border text-left text-fg-muted">
                <th className="py-1 pr-3 font-medium">Variable</th>
                <th className="py-1 pr-3 font-medium">Type</th>
                <th className="py-1 font-medium">Default</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {props.map((p) => (
                <tr key={p.name} className="align-top">
                  <td className="py-1 pr-3">
                    <span className="font-mono">{p.name}</span>
                  </td>
                  <td className="py-1 pr-3 font-mono text-fg-muted">{typeLabel(variables!, p.schema)}</td>
                  <td className="max-w-xs py-1 font-mono break-words">{p.name in defaults ? JSON.stringify(defaults[p.name]) : <span className="font-sans text-fg-muted">none</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {Object.keys(pool.base_job_template).length > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-fg-muted hover:text-fg">The whole template (JSON)</summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-surface p-2 font-mono text-xs">{json(pool.base_job_template)}</pre>
        </details>
      )}
    </section>
  );
}

/** Deployments whose runs go to this pool. */
export function DeploymentsTab({ pool }: { pool: WorkPool }) {
  const deployments = useQuery(buildDeploymentsQuery({ work_pools: { name: { any_: [pool.name] } }, sort: 'NAME_ASC', limit: 200 }));
  const flows = useQuery(buildFlowsByIdQuery((deployments.data ?? []).map((d) => d.flow_id)));
  if (deployments.isError) return <ErrorState error={deployments.error} onRetry={() => void deployments.refetch()} title="Could not load the deployments" />;
  if (deployments.isSuccess && deployments.data.length === 0) {
    return (
      <EmptyState icon={Rocket} title="No deployment uses this pool">
        Deploy a flow with <code className="rounded bg-surface-hover px-1 font-mono text-xs">work_pool: {'{'} name: {pool.name} {'}'}</code> in its syntask.yaml, or pick this pool when editing a deployment.
      </EmptyState>
    );
  }
  return (
    <Table
      label="Deployments using this pool"
      head={
        <>
          <th className={th}>Deployment</th>
          <th className={th}>Flow</th>
          <th className={th}>Queue</th>
          <th className={th}>Status</th>
        </>
      }
    >
      {deployments.isPending ? (
        <SkeletonRows columns={4} rows={3} />
      ) : (
        deployments.data.map((d) => (
          <tr key={d.id} className="hover:bg-surface-hover/60">
            <td className={td}>
              <Link to="/deployments/deployment/$id" params={{ id: d.id }} className="font-medium text-accent hover:underline">
                {d.name}
              </Link>
            </td>
            <td className={td}>{flows.data?.[d.flow_id]?.name ?? '…'}</td>
            <td className={td}>{d.work_queue_name ?? <span className="text-fg-muted">—</span>}</td>
            <td className={td}>{d.paused ? <StatusLabel status="PAUSED" /> : <StatusLabel status={d.status === 'READY' ? 'READY' : 'NOT_READY'} />}</td>
          </tr>
        ))
      )}
    </Table>
  );
}
