import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { clsx } from 'clsx';
import { ArrowLeft, ArrowRight, Check, Plus } from 'lucide-react';
import { buildAutomationPreviewQuery, useCreateAutomation, useUpdateAutomation, type Automation } from '../../api/automations.ts';
import { ApiError } from '../../api/client.ts';
import { newActionDraft, type ActionDraft } from '../../lib/automation-actions.ts';
import { buildAutomationBody, firstStepWithProblem, placeRefusal, STEPS, type AutomationDraft, type DraftProblems, type Step } from '../../lib/automation-form.ts';
import { buildTrigger, type TriggerDraft } from '../../lib/automation-templates.ts';
import { refusalOf } from '../../lib/form-validation.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { Checkbox, Input, Textarea } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { toast } from '../ui/toast.tsx';
import { useDebounced } from '../ui/use-debounced.ts';
import { useUnsavedChangesGuard } from '../ui/unsaved-changes.tsx';
import { ActionFields } from './action-fields.tsx';
import { TriggerPreview } from './trigger-preview.tsx';
import { TriggerStep } from './trigger-step.tsx';

const NO_PROBLEMS: DraftProblems = { trigger: {}, actions: {}, steps: {} };

/**
 * Create or edit an automation in three steps — trigger, actions, details — with a preview
 * of when the trigger would have fired, beside every step. Moving between steps keeps every
 * input; a refusal by the server is shown at its step and field, with the input kept.
 */
