import { useEffect, useId, useMemo, useState } from 'react';
import { ChevronRight, CircleAlert } from 'lucide-react';
import { fieldLabel } from '../../lib/schema-form/labels.ts';
import { mergeErrors, validateValue, type FieldErrors } from '../../lib/schema-form/validate.ts';
import { parseTemplateText, templateDefaults, templateText, templateVariables, withDefaults, type BaseJobTemplate } from '../../lib/work-pool-template.ts';
import { Textarea } from '../ui/form.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';
import { BlockReferencePicker } from '../schema-form/block-reference-picker.tsx';
import { SchemaForm } from '../schema-form/schema-form.tsx';

/**
 * A pool's base job template: a form of its variables' defaults (generated from the
 * `variables` JSON schema) and, under "Advanced", the whole template as JSON. Both edit the
 * same template: a form change rewrites the JSON; JSON that parses into a valid template
 * updates the form; JSON that does not shows why and leaves the form (and `value`) alone.
 * `onProblem` reports what blocks saving, or null.
 */
export function BaseJobTemplateEditor({ value, onChange, onProblem }: { value: BaseJobTemplate; onChange: (template: BaseJobTemplate) => void; onProblem: (problem: string | null) => void }) {
  const zone = useTimeZone();
  const options = useMemo(() => ({ blockReference: BlockReferencePicker, timeZone: zone }), [zone]);
  const variables = templateVariables(value);
  const defaults = useMemo(() => templateDefaults(value), [value]);
  const [drafts, setDrafts] = useState<FieldErrors>({});
  const validation = useMemo(() => (variables ? validateValue(variables, defaults, { ignoreRequired: true }) : { errors: {} }), [variables, defaults]);
  const errors = useMemo(() => mergeErrors(validation.errors, drafts), [validation.errors, drafts]);

  const [advanced, setAdvanced] = useState(!variables);
  const [text, setText] = useState(() => templateText(value));
  const parsed = useMemo(() => parseTemplateText(text), [text]);
  const jsonError = 'error' in parsed ? parsed.error : null;
  // A change from the form rewrites the JSON; text that already reads as this template keeps its layout.
  useEffect(() => {
    setText((current) => {
      const p = parseTemplateText(current);
      return 'template' in p && templateText(p.template) === templateText(value) ? current : templateText(value);
    });
  }, [value]);

  const count = Object.keys(errors).length;
  const problem = jsonError
    ? `The Advanced JSON is not a valid template: ${jsonError}`
    : count
      ? `${count === 1 ? 'A default needs' : `${count} defaults need`} attention: ${Object.entries(errors)
          .slice(0, 3)
          .map(([p, m]) => `${variables ? fieldLabel(variables, defaults, p) : p} (${m[0]})`)
          .join('; ')}`
      : null;
  useEffect(() => {
    onProblem(problem);
  }, [problem, onProblem]);
  const advancedId = useId();

  return (
    <div className="grid gap-4">
      {variables ? (
        <section aria-label="Job variable defaults" className="grid gap-2">
          <p className="text-fg-muted">Defaults for every run in this pool; a deployment's job variables override them.</p>
          {jsonError && (
            <p role="status" className="flex items-center gap-1.5 rounded-md border border-border bg-surface px-3 py-2 text-xs text-fg-muted">
              <CircleAlert className="size-3.5 shrink-0 text-danger" aria-hidden="true" />
              The form shows the last valid template: the Advanced JSON below has an error. Editing the form replaces that JSON.
            </p>
          )}
          {'problem' in validation && validation.problem && <p className="text-xs text-fg-muted">{validation.problem}. The server checks the defaults when you save.</p>}
          <SchemaForm schema={variables} value={defaults} onChange={(v) => onChange(withDefaults(value, (v ?? {}) as Record<string, unknown>))} errors={errors} onDraftIssues={setDrafts} options={options} label="Job variable defaults" />
        </section>
      ) : (
        <p className="text-fg-muted">This template declares no job variables, so there are no defaults to fill in. Edit the whole template under Advanced if this pool type needs one.</p>
      )}
      <section className="grid gap-2">
        <button type="button" aria-expanded={advanced} aria-controls={advancedId} onClick={() => setAdvanced((a) => !a)} className="inline-flex w-fit items-center gap-1 font-medium hover:underline">
          <ChevronRight className={`size-4 transition-transform ${advanced ? 'rotate-90' : ''}`} aria-hidden="true" />
          Advanced: the whole base job template as JSON
        </button>
        {advanced && (
          <div id={advancedId} className="grid gap-1.5">
            <p className="text-xs text-fg-muted">
              <span className="font-mono">job_configuration</span> is what the worker receives, with <span className="font-mono">{'{{ name }}'}</span> placeholders filled from{' '}
              <span className="font-mono">variables</span> (a JSON schema whose defaults are the form above). Changes here update the form as soon as the JSON is valid.
            </p>
            <Textarea
              aria-label="Base job template (JSON)"
              aria-invalid={jsonError !== null}
              aria-describedby={jsonError ? `${advancedId}-error` : undefined}
              spellCheck={false}
              rows={Math.min(24, Math.max(6, text.split('\n').length))}
              className="w-full max-w-4xl font-mono text-xs"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                const next = parseTemplateText(e.target.value);
                if ('template' in next) onChange(next.template);
              }}
            />
            {jsonError && (
              <p id={`${advancedId}-error`} role="alert" className="text-xs text-danger">
                {jsonError} Your text is kept; the form keeps the last valid template.
              </p>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
