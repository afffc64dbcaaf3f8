import { runPlace } from '../../lib/run-place.ts';
import { useQuery } from '@tanstack/react-query';
import { buildDeploymentDetailQuery } from '../../api/deployments.ts';
import type { FlowRun } from '../../api/flow-runs.ts';
import { describeField, typeLabel } from '../../lib/schema-form/model.ts';
import { KeyValue } from '../ui/misc.tsx';
import { EmptyState } from '../ui/states.tsx';
import { DateTime, Duration } from '../ui/time.tsx';

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Parameter values, labelled by the deployment's parameter schema (titles, descriptions, types) when the run has one. */
export function ParametersTab({ run }: { run: FlowRun }) {
  const deployment = useQuery({ ...buildDeploymentDetailQuery(run.deployment_id ?? ''), enabled: Boolean(run.deployment_id), retry: false });
  const schema = (deployment.data?.parameter_openapi_schema ?? null) as Record<string, unknown> | null;
  const properties = schema ? (describeField(schema, schema, { isRoot: true }).properties ?? []) : [];
  const keys = [...properties.map((p) => p.name).filter((k) => k in run.parameters), ...Object.keys(run.parameters).filter((k) => !properties.some((p) => p.name === k))];
  const unset = properties.filter((p) => !(p.name in run.parameters));
  if (keys.length === 0 && unset.length === 0) return <EmptyState title="No parameters">This run was called without parameters.</EmptyState>;
  return (
    <div className="overflow-x-auto p-4">
      <table className="w-full max-w-5xl" aria-label="Parameters">
        <thead>
          <tr className="border-b border-border text-left text-xs text-fg-muted">
            <th className="py-1.5 pr-4 font-medium">Parameter</th>
            {schema && <th className="py-1.5 pr-4 font-medium">Type</th>}
            <th className="py-1.5 font-medium">Value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {keys.map((k) => {
            const property = properties.find((p) => p.name === k);
            const model = schema && property ? describeField(schema, property.schema) : null;
            const v = run.parameters[k];
            return (
              <tr key={k} className="align-top">
                <td className="py-2 pr-4">
                  <span className="font-medium">{model?.title ?? k}</span>
                  {model?.title && model.title !== k && <span className="block font-mono text-xs text-fg-muted">{k}</span>}
                  {model?.description && <span className="block max-w-sm text-xs whitespace-pre-line text-fg-muted">{model.description.trim()}</span>}
                </td>
                {schema && <td className="py-2 pr-4 font-mono text-xs">{property ? typeLabel(schema, property.schema) : <span className="text-fg-muted">not in the schema</span>}</td>}
                <td className="py-2">
                  <pre tabIndex={0} className="max-h-64 overflow-auto font-mono text-xs whitespace-pre-wrap">{typeof v === 'string' ? v : json(v)}</pre>
                </td>
              </tr>
            );
          })}
          {schema &&
            unset.map((p) => {
              const model = describeField(schema, p.schema);
              return (
                <tr key={p.name} className="align-top text-fg-muted">
                  <td className="py-2 pr-4">{model.title ?? p.name}</td>
                  <td className="py-2 pr-4 font-mono text-xs">{typeLabel(schema, p.schema)}</td>
                  <td className="py-2 text-xs">not passed{model.default ? `; the flow's default ${json(model.default.value)} applies` : ''}</td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}

export function DetailsTab({ run }: { run: FlowRun }) {
  const policy = run.empirical_policy;
  return (
    <div className="grid gap-6 p-4 lg:grid-cols-2">
      <KeyValue
        items={[
          ['Run id', <span className="font-mono text-xs">{run.id}</span>],
          ['Flow id', <span className="font-mono text-xs">{run.flow_id}</span>],
          ['Flow version', run.flow_version],
          ['State', `${run.state_name ?? '—'} (${run.state_type ?? 'none'})`],
          ['Run count', run.run_count],
          ['Expected start', <DateTime value={run.expected_start_time} style="seconds" />],
          ['Next scheduled', <DateTime value={run.next_scheduled_start_time} style="seconds" />],
          ['Start', <DateTime value={run.start_time} style="seconds" />],
          ['End', <DateTime value={run.end_time} style="seconds" />],
          ['Run time', <Duration seconds={run.estimated_run_time} />],
          ['Start delay', <Duration seconds={run.estimated_start_time_delta} />],
          ['Created', <DateTime value={run.created} style="seconds" />],
          ['Updated', <DateTime value={run.updated} style="seconds" />],
        ]}
      />
      <KeyValue
        items={[
          ['Retries', policy.retries ?? policy.max_retries],
          ['Retry delay', policy.retry_delay === null || policy.retry_delay === undefined ? null : <Duration seconds={policy.retry_delay} />],
          ['Deployment', run.deployment_id && <span className="font-mono text-xs">{run.deployment_id}</span>],
          ['Deployment version', run.deployment_version],
          ['Work pool', run.work_pool_name],
          ['Work queue', run.work_queue_name],
          ['Ran on', runPlace(run)?.detail],
          ['Infrastructure pid', run.infrastructure_pid],
          ['Idempotency key', run.idempotency_key && <span className="font-mono text-xs">{run.idempotency_key}</span>],
          ['Auto-scheduled', run.auto_scheduled ? 'yes' : 'no'],
          ['Parent task run', run.parent_task_run_id && <span className="font-mono text-xs">{run.parent_task_run_id}</span>],
          ['Job variables', run.job_variables && <pre className="font-mono text-xs whitespace-pre-wrap">{json(run.job_variables)}</pre>],
          ['Context', Object.keys(run.context).length ? <pre className="font-mono text-xs whitespace-pre-wrap">{json(run.context)}</pre> : null],
        ]}
      />
    </div>
  );
}
