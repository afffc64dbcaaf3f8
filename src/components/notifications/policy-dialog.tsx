import { useId, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plus } from 'lucide-react';
import { buildNotifyBlocksQuery, useCreateNotificationPolicy, useUpdateNotificationPolicy, type NotificationPolicy } from '../../api/notification-policies.ts';
import { hasErrors, refusalOf, refusalToFieldErrors, type FieldErrors } from '../../lib/form-validation.ts';
import { DEFAULT_TEMPLATE, insertPlaceholder, TEMPLATE_PLACEHOLDERS, templateProblem } from '../../lib/notification-template.ts';
import { STATE_NAMES } from '../../lib/states.ts';
import { Dialog, DialogFooter } from '../ui/dialog.tsx';
import { Checkbox, Select, Textarea } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { toast } from '../ui/toast.tsx';
import { TagsField } from '../deployments/tags-field.tsx';

/** Where to make a block that can send notifications (the catalog's create form). */
export const NEW_NOTIFY_BLOCK_PATH = '/blocks/catalog/custom-webhook-notification/create';

type Field = 'state_names' | 'tags' | 'block_document_id' | 'message_template';
const FIELDS: readonly Field[] = ['state_names', 'tags', 'block_document_id', 'message_template'];
const LABELS: Record<Field, string> = { state_names: 'States', tags: 'Tags', block_document_id: 'Block', message_template: 'Message template' };

interface PolicyInput {
  isActive: boolean;
  states: string[];
  tags: string[];
  blockId: string;
  /** Empty: the server's default message. */
  template: string;
}

function check(input: PolicyInput): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  if (!input.blockId) errors.block_document_id = 'Block: choose the block that sends the message.';
  const problem = input.template ? templateProblem(input.template) : null;
  if (problem) errors.message_template = `Message template: ${problem}`;
  return errors;
}

export function PolicyDialog({ open, onClose, policy }: { open: boolean; onClose: () => void; policy?: NotificationPolicy }) {
  return (
    <Dialog open={open} onClose={onClose} title={policy ? 'Edit notification' : 'New notification'} wide>
      <PolicyForm policy={policy} onDone={onClose} />
    </Dialog>
  );
}

