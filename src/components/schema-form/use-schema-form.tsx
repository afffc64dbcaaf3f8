import { useCallback, useMemo, useState } from 'react';
import { CircleAlert } from 'lucide-react';
import { ApiError } from '../../api/client.ts';
import { validateOnServer } from '../../api/schemas.ts';
import { fieldLabel } from '../../lib/schema-form/labels.ts';
import type { JsonSchema } from '../../lib/schema-form/schema.ts';
import { checkableSchema, mergeErrors, serverErrorsByPointer, validateValue, type FieldErrors } from '../../lib/schema-form/validate.ts';
import type { SchemaFormProps } from './schema-form.tsx';

export interface SchemaFormState {
  value: unknown;
  setValue: (value: unknown) => void;
  /** Every message to show, by pointer: ajv's on every change, the server's after a check, drafts. */
  errors: FieldErrors;
  /** Text typed that is not a value yet, by pointer. */
  drafts: FieldErrors;
  canSubmit: boolean;
  /** Why submitting is disabled, in one sentence; empty when it is not. */
  reason: string;
  /** The browser could not compile the schema (checked by the server only). */
  problem?: string;
  /** Asks the server; resolves to true when it accepts the values (or cannot check this schema). */
  checkOnServer: () => Promise<boolean>;
  /** A note when the server could not check the schema (e.g. it refuses recursive schemas). */
  serverNote: string | null;
  props: Pick<SchemaFormProps, 'schema' | 'value' | 'onChange' | 'errors' | 'onDraftIssues'>;
  schema: JsonSchema;
}

/**
 * State of one schema form: the value, ajv validation on every change, draft issues, and
 * the server's check on submit. `ignoreRequired`: deployment defaults may omit required
 * parameters (each run supplies them).
 */
export function useSchemaForm(schema: JsonSchema, initial: unknown, options: { ignoreRequired?: boolean } = {}): SchemaFormState {
  const [value, setRawValue] = useState(initial);
  const [drafts, setDrafts] = useState<FieldErrors>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverNote, setServerNote] = useState<string | null>(null);
  const ignoreRequired = options.ignoreRequired ?? false;
  const validation = useMemo(() => validateValue(schema, value, { ignoreRequired }), [schema, value, ignoreRequired]);
  const setValue = useCallback((next: unknown) => {
    setRawValue(next);
    setServerErrors({});
  }, []);
  const errors = useMemo(() => mergeErrors(validation.errors, serverErrors, drafts), [validation.errors, serverErrors, drafts]);
  const count = Object.keys(errors).length;
  const reason = count === 0 ? '' : `${count} field${count === 1 ? ' needs' : 's need'} attention: ${Object.entries(errors).slice(0, 3).map(([p, m]) => `${fieldLabel(schema, value, p)} (${m[0]})`).join('; ')}${count > 3 ? '; …' : ''}`;

  const checkOnServer = useCallback(async () => {
    const values = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    try {
      const result = await validateOnServer(checkableSchema(schema).schema, values);
      setServerNote(null);
      const next = serverErrorsByPointer(result.errors, '');
      if (ignoreRequired) for (const [p, m] of Object.entries(next)) next[p] = m.filter((message) => !/is a required property$/.test(message));
      for (const p of Object.keys(next)) if (next[p].length === 0) delete next[p];
      setServerErrors(next);
      return Object.keys(next).length === 0;
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        // The server refuses to evaluate some schemas (recursive models); the browser's check stands.
        setServerNote(`The server could not check these values (${error.message}); they were checked in the browser.`);
        return true;
      }
      throw error;
    }
  }, [schema, value, ignoreRequired]);

  return {
    value,
    setValue,
    errors,
    drafts,
    canSubmit: count === 0,
    reason,
    problem: validation.problem,
    checkOnServer,
    serverNote,
    schema,
    props: { schema, value, onChange: setValue, errors, onDraftIssues: setDrafts },
  };
}

/** The form's problems at the top: each names its field and jumps to it. */
export function SchemaFormSummary({ form }: { form: SchemaFormState }) {
  const entries = Object.entries(form.errors);
  if (entries.length === 0 && !form.problem && !form.serverNote) return null;
  const jump = (pointer: string) => {
    const field = document.querySelector(`[data-schema-form] [data-field="${CSS.escape(pointer)}"]`);
    const target = field?.querySelector<HTMLElement>('input, select, textarea, button') ?? (field as HTMLElement | null);
    target?.focus();
    field?.scrollIntoView({ block: 'center' });
  };
  return (
    <div className="grid gap-2">
      {entries.length > 0 && (
        <div role="alert" aria-label="Problems in the form" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2">
          <p className="flex items-center gap-1.5 font-medium text-danger">
            <CircleAlert className="size-4" aria-hidden="true" />
            {entries.length === 1 ? '1 field needs attention' : `${entries.length} fields need attention`}
          </p>
          <ul className="mt-1 grid gap-0.5 text-sm">
            {entries.map(([pointer, messages]) => (
              <li key={pointer}>
                <button type="button" className="text-left hover:underline" onClick={() => jump(pointer)}>
                  <span className="font-medium">{fieldLabel(form.schema, form.value, pointer)}</span>: {messages.join('; ')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {form.problem && <p className="rounded-md border border-border bg-surface px-3 py-2 text-xs text-fg-muted">{form.problem}. The server checks the values when you submit.</p>}
      {form.serverNote && <p className="rounded-md border border-border bg-surface px-3 py-2 text-xs text-fg-muted">{form.serverNote}</p>}
    </div>
  );
}
