import { useId, useState, type FormEvent } from 'react';
import { useCreateVariable, useUpdateVariable, type Variable } from '../../api/variables.ts';
import { hasErrors, refusalOf, refusalToFieldErrors, validateVariable, VARIABLE_VALUE_MAX, type FieldErrors, type VariableInput } from '../../lib/form-validation.ts';
import { Dialog, DialogFooter } from '../ui/dialog.tsx';
import { Input, Textarea } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { toast } from '../ui/toast.tsx';
import { TagsField } from '../deployments/tags-field.tsx';

type Field = keyof VariableInput;
const FIELDS: readonly Field[] = ['name', 'value', 'tags'];
const LABELS: Record<Field, string> = { name: 'Name', value: 'Value', tags: 'Tags' };

/**
 * Creates a variable, or edits `variable`. Errors show at their field, from the rules here
 * first and then from the server (a duplicate name, a refused value); what was typed stays.
 */
export function VariableDialog({ open, onClose, variable }: { open: boolean; onClose: () => void; variable?: Variable }) {
  return (
    <Dialog open={open} onClose={onClose} title={variable ? `Edit variable ${variable.name}` : 'New variable'}>
      {/* The dialog mounts its content per opening: the form starts from the variable each time. */}
      <VariableForm variable={variable} onDone={onClose} />
    </Dialog>
  );
}

function VariableForm({ variable, onDone }: { variable?: Variable; onDone: () => void }) {
  const id = useId();
  const [input, setInput] = useState<VariableInput>({ name: variable?.name ?? '', value: variable?.value ?? '', tags: variable?.tags ?? [] });
  const [errors, setErrors] = useState<FieldErrors<Field | 'form'>>({});
  // Rules are checked once the user tried to save, then live as they fix things.
  const [tried, setTried] = useState(false);
  const create = useCreateVariable();
  const update = useUpdateVariable();
  const busy = create.isPending || update.isPending;
  const change = (patch: Partial<VariableInput>) => {
    const next = { ...input, ...patch };
    setInput(next);
    if (tried) setErrors(validateVariable(next));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const problems = validateVariable(input);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      if (variable) {
        await update.mutateAsync({ id: variable.id, body: { name: input.name, value: input.value, tags: input.tags } });
        toast(`Saved ${input.name}.`);
      } else {
        await create.mutateAsync({ name: input.name, value: input.value, tags: input.tags });
        toast(`Created ${input.name}.`);
      }
      onDone();
    } catch (error) {
      setErrors(refusalToFieldErrors(refusalOf(error), FIELDS, LABELS, 'name'));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={variable ? 'Edit variable' : 'New variable'} className="grid gap-4">
      <FormField id={`${id}-name`} label="Name" required hint="Lower-case letters, digits and underscores; at most 255 characters." error={errors.name}>
        <Input {...describedBy(`${id}-name`, errors.name)} value={input.name} autoComplete="off" spellCheck={false} onChange={(e) => change({ name: e.target.value })} className="font-mono" />
      </FormField>
      <FormField id={`${id}-value`} label="Value" hint={`${input.value.length.toLocaleString('en')} / ${VARIABLE_VALUE_MAX.toLocaleString('en')} characters`} error={errors.value}>
        <Textarea {...describedBy(`${id}-value`, errors.value)} rows={5} value={input.value} spellCheck={false} onChange={(e) => change({ value: e.target.value })} className="font-mono" />
      </FormField>
      <FormField id={`${id}-tags`} label="Tags" error={errors.tags}>
        <TagsField id={`${id}-tags`} label="Tags" value={input.tags} onChange={(tags) => change({ tags })} />
      </FormField>
      <DialogFooter error={errors.form} onCancel={onDone} busy={busy} submitLabel={variable ? 'Save' : 'Create variable'} />
    </form>
  );
}
