import { useId, useState, type FormEvent } from 'react';
import { useUpsertConcurrencyLimit, type ConcurrencyLimit } from '../../api/concurrency-limits.ts';
import { hasErrors, refusalOf, refusalToFieldErrors, validateConcurrencyLimit, type FieldErrors, type LimitInput } from '../../lib/form-validation.ts';
import { Dialog, DialogFooter } from '../ui/dialog.tsx';
import { Input } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { toast } from '../ui/toast.tsx';

type Field = 'tag' | 'limit';
const LABELS: Record<Field, string> = { tag: 'Tag', limit: 'Limit' };

/**
 * Creates a tag limit, or changes the limit of `limit`. The server upserts by tag, so a
 * new limit for a tag that already has one is refused here rather than silently replacing it.
 */
export function LimitDialog({ open, onClose, limit, existingTags }: { open: boolean; onClose: () => void; limit?: ConcurrencyLimit; existingTags: ReadonlySet<string> }) {
  return (
    <Dialog open={open} onClose={onClose} title={limit ? `Edit limit of ${limit.tag}` : 'New concurrency limit'}>
      <LimitForm limit={limit} existingTags={existingTags} onDone={onClose} />
    </Dialog>
  );
}

function LimitForm({ limit, existingTags, onDone }: { limit?: ConcurrencyLimit; existingTags: ReadonlySet<string>; onDone: () => void }) {
  const id = useId();
  const [input, setInput] = useState<LimitInput>({ tag: limit?.tag ?? '', limit: limit ? String(limit.concurrency_limit) : '' });
  const [errors, setErrors] = useState<FieldErrors<Field | 'form'>>({});
  const [tried, setTried] = useState(false);
  const upsert = useUpsertConcurrencyLimit();
  const check = (next: LimitInput) => {
    const problems: FieldErrors<Field | 'form'> = validateConcurrencyLimit(next);
    if (!limit && !problems.tag && existingTags.has(next.tag.trim())) problems.tag = `Tag "${next.tag.trim()}" already has a limit: edit that limit instead.`;
    return problems;
  };
  const change = (patch: Partial<LimitInput>) => {
    const next = { ...input, ...patch };
    setInput(next);
    if (tried) setErrors(check(next));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const problems = check(input);
    setErrors(problems);
    if (hasErrors(problems)) return;
    try {
      const saved = await upsert.mutateAsync({ tag: input.tag.trim(), concurrency_limit: Number(input.limit.trim()) });
      toast(limit ? `Limit of ${saved.tag} set to ${saved.concurrency_limit}.` : `Created a limit of ${saved.concurrency_limit} for ${saved.tag}.`);
      onDone();
    } catch (error) {
      const refusal = refusalOf(error);
      // The server calls the limit field `concurrency_limit`.
      const fieldErrors = refusal.fieldErrors.map((f) => (f.field === 'concurrency_limit' ? { ...f, field: 'limit' } : f));
      setErrors(refusalToFieldErrors({ ...refusal, fieldErrors }, ['tag', 'limit'], LABELS));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={limit ? 'Edit concurrency limit' : 'New concurrency limit'} className="grid gap-4">
      <FormField id={`${id}-tag`} label="Tag" required hint="Task runs with this tag share the limit." error={errors.tag}>
        <Input {...describedBy(`${id}-tag`, errors.tag)} value={input.tag} readOnly={Boolean(limit)} autoComplete="off" onChange={(e) => change({ tag: e.target.value })} />
      </FormField>
      <FormField id={`${id}-limit`} label="Limit" required hint="How many task runs with the tag may run at once; 0 holds them all." error={errors.limit}>
        <Input {...describedBy(`${id}-limit`, errors.limit)} inputMode="numeric" value={input.limit} onChange={(e) => change({ limit: e.target.value })} className="w-32 tabular-nums" />
      </FormField>
      <DialogFooter error={errors.form} onCancel={onDone} busy={upsert.isPending} submitLabel={limit ? 'Save' : 'Create limit'} />
    </form>
  );
}
