import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { ArrowLeft, ArrowRight, Check } from 'lucide-react';
import { useCan } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { NeedsRolePage } from '../auth/require-role.tsx';
import { buildWorkPoolTypesQuery, useCreateWorkPool, type WorkPoolType } from '../../api/work-pools.ts';
import { parseLimit, serverErrorFields, validatePoolDetails, type DetailsErrors, type PoolDetailsDraft } from '../../lib/work-pool-form.ts';
import type { BaseJobTemplate } from '../../lib/work-pool-template.ts';
import { groupPoolTypes, hasLocalWorker } from '../../lib/work-pool-types.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { toast } from '../ui/toast.tsx';
import { BaseJobTemplateEditor } from './base-job-template-editor.tsx';
import { PoolDetailsFields } from './pool-details-fields.tsx';

const STEPS = ['Type', 'Details', 'Base job template'] as const;

/** Create a work pool in three steps: its type, its name and limits, its job template defaults. Going back keeps every input. */
export function CreateWorkPoolPage() {
  const can = useCan('admin');
  if (!can) return <NeedsRolePage role="admin" title="Create a work pool" breadcrumbs={[{ label: 'Work pools', to: '/work-pools' }, { label: 'Create' }]} />;
  return <CreateWorkPoolWizard />;
}

