import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Play } from 'lucide-react';
import { buildDeploymentDetailQuery, useCreateDeploymentRun, type Deployment, type DeploymentFlowRunCreate } from '../../api/deployments.ts';
import { buildFlowRunDetailQuery, type FlowRun } from '../../api/flow-runs.ts';
import { buildFlowDetailQuery } from '../../api/flows.ts';
import { buildWorkQueuesQuery } from '../../api/work-pools.ts';
import { initialValue } from '../../lib/schema-form/defaults.ts';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import { formatDateTime } from '../../lib/time.ts';
import { wallTimeToIso } from '../../lib/zoned-input.ts';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Input, Select } from '../ui/form.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { useCan } from '../../api/auth.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { DeploymentNotFound } from './deployment-page.tsx';
import { toast } from '../ui/toast.tsx';
import { useClock, useTimeZone } from '../ui/use-time-zone.ts';
import { BlockReferencePicker } from '../schema-form/block-reference-picker.tsx';
import { SchemaForm, SchemaFormSummary, useSchemaForm } from '../schema-form/schema-form.tsx';
import { JobVariablesEditor } from './job-variables-editor.tsx';
import { TagsField } from './tags-field.tsx';
import { ZoneSelect } from './zone-select.tsx';

export const NO_PARAMETERS_SCHEMA: JsonSchema = { title: 'Parameters', type: 'object' };

/** The deployment's parameter schema; without one, parameters are free-form JSON. */
export const parameterSchemaOf = (d: Deployment): JsonSchema => (d.parameter_openapi_schema as JsonSchema | null) ?? NO_PARAMETERS_SCHEMA;

/** `/deployments/deployment/{id}/run`: a run with chosen parameters, start time, tags, queue, job variables; `from` prefills another run's parameters. */
export function CustomRunPage({ id, from }: { id: string; from?: string }) {
  const deployment = useQuery({ ...buildDeploymentDetailQuery(id), enabled: isUuid(id) });
  const source = useQuery({ ...buildFlowRunDetailQuery(from ?? ''), enabled: Boolean(from) });
  const can = useCan('operator');
  if (!can) return <NeedsRolePage role="operator" title="Custom run" breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, { label: deployment.data?.name ?? id, to: '/deployments/deployment/$id', params: { id } }, { label: 'Run' }]} />;
  if (!isUuid(id) || (deployment.isError && (deployment.error as { status?: number }).status === 404)) return <DeploymentNotFound id={id} />;
  if (deployment.isError) return <ErrorState error={deployment.error} onRetry={() => void deployment.refetch()} title="Could not load the deployment" />;
  if (source.isError) return <ErrorState error={source.error} onRetry={() => void source.refetch()} title="Could not load the run to copy parameters from" />;
  if (!deployment.data || (from && !source.data)) return <Skeleton className="h-6 w-80" />;
  if (source.data && source.data.deployment_id !== id) {
    return <EmptyState title="That run belongs to another deployment">Run {source.data.name} was not created from this deployment, so its parameters are not offered here.</EmptyState>;
  }
  return <CustomRunForm deployment={deployment.data} source={source.data} />;
}