function PolicyForm({ policy, onDone }: { policy?: NotificationPolicy; onDone: () => void }) {
  const id = useId();
  const blocks = useQuery(buildNotifyBlocksQuery());
  const [input, setInput] = useState<PolicyInput>({
    isActive: policy?.is_active ?? true,
    states: policy?.state_names ?? ['Failed', 'Crashed'],
    tags: policy?.tags ?? [],
    blockId: policy?.block_document_id ?? '',
    template: policy?.message_template ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors<Field | 'form'>>({});
  const [tried, setTried] = useState(false);
  const template = useRef<HTMLTextAreaElement>(null);
  const create = useCreateNotificationPolicy();
  const update = useUpdateNotificationPolicy();
  const busy = create.isPending || update.isPending;
  const change = (patch: Partial<PolicyInput>) => {
    const next = { ...input, ...patch };
    setInput(next);
    // The template is checked while typing; the rest once a save was tried.
    const problems = check(next);
    setErrors(tried ? problems : { message_template: problems.message_template });
  };
  const insert = (name: string) => {
    const area = template.current;
    const { text, caret } = insertPlaceholder(input.template, name, area?.selectionStart ?? input.template.length, area?.selectionEnd ?? input.template.length);
    change({ template: text });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const problems = check(input);
    setErrors(problems);
    if (hasErrors(problems)) return;
    const body = { is_active: input.isActive, state_names: input.states, tags: input.tags, block_document_id: input.blockId, message_template: input.template.trim() ? input.template : null };
    try {
      if (policy) await update.mutateAsync({ id: policy.id, body });
      else await create.mutateAsync(body);
      toast(policy ? 'Saved the notification.' : 'Created the notification.');
      onDone();
    } catch (error) {
      setErrors(refusalToFieldErrors(refusalOf(error), FIELDS, LABELS));
    }
  };
  const selectedMissing = input.blockId && blocks.isSuccess && !blocks.data.some((b) => b.id === input.blockId);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={policy ? 'Edit notification' : 'New notification'} className="grid gap-4">
      <fieldset className="grid gap-1.5" aria-describedby={`${id}-states-hint`}>
        <legend className="mb-1 font-medium">States</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1.5">
          {STATE_NAMES.map((s) => (
            <label key={s.name} className="inline-flex items-center gap-1.5">
              <Checkbox checked={input.states.includes(s.name)} onChange={(e) => change({ states: e.target.checked ? [...input.states, s.name] : input.states.filter((x) => x !== s.name) })} />
              <StateBadge type={s.type} name={s.name} size="sm" />
            </label>
          ))}
        </div>
        <span id={`${id}-states-hint`} className="text-xs text-fg-muted">
          {input.states.length ? `Sent when a flow run enters ${input.states.join(', ')}.` : 'None chosen: sent on every state change.'}
        </span>
        {errors.state_names && <span role="alert" className="text-xs text-danger">{errors.state_names}</span>}
      </fieldset>
      <FormField id={`${id}-tags`} label="Tags" hint={input.tags.length ? 'Only runs with at least one of these tags.' : 'None: runs with any tags.'} error={errors.tags}>
        <TagsField id={`${id}-tags`} label="Tags" value={input.tags} onChange={(tags) => change({ tags })} />
      </FormField>
      <FormField
        id={`${id}-block`}
        label="Block"
        required
        hint={
          <>
            A block with the “notify” capability sends the message (a webhook, Slack…).{' '}
            <Link to={NEW_NOTIFY_BLOCK_PATH as never} className="inline-flex items-center gap-0.5 text-accent hover:underline">
              <Plus className="size-3" aria-hidden="true" />
              Create a notification block
            </Link>
          </>
        }
        error={errors.block_document_id}
      >
        <Select {...describedBy(`${id}-block`, errors.block_document_id)} value={input.blockId} onChange={(e) => change({ blockId: e.target.value })} className="max-w-md">
          <option value="">{blocks.isPending ? 'Loading blocks…' : blocks.data?.length ? 'Choose a block…' : 'No notification blocks yet'}</option>
          {blocks.data?.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.block_type?.name ?? b.block_type_name})
            </option>
          ))}
          {selectedMissing && <option value={input.blockId}>Block {input.blockId.slice(0, 8)} (not found)</option>}
        </Select>
      </FormField>
      {blocks.isError && <p className="text-xs text-danger">Could not list blocks: {blocks.error.message}</p>}
      <FormField id={`${id}-template`} label="Message template" hint="Leave empty for the default message shown. Click a placeholder to insert it at the cursor." error={errors.message_template}>
        <Textarea ref={template} {...describedBy(`${id}-template`, errors.message_template)} rows={6} value={input.template} placeholder={DEFAULT_TEMPLATE} spellCheck={false} onChange={(e) => change({ template: e.target.value })} className="font-mono text-xs" />
      </FormField>
      <div role="group" aria-label="Placeholders" className="-mt-2 flex flex-wrap gap-1">
        {TEMPLATE_PLACEHOLDERS.map((p) => (
          <button key={p.name} type="button" title={p.description} aria-label={`Insert {${p.name}}: ${p.description}`} onClick={() => insert(p.name)} className="rounded border border-border bg-surface px-1.5 font-mono text-xs leading-5 hover:border-accent hover:text-accent">
            {`{${p.name}}`}
          </button>
        ))}
      </div>
      <label className="inline-flex items-center gap-2">
        <Checkbox checked={input.isActive} onChange={(e) => change({ isActive: e.target.checked })} />
        Active (sends notifications)
      </label>
      <DialogFooter error={errors.form} onCancel={onDone} busy={busy} submitLabel={policy ? 'Save' : 'Create notification'} />
    </form>
  );
}
