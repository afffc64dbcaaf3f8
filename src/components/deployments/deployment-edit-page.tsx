import { useId, useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Save } from 'lucide-react';
import { buildDeploymentDetailQuery, useUpdateDeployment, type Deployment } from '../../api/deployments.ts';
import { buildFlowDetailQuery } from '../../api/flows.ts';
import { buildWorkPoolListQuery, buildWorkQueuesQuery } from '../../api/work-pools.ts';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Checkbox, Select, Textarea } from '../ui/form.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { ErrorState } from '../ui/states.tsx';
import { useCan } from '../../api/auth.ts';
import { isUuid } from '../../lib/deployment-search.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { DeploymentNotFound } from './deployment-page.tsx';
import { toast } from '../ui/toast.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';
import { BlockReferencePicker } from '../schema-form/block-reference-picker.tsx';
import { SchemaForm, SchemaFormSummary, useSchemaForm } from '../schema-form/schema-form.tsx';
import { parameterSchemaOf } from './custom-run-page.tsx';
import { JobVariablesEditor } from './job-variables-editor.tsx';
import { Markdown } from '../ui/markdown.tsx';
import { TagsField } from './tags-field.tsx';

/** `/deployments/deployment/{id}/edit`: description, tags, parameter defaults, work pool and queue, job variables, schema enforcement. */
export function DeploymentEditPage({ id }: { id: string }) {
  const deployment = useQuery({ ...buildDeploymentDetailQuery(id), staleTime: Infinity, enabled: isUuid(id) });
  const can = useCan('admin');
  if (!can) return <NeedsRolePage role="admin" title="Edit deployment" breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, { label: deployment.data?.name ?? id, to: '/deployments/deployment/$id', params: { id } }, { label: 'Edit' }]} />;
  if (!isUuid(id) || (deployment.isError && (deployment.error as { status?: number }).status === 404)) return <DeploymentNotFound id={id} />;
  if (deployment.isError) return <ErrorState error={deployment.error} onRetry={() => void deployment.refetch()} title="Could not load the deployment" />;
  if (!deployment.data) return <Skeleton className="h-6 w-80" />;
  return <EditForm deployment={deployment.data} />;
}

