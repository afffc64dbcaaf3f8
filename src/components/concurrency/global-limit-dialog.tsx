import { useId, useState, type FormEvent } from 'react';
import { useCreateGlobalLimit, useUpdateGlobalLimit, type GlobalLimit } from '../../api/global-concurrency-limits.ts';
import { hasErrors, refusalOf, type FieldErrors } from '../../lib/form-validation.ts';
import { globalLimitRefusal, parseGlobalLimitInput, type GlobalLimitField, type GlobalLimitInput } from '../../lib/global-limit-form.ts';
import { Dialog, DialogFooter } from '../ui/dialog.tsx';
import { Checkbox, Input } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { toast } from '../ui/toast.tsx';

/** Creates a global limit, or edits `limit` (name included: code names limits, so a rename is a real change). */
export function GlobalLimitDialog({ open, onClose, limit }: { open: boolean; onClose: () => void; limit?: GlobalLimit }) {
  return (
    <Dialog open={open} onClose={onClose} title={limit ? `Edit ${limit.name}` : 'New global limit'}>
      {/* Keyed so each opening starts from the limit's current values. */}
      <GlobalLimitForm key={limit?.id ?? 'new'} limit={limit} onDone={onClose} />
    </Dialog>
  );
}

const initial = (limit?: GlobalLimit): GlobalLimitInput => ({
  name: limit?.name ?? '',
  limit: limit ? String(limit.limit) : '',
  decay: limit && limit.slot_decay_per_second > 0 ? String(limit.slot_decay_per_second) : '',
  active: limit?.active ?? true,
});

function GlobalLimitForm({ limit, onDone }: { limit?: GlobalLimit; onDone: () => void }) {
  const id = useId();
  const [input, setInput] = useState(() => initial(limit));
  const [errors, setErrors] = useState<FieldErrors<GlobalLimitField | 'form'>>({});
  const create = useCreateGlobalLimit();
  const update = useUpdateGlobalLimit();
  const busy = create.isPending || update.isPending;
  const change = (patch: Partial<GlobalLimitInput>) => {
    setInput((current) => ({ ...current, ...patch }));
    // An error stays until its field is edited.
    setErrors((current) => ({ ...current, form: undefined, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { errors: problems, body } = parseGlobalLimitInput(input);
    setErrors(problems);
    if (!body || hasErrors(problems)) return;
    try {
      if (limit) {
        await update.mutateAsync({ id: limit.id, body });
        toast(`Saved ${body.name}.`);
      } else {
        await create.mutateAsync(body);
        toast(`Created the global limit ${body.name}.`);
      }
      onDone();
    } catch (error) {
      setErrors(globalLimitRefusal(refusalOf(error)));
    }
  };
  const field = (key: GlobalLimitField) => describedBy(`${id}-${key}`, errors[key]);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={limit ? 'Edit global limit' : 'New global limit'} className="grid gap-4">
      <FormField id={`${id}-name`} label="Name" required hint={<>What code passes to <code className="font-mono">concurrency()</code> or <code className="font-mono">rateLimit()</code>.</>} error={errors.name}>
        <Input {...field('name')} data-autofocus value={input.name} autoComplete="off" spellCheck={false} onChange={(e) => change({ name: e.target.value })} />
      </FormField>
      <FormField id={`${id}-limit`} label="Limit" required hint="Slots that may be taken at once." error={errors.limit}>
        <Input {...field('limit')} inputMode="numeric" value={input.limit} onChange={(e) => change({ limit: e.target.value })} className="w-32 tabular-nums" />
      </FormField>
      <FormField id={`${id}-decay`} label="Slot decay per second" hint="Leave empty for a concurrency limit (slots are held until released). With a decay, slots free themselves at this rate: a rate limit." error={errors.decay}>
        <Input {...field('decay')} inputMode="decimal" placeholder="none" value={input.decay} onChange={(e) => change({ decay: e.target.value })} className="w-32 tabular-nums" />
      </FormField>
      <label className="flex items-center gap-2">
        <Checkbox checked={input.active} onChange={(e) => change({ active: e.target.checked })} />
        Active <span className="text-fg-muted">(an inactive limit never makes anyone wait)</span>
      </label>
      <DialogFooter error={errors.form} onCancel={onDone} busy={busy} submitLabel={limit ? 'Save' : 'Create limit'} />
    </form>
  );
}
