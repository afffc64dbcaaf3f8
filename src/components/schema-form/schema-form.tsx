/**
 * The schema form: one form for any JSON Schema a flow, block or work pool produces.
 *
 *   const form = useSchemaForm(schema, initialValue, { ignoreRequired });
 *   <SchemaForm {...form.props} options={{ blockReference: BlockReferencePicker, timeZone }} />
 *   <SchemaFormSummary form={form} />                 // errors at the top, click to go to the field
 *   <button disabled={!form.canSubmit} title={form.reason}>…</button>
 *   await form.checkOnServer()                       // POST /ui/schemas/validate before submitting
 *
 * `SchemaForm` is controlled: `schema`, `value`, `onChange(value)`, `errors` (messages by
 * JSON pointer of the value, `''` for the whole value) and `onDraftIssues` (text typed that
 * is not a value yet: JSON that does not parse, a repeated dictionary key). Every field
 * carries `data-field="<pointer>"` and `data-widget="<kind>"`. A "Form | JSON" switch edits
 * the whole value as JSON, and each field has its own JSON switch; both round-trip exactly.
 * Options: `blockReference` (the picker for block fields, e.g. `BlockReferencePicker`),
 * `timeZone` (where date-time fields start), `secretMask` (the server's `********`: kept
 * unless the user types a new secret).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Braces, ListChecks } from 'lucide-react';
import { describeField } from '../../lib/schema-form/model.ts';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import type { FieldErrors } from '../../lib/schema-form/validate.ts';
import { FormContext, type FormContextValue, type SchemaFormOptions } from './context.ts';
import { Field } from './field.tsx';
import { JsonEditor } from './widgets/json.tsx';

export type { SchemaFormOptions, BlockReferenceProps } from './context.ts';
export { useSchemaForm, SchemaFormSummary, type SchemaFormState } from './use-schema-form.tsx';

export interface SchemaFormProps {
  schema: JsonSchema;
  value: unknown;
  onChange: (value: unknown) => void;
  errors?: FieldErrors;
  onDraftIssues?: (issues: FieldErrors) => void;
  options?: SchemaFormOptions;
  /** Accessible name of the form region. */
  label?: string;
}

export function SchemaForm({ schema, value, onChange, errors = {}, onDraftIssues, options = {}, label = 'Form' }: SchemaFormProps) {
  const idPrefix = `sf${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const drafts = useRef(new Map<string, string>());
  const onIssues = useRef(onDraftIssues);
  onIssues.current = onDraftIssues;
  const reportDraft = useCallback((pointer: string, message: string | null) => {
    const had = drafts.current.get(pointer);
    if (message === null) drafts.current.delete(pointer);
    else drafts.current.set(pointer, message);
    if (had !== (message ?? undefined)) onIssues.current?.(Object.fromEntries([...drafts.current].map(([p, m]) => [p, [m]])));
  }, []);
  const context = useMemo<FormContextValue>(() => ({ root: schema, options, errors, idPrefix, reportDraft }), [schema, options, errors, idPrefix, reportDraft]);
  const model = useMemo(() => describeField(schema, schema, { isRoot: true }), [schema]);
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [jsonProblem, setJsonProblem] = useState<string | null>(null);
  useEffect(() => {
    if (mode === 'form') setJsonProblem(null);
  }, [mode]);

  return (
    <FormContext.Provider value={context}>
      <div role="group" aria-label={label} className="grid max-w-4xl gap-4" data-schema-form>
        <div className="flex items-center justify-end gap-2">
          {mode === 'json' && jsonProblem && <span className="text-xs text-fg-muted">Fix the JSON to go back to the form.</span>}
          <div role="group" aria-label="Editing mode" className="inline-flex overflow-hidden rounded-md border border-border-strong text-xs">
            <button type="button" aria-pressed={mode === 'form'} disabled={mode === 'json' && jsonProblem !== null} onClick={() => setMode('form')} className="inline-flex h-6 items-center gap-1 px-2 aria-pressed:bg-accent aria-pressed:text-accent-fg disabled:opacity-50">
              <ListChecks className="size-3.5" aria-hidden="true" />
              Form
            </button>
            <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode('json')} className="inline-flex h-6 items-center gap-1 border-l border-border-strong px-2 aria-pressed:bg-accent aria-pressed:text-accent-fg">
              <Braces className="size-3.5" aria-hidden="true" />
              JSON
            </button>
          </div>
        </div>
        {mode === 'json' ? (
          <JsonEditor value={value} onChange={onChange} id={`${idPrefix}-json`} pointer="" invalid={(errors[''] ?? []).length > 0} label={label} rows={12} onProblemChange={setJsonProblem} />
        ) : model.kind === 'object' ? (
          <Field schema={schema} model={model} name={label} pointer="" required value={value ?? {}} onChange={onChange} bare />
        ) : (
          <Field schema={schema} model={model} name={typeof schema.title === 'string' ? schema.title : 'Value'} pointer="" required value={value} onChange={onChange} />
        )}
      </div>
    </FormContext.Provider>
  );
}