function EditForm({ deployment: d }: { deployment: Deployment }) {
  const navigate = useNavigate();
  const userZone = useTimeZone();
  const ids = useId();
  const flow = useQuery(buildFlowDetailQuery(d.flow_id));
  const schema = useMemo(() => parameterSchemaOf(d), [d]);
  // Defaults as saved, without the flow's own defaults filled in: those apply anyway.
  const form = useSchemaForm(schema, d.parameters, { ignoreRequired: true });
  const [description, setDescription] = useState(d.description ?? '');
  const [previewDescription, setPreviewDescription] = useState(false);
  const [tags, setTags] = useState(d.tags);
  const [pool, setPool] = useState(d.work_pool_name ?? '');
  const [queue, setQueue] = useState(d.work_queue_name ?? '');
  const [jobVariables, setJobVariables] = useState<Record<string, unknown>>(d.infra_overrides);
  const [jobProblem, setJobProblem] = useState<string | null>(null);
  const [enforce, setEnforce] = useState(d.enforce_parameter_schema);
  const [error, setError] = useState<string | null>(null);
  const pools = useQuery(buildWorkPoolListQuery());
  const queues = useQuery(buildWorkQueuesQuery(pool || null));
  const update = useUpdateDeployment();
  const reason = form.reason || jobProblem || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reason) return;
    setError(null);
    try {
      if (!(await form.checkOnServer())) return;
      await update.mutateAsync({
        id: d.id,
        body: {
          description: description.trim() ? description : null,
          tags,
          parameters: (form.value ?? {}) as Record<string, unknown>,
          enforce_parameter_schema: enforce,
          job_variables: jobVariables,
          ...(pool ? { work_pool_name: pool, work_queue_name: queue || null } : {}),
        },
      });
      toast(`Saved ${d.name}.`);
      void navigate({ to: '/deployments/deployment/$id', params: { id: d.id } });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit deployment">
      <PageHeader breadcrumbs={[{ label: 'Deployments', to: '/deployments' }, { label: `${flow.data?.name ?? '…'} / ${d.name}`, to: '/deployments/deployment/$id', params: { id: d.id } }, { label: 'Edit' }]} title={`Edit ${d.name}`} />
      <div className="grid gap-4">
        <Card>
          <CardHeader title="About" />
          <div className="grid gap-4 p-4">
            <div className="grid gap-1">
              <div className="flex items-center gap-2">
                <label htmlFor={`${ids}-description`} className="font-medium">
                  Description
                </label>
                <span className="text-xs text-fg-muted">Markdown</span>
                <button type="button" className="ml-auto text-xs text-fg-muted hover:text-fg hover:underline" onClick={() => setPreviewDescription((p) => !p)}>
                  {previewDescription ? 'Edit' : 'Preview'}
                </button>
              </div>
              {previewDescription ? <Markdown text={description || '*No description.*'} className="min-h-20 rounded-md border border-border p-2" /> : <Textarea id={`${ids}-description`} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} className="max-w-3xl" />}
            </div>
            <div className="grid gap-1">
              <label htmlFor={`${ids}-tags`} className="font-medium">
                Tags
              </label>
              <TagsField id={`${ids}-tags`} label="Tags" value={tags} onChange={setTags} />
            </div>
          </div>
        </Card>
        <Card>
          <CardHeader title="Parameter defaults" />
          <div className="grid gap-3 p-4">
            <p className="text-xs text-fg-muted">Values every run of this deployment starts with. Required parameters may stay empty here; each run must then supply them.</p>
            <SchemaFormSummary form={form} />
            <SchemaForm {...form.props} label="Parameter defaults" options={{ blockReference: BlockReferencePicker, timeZone: userZone }} />
            <label className="inline-flex items-center gap-2">
              <Checkbox checked={enforce} onChange={(e) => setEnforce(e.target.checked)} />
              Enforce the parameter schema (runs with invalid parameters are refused)
            </label>
          </div>
        </Card>
        <Card>
          <CardHeader title="Infrastructure" />
          <div className="grid gap-4 p-4">
            <div className="flex flex-wrap gap-4">
              <label className="grid gap-1">
                <span className="font-medium">Work pool</span>
                <Select
                  value={pool}
                  onChange={(e) => {
                    setPool(e.target.value);
                    setQueue('');
                  }}
                  className="w-64"
                >
                  {!d.work_pool_name && <option value="">None</option>}
                  {pool && !pools.data?.some((p) => p.name === pool) && <option value={pool}>{pool}</option>}
                  {pools.data?.map((p) => (
                    <option key={p.id} value={p.name}>
                      {p.name} ({p.type})
                    </option>
                  ))}
                </Select>
              </label>
              <label className="grid gap-1">
                <span className="font-medium">Work queue</span>
                <Select value={queue} onChange={(e) => setQueue(e.target.value)} className="w-64" disabled={!pool}>
                  <option value="">The pool's default queue</option>
                  {queue && !queues.data?.some((q) => q.name === queue) && <option value={queue}>{queue}</option>}
                  {queues.data?.map((q) => (
                    <option key={q.id} value={q.name}>
                      {q.name} (priority {q.priority})
                    </option>
                  ))}
                </Select>
              </label>
            </div>
            <div className="grid gap-1">
              <label htmlFor={`${ids}-jv`} className="font-medium">
                Job variables
              </label>
              <JobVariablesEditor id={`${ids}-jv`} pool={pool || null} value={jobVariables} onChange={setJobVariables} onProblem={setJobProblem} />
            </div>
          </div>
        </Card>
        {error && (
          <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
            {error}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" disabled={Boolean(reason) || update.isPending}>
            <Save aria-hidden="true" />
            {update.isPending ? 'Saving…' : 'Save'}
          </Button>
          <Link to="/deployments/deployment/$id" params={{ id: d.id }} className="text-fg-muted hover:text-fg hover:underline">
            Cancel
          </Link>
          {reason && <span className="text-xs text-danger">{reason}</span>}
        </div>
      </div>
    </form>
  );
}
