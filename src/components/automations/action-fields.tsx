import { Link } from '@tanstack/react-router';
import { Plus, Trash2 } from 'lucide-react';
import type { AutomationActionType } from '../../api/automations.ts';
import { ACTION_TYPES, buildAction, FLOW_RUN_STATES, isTemplated, targetOf, type ActionDraft, type ActionErrors, type FlowRunStateType } from '../../lib/automation-actions.ts';
import { Button } from '../ui/button.tsx';
import { Input, Select, Textarea } from '../ui/form.tsx';
import { describedBy, FormField } from '../ui/form-field.tsx';
import { titleCase } from '../ui/state-badge.tsx';
import { NEW_NOTIFY_BLOCK_PATH } from '../notifications/policy-dialog.tsx';
import { ActionRenderPreview } from './action-render-preview.tsx';
import { BlockSelect, TargetSelect } from './resource-selects.tsx';

const TEMPLATE_HINT = 'Jinja template: {{ flow.name }}, {{ flow_run.name }}, {{ flow_run|ui_url }}, {{ event.event }}, {{ labels }}…';

interface ActionFieldsProps {
  index: number;
  draft: ActionDraft;
  onChange: (patch: Partial<ActionDraft>) => void;
  onRemove?: () => void;
  errors: ActionErrors;
  /** The event the template preview renders for (null: the server's newest). */
  previewEventId: string | null;
  automationName: string;
}

/** One action of step 2: its type, then that type's own inputs, and a preview of its rendered templates. */
export function ActionFields({ index, draft, onChange, onRemove, errors, previewEventId, automationName }: ActionFieldsProps) {
  const id = `action-${draft.key}`;
  const target = targetOf(draft.type);
  const noun = target?.replace('-', ' ') ?? '';
  const built = buildAction(draft);
  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3">
      <legend className="px-1 font-medium">Action {index + 1}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <FormField id={`${id}-type`} label="Type">
          <Select id={`${id}-type`} value={draft.type} onChange={(e) => onChange({ type: e.target.value as AutomationActionType })}>
            {ACTION_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </Select>
        </FormField>
        <span className="flex-1" />
        {onRemove && (
          <Button onClick={onRemove} aria-label={`Remove action ${index + 1}`}>
            <Trash2 aria-hidden="true" />
            Remove
          </Button>
        )}
      </div>
      {target && (
        <>
          <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
            <legend className="sr-only">Which {noun}</legend>
            {(['selected', 'inferred'] as const).map((source) => (
              <label key={source} className="inline-flex items-center gap-1.5">
                <input type="radio" name={`${id}-source`} checked={draft.source === source} onChange={() => onChange({ source })} className="accent-[var(--color-accent)]" />
                {source === 'selected' ? `A chosen ${noun}` : `The ${noun} of the triggering event (inferred)`}
              </label>
            ))}
          </fieldset>
          {draft.source === 'selected' && (
            <FormField id={`${id}-target`} label={`${noun.charAt(0).toUpperCase()}${noun.slice(1)}`} required error={errors.targetId}>
              <TargetSelect kind={target} id={`${id}-target`} value={draft.targetId} onChange={(targetId) => onChange({ targetId })} error={errors.targetId} />
            </FormField>
          )}
        </>
      )}
      {draft.type === 'run-deployment' && (
        <FormField id={`${id}-parameters`} label="Parameters (JSON)" error={errors.parameters} hint={`Empty: the deployment's defaults. Values may be templates, e.g. {"day": "{{ event.occurred }}"}.`}>
          <Textarea {...describedBy(`${id}-parameters`, errors.parameters)} rows={4} spellCheck={false} value={draft.parameters} onChange={(e) => onChange({ parameters: e.target.value })} className="font-mono text-xs" />
        </FormField>
      )}
      {draft.type === 'change-flow-run-state' && (
        <div className="flex flex-wrap gap-3">
          <FormField id={`${id}-state`} label="State" required>
            <Select id={`${id}-state`} value={draft.state} onChange={(e) => onChange({ state: e.target.value as FlowRunStateType })}>
              {FLOW_RUN_STATES.map((s) => (
                <option key={s} value={s}>
                  {titleCase(s)}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id={`${id}-state-name`} label="State name" hint="Empty: the type's own name.">
            <Input {...describedBy(`${id}-state-name`, undefined)} value={draft.stateName} onChange={(e) => onChange({ stateName: e.target.value })} />
          </FormField>
          <FormField id={`${id}-message`} label="Message" hint="Empty: “State changed by Automation <id>”.">
            <Input {...describedBy(`${id}-message`, undefined)} value={draft.message} onChange={(e) => onChange({ message: e.target.value })} className="w-80" />
          </FormField>
        </div>
      )}
      {(draft.type === 'send-notification' || draft.type === 'call-webhook') && (
        <FormField
          id={`${id}-block`}
          label={draft.type === 'call-webhook' ? 'Webhook block' : 'Notification block'}
          required
          error={errors.blockId}
          hint={
            <Link to={(draft.type === 'call-webhook' ? '/blocks/catalog/webhook/create' : NEW_NOTIFY_BLOCK_PATH) as never} className="inline-flex items-center gap-0.5 text-accent hover:underline">
              <Plus className="size-3" aria-hidden="true" />
              Create a {draft.type === 'call-webhook' ? 'webhook' : 'notification'} block
            </Link>
          }
        >
          <BlockSelect webhook={draft.type === 'call-webhook'} id={`${id}-block`} value={draft.blockId} onChange={(blockId) => onChange({ blockId })} error={errors.blockId} />
        </FormField>
      )}
      {draft.type === 'send-notification' && (
        <>
          <FormField id={`${id}-subject`} label="Subject" hint={TEMPLATE_HINT}>
            <Input {...describedBy(`${id}-subject`, undefined)} value={draft.subject} onChange={(e) => onChange({ subject: e.target.value })} className="w-full font-mono text-xs" />
          </FormField>
          <FormField id={`${id}-body`} label="Body" required error={errors.body}>
            <Textarea {...describedBy(`${id}-body`, errors.body, false)} rows={4} spellCheck={false} value={draft.body} onChange={(e) => onChange({ body: e.target.value })} className="font-mono text-xs" />
          </FormField>
        </>
      )}
      {draft.type === 'call-webhook' && (
        <FormField id={`${id}-payload`} label="Payload" hint={`Sent as the request body. ${TEMPLATE_HINT}`}>
          <Textarea {...describedBy(`${id}-payload`, undefined)} rows={4} spellCheck={false} value={draft.payload} onChange={(e) => onChange({ payload: e.target.value })} className="font-mono text-xs" />
        </FormField>
      )}
      {isTemplated(draft.type) && <ActionRenderPreview action={'action' in built ? built.action : null} eventId={previewEventId} automationName={automationName} />}
    </fieldset>
  );
}