export function AutomationForm({ initial, automation }: { initial: AutomationDraft; automation?: Automation }) {
  const navigate = useNavigate();
  const create = useCreateAutomation();
  const update = useUpdateAutomation();
  const saving = create.isPending || update.isPending;
  const [draft, setDraft] = useState(initial);
  const [step, setStep] = useState<Step>(0);
  const [tried, setTried] = useState<Set<Step>>(new Set());
  const [server, setServer] = useState<DraftProblems>(NO_PROBLEMS);
  const nextKey = useRef(initial.actions.length);
  const guard = useUnsavedChangesGuard(draft !== initial && !saving);

  const built = useMemo(() => buildAutomationBody(draft), [draft]);
  const local = 'problems' in built ? built.problems : NO_PROBLEMS;
  // Each step's own problems show once a move past it (or a save) was tried.
  const shown = (s: Step) => tried.has(s);

  const trigger = useMemo(() => {
    const t = buildTrigger(draft.trigger);
    return 'trigger' in t ? t.trigger : null;
  }, [draft.trigger]);
  const settledTrigger = useDebounced(trigger, 500);
  const preview = useQuery(buildAutomationPreviewQuery(settledTrigger));
  const newestEventId = preview.data?.firings.at(-1)?.event_ids.at(-1) ?? null;

  const edit = (next: AutomationDraft) => {
    setDraft(next);
    setServer(NO_PROBLEMS);
  };
  const editTrigger = (patch: Partial<TriggerDraft>) => edit({ ...draft, trigger: { ...draft.trigger, ...patch } });
  const editAction = (key: string, patch: Partial<ActionDraft>) => edit({ ...draft, actions: draft.actions.map((a) => (a.key === key ? { ...a, ...patch } : a)) });
  const addAction = () => edit({ ...draft, actions: [...draft.actions, newActionDraft(`a${nextKey.current++}`)] });
  const removeAction = (key: string) => edit({ ...draft, actions: draft.actions.filter((a) => a.key !== key) });

  const focusProblem = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  const go = (to: Step) => {
    if (to > step) {
      setTried((t) => new Set([...t, step]));
      if (firstStepWithProblem(local) === step) return focusProblem();
    }
    setStep(to);
  };
  const save = () => {
    setTried(new Set([0, 1, 2]));
    if ('problems' in built) {
      setStep(firstStepWithProblem(built.problems) ?? step);
      return focusProblem();
    }
    const onError = (error: Error) => {
      if (!(error instanceof ApiError) || error.status !== 422) return;
      const placed = placeRefusal(refusalOf(error), draft.actions.map((a) => a.key), step);
      setServer(placed);
      setStep(firstStepWithProblem(placed) ?? step);
    };
    const done = (id: string, verb: string) => {
      guard.release();
      toast(`${verb} automation ${built.body.name}.`);
      void navigate({ to: '/automations/automation/$id', params: { id } });
    };
    if (automation) {
      const { name, description, enabled, trigger: t, actions } = built.body;
      const body = { name, description, enabled, trigger: t, actions, actions_on_trigger: automation.actions_on_trigger, actions_on_resolve: automation.actions_on_resolve };
      update.mutate({ id: automation.id, body }, { onSuccess: () => done(automation.id, 'Saved'), onError });
    } else create.mutate(built.body, { onSuccess: (a) => done(a.id, 'Created'), onError });
  };

  const stepProblems = [...(server.steps[step] ?? []), ...(shown(step) ? (local.steps[step] ?? []) : [])];
  const nameError = server.name ?? (shown(2) ? local.name : undefined);
  return (
    <>
      {guard.dialog}
      <nav aria-label="Steps" className="mb-4">
        <ol className="flex flex-wrap items-center gap-2 text-sm">
          {STEPS.map((label, i) => (
            <li key={label} className="flex items-center gap-1.5">
              <button type="button" aria-current={i === step ? 'step' : undefined} onClick={() => go(i as Step)} className={clsx('flex items-center gap-1.5 rounded px-1 hover:bg-surface-hover', i === step ? 'font-medium text-fg' : 'text-fg-muted')}>
                <span className={clsx('inline-flex size-5 items-center justify-center rounded-full border text-xs tabular-nums', i === step ? 'border-accent bg-accent text-accent-fg' : 'border-border-strong')}>
                  {i < step ? <Check className="size-3" aria-label="done" /> : i + 1}
                </span>
                {label}
              </button>
              {i < STEPS.length - 1 && <span aria-hidden="true" className="h-px w-6 bg-border-strong" />}
            </li>
          ))}
        </ol>
      </nav>
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="p-4">
          {step === 0 && <TriggerStep draft={draft.trigger} onChange={editTrigger} errors={shown(0) ? local.trigger : {}} serverErrors={server.steps[0]} />}
          {step === 1 && (
            <section aria-label="Actions" className="grid gap-3">
              <h2 className="font-semibold">What should it do?</h2>
              <p className="-mt-2 text-fg-muted">Each action runs once per firing, on its own: one failing does not stop the others.</p>
              {draft.actions.map((a, i) => (
                <ActionFields
                  key={a.key}
                  index={i}
                  draft={a}
                  onChange={(patch) => editAction(a.key, patch)}
                  onRemove={draft.actions.length > 1 ? () => removeAction(a.key) : undefined}
                  errors={shown(1) ? (local.actions[a.key] ?? {}) : {}}
                  previewEventId={newestEventId}
                  automationName={draft.details.name}
                />
              ))}
              <Button onClick={addAction} className="justify-self-start">
                <Plus aria-hidden="true" />
                Add an action
              </Button>
            </section>
          )}
          {step === 2 && (
            <section aria-label="Details" className="grid max-w-2xl gap-4">
              <h2 className="font-semibold">Details</h2>
              <FormField id="automation-name" label="Name" required error={nameError}>
                <Input {...describedBy('automation-name', nameError, false)} value={draft.details.name} onChange={(e) => edit({ ...draft, details: { ...draft.details, name: e.target.value } })} className="w-full" />
              </FormField>
              <FormField id="automation-description" label="Description">
                <Textarea {...describedBy('automation-description', undefined, false)} rows={3} value={draft.details.description} onChange={(e) => edit({ ...draft, details: { ...draft.details, description: e.target.value } })} />
              </FormField>
              <label className="inline-flex items-center gap-2">
                <Checkbox checked={draft.details.enabled} onChange={(e) => edit({ ...draft, details: { ...draft.details, enabled: e.target.checked } })} />
                Enabled (acts as soon as it is saved)
              </label>
            </section>
          )}
          {stepProblems.length > 0 && (
            <ul role="alert" className="mt-4 list-disc rounded-md border border-danger/40 bg-danger/5 py-2 pr-3 pl-7 text-danger">
              {stepProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="mt-6 flex flex-wrap items-center gap-2 border-t border-border pt-4">
            {step > 0 && (
              <Button onClick={() => go((step - 1) as Step)}>
                <ArrowLeft aria-hidden="true" />
                Back
              </Button>
            )}
            <span className="flex-1" />
            {step < 2 ? (
              <Button variant="primary" onClick={() => go((step + 1) as Step)}>
                Next
                <ArrowRight aria-hidden="true" />
              </Button>
            ) : (
              <Button variant="primary" disabled={saving} onClick={save}>
                {saving ? 'Saving…' : automation ? 'Save automation' : 'Create automation'}
              </Button>
            )}
          </div>
        </Card>
        <Card className="p-4 xl:sticky xl:top-4">
          <TriggerPreview preview={preview} waiting={trigger ? null : 'The preview appears once the trigger is complete.'} />
        </Card>
      </div>
    </>
  );
}