function CreateWorkPoolWizard() {
  const navigate = useNavigate();
  const types = useQuery(buildWorkPoolTypesQuery());
  const create = useCreateWorkPool();
  const [step, setStep] = useState(0);
  const [type, setType] = useState<WorkPoolType | null>(null);
  const [details, setDetails] = useState<PoolDetailsDraft>({ name: '', description: '', concurrency: '' });
  const [touched, setTouched] = useState<Set<keyof PoolDetailsDraft>>(new Set());
  const [template, setTemplate] = useState<BaseJobTemplate>({});
  const [templateProblem, setTemplateProblem] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<DetailsErrors>({});
  const [attempted, setAttempted] = useState(false);

  const localErrors = useMemo(() => validatePoolDetails(details), [details]);
  const shown: DetailsErrors = { ...Object.fromEntries(Object.entries(localErrors).filter(([k]) => attempted || touched.has(k as keyof PoolDetailsDraft))), ...serverErrors };
  const onProblem = useCallback((p: string | null) => setTemplateProblem(p), []);

  const pickType = (t: WorkPoolType) => {
    // A new type brings its own template; picking the same one again keeps the edits.
    if (t.type !== type?.type) setTemplate(t.baseJobTemplate);
    setType(t);
  };
  const editDetails = (patch: Partial<PoolDetailsDraft>) => {
    setDetails((d) => ({ ...d, ...patch }));
    setTouched((s) => new Set([...s, ...(Object.keys(patch) as (keyof PoolDetailsDraft)[])]));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };
  const next = () => {
    if (step === 1 && Object.keys(localErrors).length) {
      setAttempted(true);
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setStep((s) => s + 1);
  };
  const submit = () => {
    const limit = parseLimit(details.concurrency);
    if (!type || 'error' in limit || templateProblem) return;
    create.mutate(
      { name: details.name, type: type.type, description: details.description.trim() || null, concurrency_limit: limit.value, base_job_template: template },
      {
        onSuccess: (pool) => {
          toast(`Created work pool ${pool.name}.`);
          void navigate({ to: '/work-pools/work-pool/$name', params: { name: pool.name } });
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const fields = serverErrorFields(error);
          setServerErrors(fields);
          if (fields.name || fields.description || fields.concurrency) setStep(1);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Create work pool" breadcrumbs={[{ label: 'Work Pools', to: '/work-pools' }, { label: 'Create' }]} description="A pool is where a deployment's runs wait until a worker of the pool's type picks them up." />
      <nav aria-label="Steps" className="mb-4">
        <ol className="flex flex-wrap items-center gap-2 text-sm">
          {STEPS.map((label, i) => (
            <li key={label} aria-current={i === step ? 'step' : undefined} className={clsx('flex items-center gap-1.5', i === step ? 'font-medium text-fg' : 'text-fg-muted')}>
              <span className={clsx('inline-flex size-5 items-center justify-center rounded-full border text-xs tabular-nums', i === step ? 'border-accent bg-accent text-accent-fg' : 'border-border-strong')}>
                {i < step ? <Check className="size-3" aria-label="done" /> : i + 1}
              </span>
              {label}
              {i < STEPS.length - 1 && <span aria-hidden="true" className="ml-1 h-px w-6 bg-border-strong" />}
            </li>
          ))}
        </ol>
      </nav>
      <Card className="p-4">
        {step === 0 && (types.isError ? <ErrorState error={types.error} onRetry={() => void types.refetch()} title="Could not load the pool types" /> : <TypeStep types={types.data} selected={type} onSelect={pickType} />)}
        {step === 1 && (
          <section aria-label="Details">
            <h2 className="mb-3 font-semibold">Details</h2>
            <PoolDetailsFields value={details} onChange={editDetails} errors={shown} showName />
          </section>
        )}
        {step === 2 && (
          <section aria-label="Base job template">
            <h2 className="mb-1 font-semibold">Base job template</h2>
            <p className="mb-3 text-fg-muted">
              How a <span className="font-medium text-fg">{type?.displayName}</span> worker starts each run of this pool.
            </p>
            {serverErrors.template && (
              <p role="alert" className="mb-3 rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger">
                Base job template: {serverErrors.template}
              </p>
            )}
            <BaseJobTemplateEditor
              value={template}
              onChange={(t) => {
                setTemplate(t);
                setServerErrors(({ template: _t, ...rest }) => rest);
              }}
              onProblem={onProblem}
            />
          </section>
        )}
        <div className="mt-6 flex flex-wrap items-center gap-2 border-t border-border pt-4">
          {step > 0 && (
            <Button onClick={() => setStep((s) => s - 1)}>
              <ArrowLeft aria-hidden="true" />
              Back
            </Button>
          )}
          <span className="flex-1" />
          {step === 2 && templateProblem && <span className="max-w-xl text-xs text-danger">{templateProblem}</span>}
          {step < 2 ? (
            <Button variant="primary" disabled={step === 0 && !type} title={step === 0 && !type ? 'Choose a pool type first' : undefined} onClick={next}>
              Next
              <ArrowRight aria-hidden="true" />
            </Button>
          ) : (
            <Button variant="primary" disabled={create.isPending || templateProblem !== null} onClick={submit}>
              {create.isPending ? 'Creating…' : 'Create work pool'}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}

function TypeStep({ types, selected, onSelect }: { types: WorkPoolType[] | undefined; selected: WorkPoolType | null; onSelect: (t: WorkPoolType) => void }) {
  if (!types) {
    return (
      <div aria-busy="true" aria-label="Loading the pool types" className="grid gap-3">
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-10 w-full" />
      </div>
    );
  }
  if (types.length === 0) return <EmptyState title="No pool types on this server">The server's worker catalog is empty, so no pool type can be offered.</EmptyState>;
  const { local, other } = groupPoolTypes(types);
  const option = (t: WorkPoolType) => <TypeOption key={`${t.collection}/${t.type}`} type={t} selected={selected?.type === t.type} onSelect={() => onSelect(t)} />;
  return (
    <fieldset>
      <legend className="mb-3 font-semibold">Which kind of worker runs this pool's flows?</legend>
      {local.length > 0 && (
        <div role="group" aria-labelledby="pool-types-local" className="mb-5">
          <p id="pool-types-local" className="mb-2 text-xs font-semibold text-fg-muted uppercase">
            Runs with this distribution's worker
          </p>
          <div className="grid gap-2 md:grid-cols-2">{local.map(option)}</div>
        </div>
      )}
      {other.length > 0 && (
        <div role="group" aria-labelledby="pool-types-other" aria-describedby="pool-types-other-why">
          <p id="pool-types-other" className="mb-1 text-xs font-semibold text-fg-muted uppercase">
            Needs a worker that understands its type (not included)
          </p>
          <p id="pool-types-other-why" className="mb-2 max-w-3xl text-xs text-fg-muted">
            This distribution's worker (<code className="font-mono">syntask worker start</code>) runs each flow run as a local process: it would ignore a container image, a cluster or a cloud
            service's settings. Choose one of these only if you run a worker for that type yourself; until one polls the pool, its runs wait.
          </p>
          <div className="grid gap-2 md:grid-cols-2">{other.map(option)}</div>
        </div>
      )}
    </fieldset>
  );
}

function TypeOption({ type: t, selected, onSelect }: { type: WorkPoolType; selected: boolean; onSelect: () => void }) {
  const local = hasLocalWorker(t.type);
  return (
    <label
      className={clsx('flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent', selected ? 'border-accent bg-accent/5' : 'border-border hover:bg-surface-hover/60')}
    >
      <input type="radio" name="pool-type" value={t.type} checked={selected} onChange={onSelect} className="mt-1 shrink-0 accent-[var(--color-accent)]" />
      <span className="grid gap-0.5">
        <span className="font-medium">
          {t.displayName}
          <span className="ml-1.5 font-mono text-xs font-normal text-fg-muted">{t.type}</span>
          {t.isBeta && <span className="ml-1.5 rounded border border-border px-1 text-xs font-normal text-fg-muted">beta</span>}
          {!local && <span className="ml-1.5 rounded border border-warning/50 px-1 text-xs font-normal text-fg-muted">needs its own worker</span>}
        </span>
        <span className="text-xs text-fg-muted">{t.description}</span>
      </span>
    </label>
  );
}
