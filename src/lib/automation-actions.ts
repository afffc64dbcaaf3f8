import type { AutomationAction, AutomationActionType } from '../api/automations.ts';
import type { NameOf } from './automation-templates.ts';

/** The automation form's actions: a draft per action as typed ↔ the action it stands for, and a one-line description. Pure. */

export const ACTION_TYPES: readonly { type: AutomationActionType; label: string }[] = [
  { type: 'send-notification', label: 'Send a notification' },
  { type: 'call-webhook', label: 'Call a webhook' },
  { type: 'run-deployment', label: 'Run a deployment' },
  { type: 'pause-deployment', label: 'Pause a deployment' },
  { type: 'resume-deployment', label: 'Resume a deployment' },
  { type: 'cancel-flow-run', label: 'Cancel the flow run' },
  { type: 'suspend-flow-run', label: 'Suspend the flow run' },
  { type: 'change-flow-run-state', label: "Change the flow run's state" },
  { type: 'pause-work-queue', label: 'Pause a work queue' },
  { type: 'resume-work-queue', label: 'Resume a work queue' },
  { type: 'pause-work-pool', label: 'Pause a work pool' },
  { type: 'resume-work-pool', label: 'Resume a work pool' },
  { type: 'pause-automation', label: 'Pause an automation' },
  { type: 'resume-automation', label: 'Resume an automation' },
  { type: 'do-nothing', label: 'Do nothing' },
];

export const FLOW_RUN_STATES = ['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED', 'PAUSED', 'CANCELLING'] as const;
export type FlowRunStateType = (typeof FLOW_RUN_STATES)[number];

/** What an action with a `source` acts on: the kind of its id field. */
export type TargetKind = 'deployment' | 'work-queue' | 'work-pool' | 'automation';
const TARGETS: Partial<Record<AutomationActionType, TargetKind>> = {
  'run-deployment': 'deployment',
  'pause-deployment': 'deployment',
  'resume-deployment': 'deployment',
  'pause-work-queue': 'work-queue',
  'resume-work-queue': 'work-queue',
  'pause-work-pool': 'work-pool',
  'resume-work-pool': 'work-pool',
  'pause-automation': 'automation',
  'resume-automation': 'automation',
};
const ID_FIELD: Record<TargetKind, 'deployment_id' | 'work_queue_id' | 'work_pool_id' | 'automation_id'> = { deployment: 'deployment_id', 'work-queue': 'work_queue_id', 'work-pool': 'work_pool_id', automation: 'automation_id' };

export const targetOf = (type: AutomationActionType): TargetKind | undefined => TARGETS[type];
/** Actions whose text is a template the server renders (the form previews them). */
export const isTemplated = (type: AutomationActionType) => type === 'send-notification' || type === 'call-webhook' || type === 'run-deployment';

/** Every action type's inputs at once, so changing the type keeps what was typed. */
export interface ActionDraft {
  /** Stable React key. */
  key: string;
  type: AutomationActionType;
  source: 'selected' | 'inferred';
  /** The target's id, for the action types that have one. */
  targetId: string;
  /** run-deployment: parameters as JSON text ('' = the deployment's defaults). */
  parameters: string;
  state: FlowRunStateType;
  stateName: string;
  message: string;
  blockId: string;
  subject: string;
  body: string;
  payload: string;
}

export type ActionField = 'targetId' | 'parameters' | 'blockId' | 'body';
export type ActionErrors = Partial<Record<ActionField, string>>;

export const DEFAULT_SUBJECT = 'Syntask automated notification';

export function newActionDraft(key: string, type: AutomationActionType = 'send-notification'): ActionDraft {
  return { key, type, source: 'selected', targetId: '', parameters: '', state: 'CANCELLED', stateName: '', message: '', blockId: '', subject: DEFAULT_SUBJECT, body: '', payload: '' };
}