function CustomRunForm({ deployment: d, source }: { deployment: Deployment; source?: FlowRun }) {
  const navigate = useNavigate();
  const userZone = useTimeZone();
  const clock = useClock();
  const flow = useQuery(buildFlowDetailQuery(d.flow_id));
  const queues = useQuery(buildWorkQueuesQuery(d.work_pool_name));
  const schema = useMemo(() => parameterSchemaOf(d), [d]);
  // Run again: exactly that run's parameters; otherwise the deployment's values completed with the flow's defaults.
  const initial = useMemo(() => (source ? source.parameters : initialValue(schema, d.parameters)), [source, schema, d.parameters]);
  const form = useSchemaForm(schema, initial);
  const create = useCreateDeploymentRun();
  const ids = useId();
  const [name, setName] = useState('');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [zone, setZone] = useState(userZone);
  const [tags, setTags] = useState<string[]>([]);
  const [queue, setQueue] = useState(d.work_queue_name ?? '');
  const [jobVariables, setJobVariables] = useState<Record<string, unknown>>(source?.job_variables ?? {});
  const [jobProblem, setJobProblem] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const scheduledTime = when === 'later' && at ? wallTimeToIso(at, zone) : null;
  const values = (form.value ?? {}) as Record<string, unknown>;
  const fromDeployment = Object.keys(d.parameters).filter((k) => !(k in values));
  const reason = form.reason || jobProblem || (when === 'later' && !scheduledTime ? 'Choose when the run starts' : '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason) return;
    setError(null);
    try {
      if (!(await form.checkOnServer())) return;
      const body: DeploymentFlowRunCreate = {
        parameters: values,
        tags,
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(queue ? { work_queue_name: queue } : {}),
        ...(Object.keys(jobVariables).length ? { job_variables: jobVariables } : {}),
        state: { type: 'SCHEDULED', message: message.trim() || null, ...(scheduledTime ? { state_details: { scheduled_time: scheduledTime } } : {}) },
      };
      const run = await create.mutateAsync({ id: d.id, body });
      toast(scheduledTime ? `Scheduled ${run.name} for ${formatDateTime(scheduledTime, userZone, 'datetime', true, clock)}.` : `Started ${run.name}.`);
      void navigate({ to: '/runs/flow-run/$id', params: { id: run.id } });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Custom run">
      <PageHeader
        breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, { label: `${flow.data?.name ?? '…'} / ${d.name}`, to: '/deployments/deployment/$id', params: { id: d.id } }, { label: 'Custom run' }]}
        title={`Run ${d.name}`}
        description={source ? <>Prefilled with the parameters of run <Link to="/runs/flow-run/$id" params={{ id: source.id }} className="text-accent hover:underline">{source.name}</Link>.</> : 'Starts with the deployment’s parameter values and the flow’s defaults.'}
      />
      <div className="grid gap-4">
        <Card>
          <CardHeader title="Parameters" />
          <div className="grid gap-3 p-4">
            <SchemaFormSummary form={form} />
            <SchemaForm {...form.props} label="Parameters" options={{ blockReference: BlockReferencePicker, timeZone: userZone }} />
            {fromDeployment.length > 0 && <p className="text-xs text-fg-muted">Left unset here, so the deployment's value applies: {fromDeployment.join(', ')}.</p>}
          </div>
        </Card>
        <Card>
          <CardHeader title="Run options" />
          <div className="grid gap-4 p-4">
            <label className="grid gap-1">
              <span className="font-medium">Run name</span>
              <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="a random name" className="max-w-md" />
            </label>
            <fieldset className="grid gap-2">
              <legend className="mb-1 font-medium">Start</legend>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name={`${ids}-when`} checked={when === 'now'} onChange={() => setWhen('now')} className="accent-[var(--color-accent)]" />
                Now
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="radio" name={`${ids}-when`} checked={when === 'later'} onChange={() => setWhen('later')} className="accent-[var(--color-accent)]" />
                At a time
              </label>
              {when === 'later' && (
                <div className="flex flex-wrap items-center gap-2 pl-6">
                  <Input aria-label="Start at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} className="w-56" />
                  <ZoneSelect label="Time zone of the start" value={zone} onChange={setZone} />
                  {scheduledTime && (
                    <span className="text-xs text-fg-muted tabular-nums">
                      {scheduledTime}
                      {zone !== userZone && ` · your time ${formatDateTime(scheduledTime, userZone, 'datetime', true, clock)}`}
                    </span>
                  )}
                </div>
              )}
            </fieldset>
            <div className="grid gap-1">
              <label htmlFor={`${ids}-tags`} className="font-medium">
                Tags
              </label>
              <TagsField id={`${ids}-tags`} label="Tags" value={tags} onChange={setTags} />
              <span className="text-xs text-fg-muted">{d.tags.length ? `Added to the deployment's tags (${d.tags.join(', ')}).` : 'Added to the run.'}</span>
            </div>
            <label className="grid gap-1">
              <span className="font-medium">Work queue</span>
              <Select value={queue} onChange={(e) => setQueue(e.target.value)} className="max-w-md" disabled={!d.work_pool_name}>
                {!d.work_pool_name && <option value="">No work pool</option>}
                {d.work_queue_name && !queues.data?.some((q) => q.name === d.work_queue_name) && <option value={d.work_queue_name}>{d.work_queue_name}</option>}
                {queues.data?.map((q) => (
                  <option key={q.id} value={q.name}>
                    {q.name}
                    {q.name === d.work_queue_name ? ' (deployment default)' : ''}
                    {q.is_paused ? ' (paused)' : ''}
                  </option>
                ))}
              </Select>
            </label>
            <div className="grid gap-1">
              <label htmlFor={`${ids}-jv`} className="font-medium">
                Job variables
              </label>
              <JobVariablesEditor id={`${ids}-jv`} pool={d.work_pool_name} value={jobVariables} onChange={setJobVariables} onProblem={setJobProblem} />
            </div>
            <label className="grid gap-1">
              <span className="font-medium">Message</span>
              <Input value={message} onChange={(e) => setMessage(e.target.value)} placeholder="Why this run (shown as its state message)" className="max-w-xl" />
            </label>
          </div>
        </Card>
        {error && (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
            {error}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={Boolean(reason) || create.isPending} aria-describedby={reason ? `${ids}-reason` : undefined}>
            <Play aria-hidden="true" />
            {create.isPending ? 'Creating…' : when === 'later' ? 'Schedule run' : 'Start run'}
          </Button>
          <Link to="/deployments/deployment/$id" params={{ id: d.id }} className="text-fg-muted hover:text-fg hover:underline">
            Cancel
          </Link>
          {reason && (
            <span id={`${ids}-reason`} className="text-xs text-danger">
              {reason}
            </span>
          )}
        </div>
      </div>
    </form>
  );
}
