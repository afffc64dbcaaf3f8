import type { Automation, AutomationAction, AutomationCreate, Trigger } from '../api/automations.ts';
import { buildAction, draftFromAction, newActionDraft, type ActionDraft, type ActionErrors } from './automation-actions.ts';
import { buildTrigger, DEFAULT_TRIGGER_DRAFT, draftFromTrigger, type TriggerDraft, type TriggerErrors } from './automation-templates.ts';
import type { ServerRefusal } from './form-validation.ts';

/** The automation form as a whole: its three steps' drafts → the body to save, and a server refusal placed on its steps. Pure. */

export const STEPS = ['Trigger', 'Actions', 'Details'] as const;
export type Step = 0 | 1 | 2;

export interface DetailsDraft {
  name: string;
  description: string;
  enabled: boolean;
}

export interface AutomationDraft {
  trigger: TriggerDraft;
  actions: ActionDraft[];
  details: DetailsDraft;
}

export function newAutomationDraft(trigger: Partial<TriggerDraft> = {}): AutomationDraft {
  return { trigger: { ...DEFAULT_TRIGGER_DRAFT, ...trigger }, actions: [newActionDraft('a0')], details: { name: '', description: '', enabled: true } };
}

export function draftFromAutomation(a: Automation): AutomationDraft {
  return { trigger: draftFromTrigger(a.trigger), actions: a.actions.map((action, i) => draftFromAction(action, `a${i}`)), details: { name: a.name, description: a.description, enabled: a.enabled } };
}

export interface DraftProblems {
  trigger: TriggerErrors;
  /** By the action's key. */
  actions: Record<string, ActionErrors>;
  name?: string;
  /** Problems of the whole step (no field of its own). */
  steps: Partial<Record<Step, string[]>>;
}

export const noProblems = (p: DraftProblems) => !Object.keys(p.trigger).length && !Object.values(p.actions).some((e) => Object.keys(e).length) && !p.name && !Object.values(p.steps).some((s) => s?.length);

/** The body to save, or what stops it (checked in the browser; the server checks the rest). */
export function buildAutomationBody(d: AutomationDraft): { body: AutomationCreate } | { problems: DraftProblems } {
  const problems: DraftProblems = { trigger: {}, actions: {}, steps: {} };
  const trigger = buildTrigger(d.trigger);
  if ('errors' in trigger) problems.trigger = trigger.errors;
  const actions: AutomationAction[] = [];
  for (const draft of d.actions) {
    const built = buildAction(draft);
    if ('errors' in built) problems.actions[draft.key] = built.errors;
    else actions.push(built.action);
  }
  if (d.actions.length === 0) problems.steps[1] = ['Add at least one action.'];
  if (!d.details.name.trim()) problems.name = 'Give the automation a name.';
  if (!noProblems(problems) || 'errors' in trigger) return { problems };
  return { body: { name: d.details.name.trim(), description: d.details.description, enabled: d.details.enabled, trigger: trigger.trigger as Trigger, actions } };
}

/** The first step with a problem, if any. */
export function firstStepWithProblem(p: DraftProblems): Step | null {
  if (Object.keys(p.trigger).length || p.steps[0]?.length) return 0;
  if (Object.values(p.actions).some((e) => Object.keys(e).length) || p.steps[1]?.length) return 1;
  if (p.name || p.steps[2]?.length) return 2;
  return null;
}

/**
 * A server refusal (422 `exception_detail` with `loc`, or a plain `detail`) placed on the
 * form: trigger errors on the trigger step, `actions.<i>` on that action's step, name and the
 * rest on the details step; an error without a place goes to the step being saved from.
 */
export function placeRefusal(refusal: ServerRefusal & { fieldErrors: { loc?: (string | number)[]; field: string; message: string }[] }, actionKeys: string[], current: Step): DraftProblems {
  const problems: DraftProblems = { trigger: {}, actions: {}, steps: {} };
  const add = (step: Step, message: string) => (problems.steps[step] = [...(problems.steps[step] ?? []), message]);
  for (const e of refusal.fieldErrors) {
    const raw = e.loc ?? [e.field];
    const loc = raw[0] === 'body' ? raw.slice(1) : raw;
    const where = loc.slice(1).join('.');
    const text = where ? `${where}: ${e.message}` : e.message;
    if (loc[0] === 'trigger') add(0, text);
    else if (loc[0] === 'actions' && typeof loc[1] === 'number' && actionKeys[loc[1]]) add(1, `Action ${loc[1] + 1}${loc.length > 2 ? ` (${loc.slice(2).join('.')})` : ''}: ${e.message}`);
    else if (loc[0] === 'name') problems.name = e.message;
    else add(current, loc.length ? `${loc.join('.')}: ${e.message}` : e.message);
  }
  if (refusal.fieldErrors.length === 0) add(current, refusal.message);
  return problems;
}
