import type { FlowRun } from '../../api/flow-runs.ts';
import { KeyValue } from '../ui/misc.tsx';
import { EmptyState } from '../ui/states.tsx';
import { DateTime, Duration } from '../ui/time.tsx';

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** Parameter values; once deployments exist, next to their schema's titles. */
export function ParametersTab({ run }: { run: FlowRun }) {
  // Needs GET /deployments/{id} (issue 3/4): `parameter_openapi_schema` titles and descriptions label the values.
  const entries = Object.entries(run.parameters);
  if (entries.length === 0) return <EmptyState title="No parameters">This run was called without parameters.</EmptyState>;
  return (
    <div className="p-4">
      <table className="w-full max-w-4xl" aria-label="Parameters">
        <thead>
          <tr className="border-b border-border text-left text-xs text-fg-muted">
            <th className="py-1.5 pr-4 font-medium">Parameter</th>
            <th className="py-1.5 font-medium">Value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {entries.map(([k, v]) => (
            <tr key={k}>
              <td className="py-2 pr-4 align-top font-medium">{k}</td>
              <td className="py-2">
                <pre className="max-h-64 overflow-auto font-mono text-xs whitespace-pre-wrap">{typeof v === 'string' ? v : json(v)}</pre>
              </td>
            </tr>
          ))}
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