/** The action a draft stands for, or each input's problem. */
export function buildAction(d: ActionDraft): { action: AutomationAction } | { errors: ActionErrors } {
  const errors: ActionErrors = {};
  const target = targetOf(d.type);
  if (target && d.source === 'selected' && !d.targetId) errors.targetId = `Choose the ${target.replace('-', ' ')}.`;
  if ((d.type === 'send-notification' || d.type === 'call-webhook') && !d.blockId) errors.blockId = 'Choose the block that sends it.';
  if (d.type === 'send-notification' && !d.body.trim()) errors.body = 'Write the message body.';
  let parameters: Record<string, unknown> | null = null;
  if (d.type === 'run-deployment' && d.parameters.trim()) {
    try {
      const value: unknown = JSON.parse(d.parameters);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) errors.parameters = 'Parameters are a JSON object: {"name": value, …}.';
      else parameters = value as Record<string, unknown>;
    } catch (e) {
      errors.parameters = `Not valid JSON: ${(e as Error).message}`;
    }
  }
  if (Object.keys(errors).length) return { errors };
  const selected = target ? { source: d.source, [ID_FIELD[target]]: d.source === 'selected' ? d.targetId : null } : {};
  switch (d.type) {
    case 'run-deployment':
      return { action: { type: d.type, ...selected, parameters, job_variables: null } as AutomationAction };
    case 'change-flow-run-state':
      return { action: { type: d.type, state: d.state, name: d.stateName.trim() || null, message: d.message.trim() || null } };
    case 'send-notification':
      return { action: { type: d.type, block_document_id: d.blockId, subject: d.subject.trim() ? d.subject : DEFAULT_SUBJECT, body: d.body } };
    case 'call-webhook':
      return { action: { type: d.type, block_document_id: d.blockId, payload: d.payload } };
    default:
      return { action: { type: d.type, ...selected } as AutomationAction };
  }
}

/** The form's draft of a stored action. */
export function draftFromAction(action: AutomationAction, key: string): ActionDraft {
  const d = newActionDraft(key, action.type);
  const target = targetOf(action.type);
  if (target) {
    const a = action as { source?: 'selected' | 'inferred' } & Record<string, unknown>;
    d.source = a.source ?? 'selected';
    d.targetId = typeof a[ID_FIELD[target]] === 'string' ? (a[ID_FIELD[target]] as string) : '';
  }
  if (action.type === 'run-deployment' && action.parameters) d.parameters = JSON.stringify(action.parameters, null, 2);
  if (action.type === 'change-flow-run-state') Object.assign(d, { state: action.state, stateName: action.name ?? '', message: action.message ?? '' });
  if (action.type === 'send-notification') Object.assign(d, { blockId: action.block_document_id, subject: action.subject ?? DEFAULT_SUBJECT, body: action.body });
  if (action.type === 'call-webhook') Object.assign(d, { blockId: action.block_document_id, payload: typeof action.payload === 'string' ? action.payload : JSON.stringify(action.payload ?? '', null, 2) });
  return d;
}

const TARGET_WORDS: Record<TargetKind, string> = { deployment: 'deployment', 'work-queue': 'work queue', 'work-pool': 'work pool', automation: 'automation' };
const VERBS: Partial<Record<AutomationActionType, string>> = {
  'run-deployment': 'Run',
  'pause-deployment': 'Pause',
  'resume-deployment': 'Resume',
  'pause-work-queue': 'Pause',
  'resume-work-queue': 'Resume',
  'pause-work-pool': 'Pause',
  'resume-work-pool': 'Resume',
  'pause-automation': 'Pause',
  'resume-automation': 'Resume',
};

/** The resource id (`syntask.deployment.<id>`…) an action acts on or sends through, when it names one. */
export function actionResourceId(action: AutomationAction): string | null {
  const target = targetOf(action.type);
  if (target) {
    const id = (action as Record<string, unknown>)[ID_FIELD[target]];
    return typeof id === 'string' && id ? `syntask.${target}.${id}` : null;
  }
  if (action.type === 'send-notification' || action.type === 'call-webhook') return `syntask.block-document.${action.block_document_id}`;
  return null;
}

/** "Pause deployment nightly", "Send a notification through ops-alerts", "Cancel the flow run". */
export function describeAction(action: AutomationAction, nameOf: NameOf = () => undefined): string {
  const resourceId = actionResourceId(action);
  const name = resourceId ? (nameOf(resourceId) ?? resourceId.slice(resourceId.lastIndexOf('.') + 1, resourceId.lastIndexOf('.') + 9)) : null;
  const target = targetOf(action.type);
  if (target) return name ? `${VERBS[action.type]} ${TARGET_WORDS[target]} ${name}` : `${VERBS[action.type]} the ${TARGET_WORDS[target]} of the triggering event`;
  switch (action.type) {
    case 'send-notification':
      return `Send a notification through ${name}`;
    case 'call-webhook':
      return `Call webhook ${name}`;
    case 'change-flow-run-state':
      return `Change the flow run's state to ${action.name || action.state}`;
    default:
      return ACTION_TYPES.find((t) => t.type === action.type)?.label ?? action.type;
  }
}
