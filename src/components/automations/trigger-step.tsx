import { useId } from 'react';
import { clsx } from 'clsx';
import { buildTrigger, TEMPLATES, triggerJson, UNIT_SECONDS, type DurationDraft, type DurationUnit, type TemplateId, type TriggerDraft, type TriggerErrors } from '../../lib/automation-templates.ts';
import { STATE_NAMES } from '../../lib/states.ts';
import { Checkbox, Input, Select, Textarea } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { DeploymentSelect, FlowSelect, WorkPoolSelect } from './resource-selects.tsx';

interface TriggerStepProps {
  draft: TriggerDraft;
  onChange: (patch: Partial<TriggerDraft>) => void;
  /** Shown once a move or a save was tried (or the input was touched). */
  errors: TriggerErrors;
  /** The server's refusals of the trigger (a 422 `loc` under `trigger`). */
  serverErrors?: string[];
}

/** Step 1: what the automation waits for, from a template or as JSON. */
export function TriggerStep({ draft, onChange, errors, serverErrors }: TriggerStepProps) {
  const id = useId();
  const pick = (template: TemplateId) => {
    // Custom starts from what the chosen template would send, so JSON is a way to go further, not a blank page.
    if (template === 'custom' && !draft.json.trim()) {
      const built = buildTrigger(draft);
      onChange({ template, json: 'trigger' in built ? triggerJson(built.trigger) : '' });
    } else onChange({ template });
  };
  return (
    <section aria-label="Trigger" className="grid gap-5">
      <fieldset>
        <legend className="mb-2 font-semibold">When should this automation act?</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {TEMPLATES.map((t) => (
            <label key={t.id} className={clsx('flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent', draft.template === t.id ? 'border-accent bg-accent/5' : 'border-border hover:bg-surface-hover/60')}>
              <input type="radio" name={`${id}-template`} value={t.id} checked={draft.template === t.id} onChange={() => pick(t.id)} className="mt-1 shrink-0 accent-[var(--color-accent)]" />
              <span className="grid gap-0.5">
                <span className="font-medium">{t.label}</span>
                <span className="text-xs text-fg-muted">{t.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {draft.template === 'flow-run-state' && <FlowRunStateFields id={id} draft={draft} onChange={onChange} errors={errors} />}
      {draft.template === 'deployment-no-completed' && (
        <div className="grid gap-4">
          <FormField id={`${id}-deployment`} label="Deployment" required error={errors.deploymentId} hint="Fires when none of its runs reaches Completed within the window; checked as time passes, so it fires even when nothing happens.">
            <DeploymentSelect id={`${id}-deployment`} value={draft.deploymentId} onChange={(deploymentId) => onChange({ deploymentId })} error={errors.deploymentId} />
          </FormField>
          <DurationField id={`${id}-dwithin`} label="Within" value={draft.deploymentWithin} onChange={(deploymentWithin) => onChange({ deploymentWithin })} error={errors.deploymentWithin} hint="At least 10 seconds. A new window starts after each one ends." />
        </div>
      )}
      {draft.template === 'work-pool-not-ready' && (
        <FormField id={`${id}-pool`} label="Work pool" hint="Fires when the pool becomes not ready: no worker has polled it lately. Any pool: each pool fires on its own.">
          <WorkPoolSelect id={`${id}-pool`} value={draft.poolId} onChange={(poolId) => onChange({ poolId })} anyLabel="Any work pool" />
        </FormField>
      )}
      {draft.template === 'custom' && (
        <FormField id={`${id}-json`} label="Trigger (JSON)" required error={errors.json} hint='An event trigger ({"type": "event", "posture": "Reactive", "expect": […], …}), or a compound or sequence of triggers. The server checks it when you save.'>
          <Textarea {...describedBy(`${id}-json`, errors.json)} rows={16} spellCheck={false} value={draft.json} onChange={(e) => onChange({ json: e.target.value })} className="font-mono text-xs" />
        </FormField>
      )}
      {serverErrors && serverErrors.length > 0 && (
        <div role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
          <p className="font-medium">The server refused this trigger:</p>
          <ul className="list-disc pl-5">
            {serverErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function FlowRunStateFields({ id, draft, onChange, errors }: { id: string; draft: TriggerDraft; onChange: (patch: Partial<TriggerDraft>) => void; errors: TriggerErrors }) {
  const toggle = (name: string, on: boolean) => onChange({ states: on ? [...draft.states, name] : draft.states.filter((s) => s !== name) });
  return (
    <div className="grid gap-4">
      <FormField id={`${id}-flow`} label="Flow" hint="Any flow: runs are counted per flow.">
        <FlowSelect id={`${id}-flow`} value={draft.flowId} onChange={(flowId) => onChange({ flowId })} anyLabel="Any flow" />
      </FormField>
      <fieldset className="grid gap-1.5" aria-describedby={errors.states ? `${id}-states-error` : undefined}>
        <legend className="mb-1 font-medium">
          States<span className="ml-0.5 text-danger" aria-hidden="true">*</span>
        </legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1.5">
          {STATE_NAMES.map((s) => (
            <label key={s.name} className="inline-flex items-center gap-1.5">
              <Checkbox checked={draft.states.includes(s.name)} onChange={(e) => toggle(s.name, e.target.checked)} />
              <StateBadge type={s.type} name={s.name} size="sm" />
            </label>
          ))}
        </div>
        {errors.states && (
          <span id={`${id}-states-error`} role="alert" className="text-xs text-danger">
            {errors.states}
          </span>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-4">
        <FormField id={`${id}-threshold`} label="Number of runs" required error={errors.threshold} hint="Fires when this many runs enter those states…">
          <Input {...describedBy(`${id}-threshold`, errors.threshold)} inputMode="numeric" value={draft.threshold} onChange={(e) => onChange({ threshold: e.target.value })} className="w-24 tabular-nums" />
        </FormField>
        <DurationField id={`${id}-within`} label="Within" value={draft.within} onChange={(within) => onChange({ within })} error={errors.within} hint="…within this window (at most one firing per window). 0: no window." />
      </div>
    </div>
  );
}

function DurationField({ id, label, value, onChange, error, hint }: { id: string; label: string; value: DurationDraft; onChange: (d: DurationDraft) => void; error?: string; hint: string }) {
  return (
    <FormField id={id} label={label} required error={error} hint={hint}>
      <span className="flex gap-1.5">
        <Input {...describedBy(id, error)} inputMode="decimal" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} className="w-24 tabular-nums" />
        <Select aria-label={`${label}: unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}>
          {(Object.keys(UNIT_SECONDS) as DurationUnit[]).map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </span>
    </FormField>
  );
}
