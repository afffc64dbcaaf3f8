import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCan } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { buildWorkPoolQuery, useUpdateWorkPool, type WorkPool } from '../../api/work-pools.ts';
import { parseLimit, serverErrorFields, validatePoolDetails, type DetailsErrors, type PoolDetailsDraft } from '../../lib/work-pool-form.ts';
import type { BaseJobTemplate } from '../../lib/work-pool-template.ts';
import { Button, buttonClassName } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { toast } from '../ui/toast.tsx';
import { BaseJobTemplateEditor } from './base-job-template-editor.tsx';
import { PoolDetailsFields } from './pool-details-fields.tsx';

export function EditWorkPoolPage({ name }: { name: string }) {
  const pool = useQuery(buildWorkPoolQuery(name));
  const can = useCan('admin');
  if (!can) return <NeedsRolePage role="admin" title={`Edit ${name}`} breadcrumbs={[{ label: 'Work pools', to: '/work-pools' }, { label: name, to: '/work-pools/work-pool/$name', params: { name } }, { label: 'Edit' }]} />;
  if (pool.isError && (pool.error as { status?: number }).status === 404) {
    return (
      <Card>
        <EmptyState title="No such work pool">
          No work pool is named “{name}”.{' '}
          <Link to="/work-pools" className="text-accent hover:underline">
            Back to work pools
          </Link>
        </EmptyState>
      </Card>
    );
  }
  if (pool.isError) return <ErrorState error={pool.error} onRetry={() => void pool.refetch()} title="Could not load the work pool" />;
  if (!pool.data) {
    return (
      <div aria-busy="true" aria-label="Loading the work pool" className="grid gap-3">
        <Skeleton className="w-40" />
        <Skeleton className="h-6 w-80" />
      </div>
    );
  }
  // Edits start from the pool as loaded; a background refetch must not overwrite what the user typed.
  return <EditForm pool={pool.data} />;
}

function EditForm({ pool }: { pool: WorkPool }) {
  const navigate = useNavigate();
  const update = useUpdateWorkPool();
  const [details, setDetails] = useState<PoolDetailsDraft>({ name: pool.name, description: pool.description ?? '', concurrency: pool.concurrency_limit === null ? '' : String(pool.concurrency_limit) });
  const [template, setTemplate] = useState<BaseJobTemplate>(pool.base_job_template);
  const [templateProblem, setTemplateProblem] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<DetailsErrors>({});
  const local = useMemo(() => validatePoolDetails(details, { checkName: false }), [details]);
  const errors = { ...local, ...serverErrors };
  const onProblem = useCallback((p: string | null) => setTemplateProblem(p), []);
  const toPool = () => void navigate({ to: '/work-pools/work-pool/$name', params: { name: pool.name } });
  const save = () => {
    const limit = parseLimit(details.concurrency);
    if ('error' in limit || templateProblem) return;
    update.mutate(
      { name: pool.name, body: { description: details.description.trim() || null, concurrency_limit: limit.value, base_job_template: template } },
      {
        onSuccess: () => (toast(`Saved ${pool.name}.`), toPool()),
        onError: (error) => error instanceof ApiError && setServerErrors(serverErrorFields(error)),
      },
    );
  };
  const blocked = Object.keys(local).length > 0 || templateProblem !== null;
  return (
    <>
      <PageHeader title={`Edit ${pool.name}`} breadcrumbs={[{ label: 'Work Pools', to: '/work-pools' }, { label: pool.name, to: '/work-pools/work-pool/$name', params: { name: pool.name } }, { label: 'Edit' }]} />
      <Card className="grid gap-6 p-4">
        <PoolDetailsFields value={details} onChange={(patch) => (setDetails((d) => ({ ...d, ...patch })), setServerErrors({}))} errors={errors} showName={false} />
        <section aria-label="Base job template" className="grid gap-2">
          <h2 className="font-semibold">Base job template</h2>
          {serverErrors.template && (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
              Base job template: {serverErrors.template}
            </p>
          )}
          <BaseJobTemplateEditor value={template} onChange={(t) => (setTemplate(t), setServerErrors({}))} onProblem={onProblem} />
        </section>
        <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-4">
          {templateProblem && <span className="mr-auto max-w-xl text-xs text-danger">{templateProblem}</span>}
          <Link to="/work-pools/work-pool/$name" params={{ name: pool.name }} className={buttonClassName()}>
            Cancel
          </Link>
          <Button variant="primary" disabled={update.isPending || blocked} onClick={save}>
            {update.isPending ? 'Saving…' : 'Save'}
          </Button>
        </div>
      </Card>
    </>
  );
}
