import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { Save } from 'lucide-react';
import type { BlockDocument, BlockSchema } from '../../api/blocks.ts';
import { dataForSave, SECRET_MASK, withSecretFields } from '../../lib/blocks/data.ts';
import { mergeErrors, type FieldErrors } from '../../lib/schema-form/validate.ts';
import { blockNameProblem, saveProblemOf, type SaveProblem } from '../../lib/blocks/names.ts';
import { BlockReferencePicker } from '../schema-form/block-reference-picker.tsx';
import { SchemaForm, SchemaFormSummary, useSchemaForm } from '../schema-form/schema-form.tsx';
import { Button } from '../ui/button.tsx';
import { Card, CardHeader } from '../ui/card.tsx';
import { Input } from '../ui/form.tsx';
import { toast } from '../ui/toast.tsx';
import { useUnsavedChangesGuard } from '../ui/unsaved-changes.tsx';
import { useTimeZone } from '../ui/use-time-zone.ts';

export interface BlockFormProps {
  schema: BlockSchema;
  typeName: string;
  initialValue: Record<string, unknown>;
  /** Create: the name is typed here. Edit: the document's fixed name. */
  mode: { kind: 'create' } | { kind: 'edit'; name: string };
  /** Creates or updates the document; errors are shown in the form. */
  save: (name: string, data: Record<string, unknown>) => Promise<BlockDocument>;
  /** Where Cancel goes. */
  cancel: { to: string; params?: Record<string, string> };
}

/** The form's messages without "Required": those wait for the first save attempt. */
const withoutRequired = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(
    Object.entries(errors)
      .map(([pointer, messages]) => [pointer, messages.filter((m) => m !== 'Required')] as const)
      .filter(([, messages]) => messages.length > 0),
  );

/**
 * A block's name and values, from its schema: secret fields are password inputs that show
 * only "stored secret" (the mask is sent back and the server keeps the value), block fields
 * pick or create the referenced block. Leaving with unsaved input asks first.
 */
export function BlockForm({ schema, typeName, initialValue, mode, save, cancel }: BlockFormProps) {
  const ids = useId();
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const fields = useMemo(() => withSecretFields(schema.fields as Record<string, unknown>), [schema.fields]);
  const form = useSchemaForm(fields, initialValue);
  const [initial] = useState(() => JSON.stringify(initialValue));
  const [name, setName] = useState(mode.kind === 'edit' ? mode.name : '');
  const [submitted, setSubmitted] = useState(false);
  const [problem, setProblem] = useState<SaveProblem>({});
  const [saving, setSaving] = useState(false);
  const options = useMemo(() => ({ blockReference: BlockReferencePicker, timeZone, secretMask: SECRET_MASK }), [timeZone]);
  const dirty = (mode.kind === 'create' && name !== '') || JSON.stringify(form.value ?? {}) !== initial;
  const guard = useUnsavedChangesGuard(dirty && !saving);

  // The server's refusals of values stay at their fields until the values change.
  const [refusedValue, setRefusedValue] = useState<unknown>(undefined);
  const refused = problem.fields && refusedValue === form.value ? problem.fields : undefined;
  // "Required" on fields not filled in yet waits for the first save attempt; wrong values show as typed.
  const errors = useMemo(() => mergeErrors(submitted ? form.errors : withoutRequired(form.errors), refused ?? {}), [submitted, form.errors, refused]);
  const nameProblem = mode.kind === 'create' ? blockNameProblem(name) : null;
  // An empty name is only an error once the user tries to save; a malformed one shows as typed.
  const nameMessage = problem.name ?? (nameProblem && (name !== '' || submitted) ? nameProblem : null);
  const reason = nameProblem ? `Block name: ${nameProblem}` : form.reason;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (nameProblem || !form.canSubmit) return;
    setProblem({});
    setSaving(true);
    try {
      if (!(await form.checkOnServer())) return;
      const saved = await save(name, dataForSave(form.value));
      guard.release();
      toast(mode.kind === 'create' ? `Created ${saved.name ?? 'the block'}.` : `Saved ${saved.name ?? 'the block'}.`);
      void navigate({ to: '/blocks/block/$id', params: { id: saved.id } });
    } catch (error) {
      setProblem(saveProblemOf(error, typeName, name));
      setRefusedValue(form.value);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={mode.kind === 'create' ? `New ${typeName} block` : `Edit ${mode.name}`} className="grid gap-4">
      <Card>
        <CardHeader title="Name" />
        <div className="grid gap-1 p-4">
          {mode.kind === 'create' ? (
            <>
              <label htmlFor={`${ids}-name`} className="font-medium">
                Block name<span className="ml-0.5 text-danger" aria-hidden="true">*</span>
              </label>
              <Input
                id={`${ids}-name`}
                value={name}
                required
                autoComplete="off"
                spellCheck={false}
                placeholder="e.g. warehouse-prod"
                className="max-w-md"
                aria-invalid={nameMessage !== null}
                aria-describedby={`${ids}-name-hint${nameMessage ? ` ${ids}-name-error` : ''}`}
                onChange={(e) => {
                  setName(e.target.value);
                  setProblem((p) => ({ ...p, name: undefined }));
                }}
              />
              {nameMessage && (
                <span id={`${ids}-name-error`} className="text-xs text-danger">
                  {nameMessage}
                </span>
              )}
              <span id={`${ids}-name-hint`} className="text-xs text-fg-muted">
                Lower-case letters, digits and dashes. Flows load the block as <code className="font-mono">{`${schema.block_type?.slug ?? 'type'}/${name || 'name'}`}</code>.
              </span>
            </>
          ) : (
            <p>
              <span className="font-mono">{mode.name}</span> <span className="text-xs text-fg-muted">(a block's name cannot be changed; flows load it by name)</span>
            </p>
          )}
        </div>
      </Card>
      <Card>
        <CardHeader title={`${typeName} values`} />
        <div className="grid gap-3 p-4">
          {schema.block_type?.description && <p className="max-w-3xl text-xs text-fg-muted">{schema.block_type.description}</p>}
          <SchemaFormSummary form={{ ...form, errors }} />
          <SchemaForm {...form.props} errors={errors} label={`${typeName} values`} options={options} />
        </div>
      </Card>
      {problem.general && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 px-3 py-2 text-danger">
          {problem.general}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={saving || (submitted && Boolean(reason))}>
          <Save aria-hidden="true" />
          {saving ? 'Saving…' : mode.kind === 'create' ? 'Create block' : 'Save'}
        </Button>
        <Link to={cancel.to as never} params={cancel.params as never} className="text-fg-muted hover:text-fg hover:underline">
          Cancel
        </Link>
        {submitted && reason && <span className="text-xs text-danger">{reason}</span>}
      </div>
      {guard.dialog}
    </form>
  );
}
