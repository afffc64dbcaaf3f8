import { randomUUID } from 'node:crypto';
import type { ActionT, AutomationCreateT, AutomationT, TriggerInput, TriggerT } from '../api/models/automations.ts';
import type { Executor } from '../db/connection.ts';
import { jobVariableErrors, resolvedTemplateDefaults } from '../db/work-pools.ts';
import { HttpError, RequestValidationError } from '../errors.ts';
import { fromJson } from '../lib/json.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { parseDuration } from '../lib/time.ts';
import { hasTemplateSyntax, templateProblem } from './templates.ts';

/**
 * An automation as stored: triggers with fresh ids and every default filled in (A4), actions
 * with theirs (A5), then the checks of A4.2. The same function serves create, PUT and the
 * PATCH that re-validates the merged automation.
 */

export type Loc = (string | number)[];
export const MIN_PROACTIVE_WITHIN = 10;
/** Triggers in one automation's tree at most (each costs every evaluated event). */
export const MAX_TRIGGERS = 100;

function countTriggers(t: TriggerInput, budget: { left: number }): void {
  budget.left -= 1;
  if (budget.left < 0) throw new RequestValidationError(['body', 'trigger'], `An automation may have at most ${MAX_TRIGGERS} triggers`);
  if (t.type !== 'event') for (const child of t.triggers) countTriggers(child, budget);
}

const seconds = (v: unknown): number => (v === undefined || v === null ? 0 : (parseDuration(v as number | string) ?? 0));

/** Fresh ids everywhere (bodies' ids are ignored), defaults filled, durations as float seconds. */
export function normalizeTrigger(t: TriggerInput, loc: Loc = ['body', 'trigger']): TriggerT {
  if (loc.length === 2) countTriggers(t, { left: MAX_TRIGGERS });
  if (t.type === 'event') {
    const within = seconds(t.within);
    if (within < 0) throw new RequestValidationError([...loc, 'within'], 'The minimum within is 0 seconds');
    let effective = within;
    if (t.posture === 'Proactive') {
      if (within === 0) effective = MIN_PROACTIVE_WITHIN;
      else if (within < MIN_PROACTIVE_WITHIN) throw new RequestValidationError([...loc, 'within'], `The minimum within for Proactive triggers is ${MIN_PROACTIVE_WITHIN} seconds`);
    }
    const set = (xs: string[] | undefined) => [...new Set(xs ?? [])];
    return {
      type: 'event',
      id: randomUUID(),
      match: t.match ?? {},
      match_related: t.match_related ?? {},
      after: set(t.after),
      expect: set(t.expect),
      for_each: set(t.for_each),
      posture: t.posture,
      threshold: t.threshold ?? 1,
      within: effective,
    };
  }
  const triggers = t.triggers.map((child, i) => normalizeTrigger(child, [...loc, 'triggers', i]));
  const within = t.within === undefined || t.within === null ? null : seconds(t.within);
  if (within !== null && within < 0) throw new RequestValidationError([...loc, 'within'], 'The minimum within is 0 seconds');
  if (t.type === 'compound') {
    if (typeof t.require === 'number' && (t.require < 1 || t.require > triggers.length)) {
      throw new RequestValidationError([...loc, 'require'], `require must be between 1 and the number of triggers (${triggers.length})`);
    }
    return { type: 'compound', id: randomUUID(), triggers, within, require: t.require };
  }
  return { type: 'sequence', id: randomUUID(), triggers, within };
}

const ID_FIELD: Partial<Record<ActionT['type'], string>> = {
  'run-deployment': 'deployment_id',
  'pause-deployment': 'deployment_id',
  'resume-deployment': 'deployment_id',
  'pause-work-queue': 'work_queue_id',
  'resume-work-queue': 'work_queue_id',
  'pause-work-pool': 'work_pool_id',
  'resume-work-pool': 'work_pool_id',
  'pause-automation': 'automation_id',
  'resume-automation': 'automation_id',
};

export const idFieldOf = (type: string) => ID_FIELD[type as ActionT['type']] ?? null;

/** Defaults filled (A5), source/id consistency checked (A5.1), templates checked (A5.2). */
export function normalizeAction(a: ActionT, loc: Loc): ActionT {
  const out = { ...a } as Record<string, unknown>;
  const idField = idFieldOf(a.type);
  if (idField) {
    const source = (out.source as string | undefined) ?? 'selected';
    out.source = source;
    const id = out[idField] ?? null;
    if (source === 'selected' && id === null) throw new RequestValidationError([...loc, idField], `${idField} is required`);
    if (source === 'inferred' && id !== null) throw new RequestValidationError([...loc, idField], `${idField} is not allowed`);
    out[idField] = id;
  }
  const check = (field: string, text: string) => {
    const problem = templateProblem(text);
    if (problem) throw new RequestValidationError([...loc, field], `Invalid template: ${problem}`);
  };
  switch (a.type) {
    case 'run-deployment':
      out.parameters = a.parameters ?? null;
      out.job_variables = a.job_variables ?? null;
      for (const [key, value] of Object.entries(a.parameters ?? {})) {
        const template = jinjaValue(value);
        if (template !== null) check(`parameters.${key}`, template);
      }
      break;
    case 'change-flow-run-state':
      out.name = a.name ?? null;
      out.message = a.message ?? null;
      break;
    case 'send-notification':
      out.subject = a.subject ?? 'Syntask automated notification';
      check('subject', out.subject as string);
      check('body', a.body);
      break;
    case 'call-webhook':
      out.payload = typeof a.payload === 'object' && a.payload !== null ? JSON.stringify(a.payload, null, 2) : (a.payload ?? '');
      check('payload', out.payload as string);
      break;
  }
  return out as ActionT;
}

/** A parameter value that is a template: `{"__syntask_kind": "jinja", "template"}` or a string with template syntax. */
function jinjaValue(value: unknown): string | null {
  if (typeof value === 'string') return hasTemplateSyntax(value) ? value : null;
  if (value && typeof value === 'object' && (value as Record<string, unknown>).__syntask_kind === 'jinja') {
    const t = (value as Record<string, unknown>).template;
    return typeof t === 'string' ? t : null;
  }
  return null;
}

/** `run-deployment` parameters with their template values rendered (the action and the form's preview). */
export async function renderParameters(parameters: Record<string, unknown>, render: (template: string) => Promise<string>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parameters)) {
    const template = jinjaValue(v);
    out[k] = template === null ? v : await render(template);
  }
  return out;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** An automation not stored (the trigger preview, the template preview): evaluated or rendered, never acted on. */
export function draftAutomation(over: Partial<AutomationT>): AutomationT {
  return {
    id: NO_ID,
    created: '',
    updated: '',
    name: 'New automation',
    description: '',
    enabled: true,
    trigger: { type: 'event', id: NO_ID, posture: 'Reactive', match: {}, match_related: {}, after: [], expect: [], for_each: [], threshold: 1, within: 0 },
    actions: [],
    actions_on_trigger: [],
    actions_on_resolve: [],
    ...over,
  };
}

const LOOP_EVENTS = ['syntask.flow-run.Scheduled', 'syntask.flow-run.Pending', 'syntask.flow-run.Running', 'syntask.flow-run.*'];

function narrows(spec: Record<string, unknown>): boolean {
  const keys = Object.keys(spec);
  if (keys.length === 0) return false;
  return !(keys.length === 1 && spec['syntask.resource.id'] === 'syntask.flow-run.*');
}

/** A4.2's loop guard: running a deployment on every new run would start runs forever. */
function checkLoop(enabled: boolean, trigger: TriggerT, actions: ActionT[]) {
  if (!enabled || trigger.type !== 'event' || trigger.posture !== 'Reactive') return;
  if (!trigger.expect.some((e) => LOOP_EVENTS.includes(e))) return;
  actions.forEach((a, i) => {
    if (a.type !== 'run-deployment') return;
    if (a.source === 'inferred') throw new RequestValidationError(['body', 'actions', i], 'Running an inferred deployment from a flow run state trigger will create an infinite loop of flow runs.');
    if (!narrows(trigger.match ?? {}) && !narrows(trigger.match_related ?? {})) {
      throw new RequestValidationError(['body', 'actions', i], 'Running a selected deployment from a flow run state trigger that does not narrow the flow runs it matches will create an infinite loop of flow runs.');
    }
  });
}

export interface Definition {
  name: string;
  description: string;
  enabled: boolean;
  trigger: TriggerT;
  actions: ActionT[];
  actions_on_trigger: ActionT[];
  actions_on_resolve: ActionT[];
}

/** The stored shape of a create/PUT body, every A4.2 check applied (`onCreate` picks the job-variables message). */
export async function defineAutomation(trx: Executor, secrets: SecretBox, body: Omit<AutomationCreateT, 'owner_resource'>): Promise<Definition> {
  const list = (xs: ActionT[] | undefined, key: string) => (xs ?? []).map((a, i) => normalizeAction(a, ['body', key, i]));
  const def: Definition = {
    name: body.name,
    description: body.description ?? '',
    enabled: body.enabled ?? true,
    trigger: normalizeTrigger(body.trigger),
    actions: list(body.actions, 'actions'),
    actions_on_trigger: list(body.actions_on_trigger, 'actions_on_trigger'),
    actions_on_resolve: list(body.actions_on_resolve, 'actions_on_resolve'),
  };
  return checkDefinition(trx, secrets, def);
}

/** The checks that need the merged automation (PATCH re-runs them) or the database. */
export async function checkDefinition(trx: Executor, secrets: SecretBox, def: Definition): Promise<Definition> {
  checkLoop(def.enabled, def.trigger, def.actions);
  for (const a of [...def.actions, ...def.actions_on_trigger, ...def.actions_on_resolve]) {
    if (a.type !== 'run-deployment' || a.source !== 'selected' || !a.job_variables || Object.keys(a.job_variables).length === 0) continue;
    const pool = await trx
      .selectFrom('deployment')
      .innerJoin('work_queue', 'work_queue.id', 'deployment.work_queue_id')
      .innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id')
      .select('work_pool.base_job_template')
      .where('deployment.id', '=', a.deployment_id!)
      .executeTakeFirst();
    if (!pool) continue;
    const template = fromJson<Record<string, unknown>>(pool.base_job_template, {});
    const problem = jobVariableErrors(template, { ...(await resolvedTemplateDefaults(trx, secrets, template)), ...a.job_variables });
    if (problem) throw new HttpError(422, `Error creating automation: ${problem}`);
  }
  return def;
}

/** Every trigger of a tree, depth first (composites before their children). */
export function* allTriggers(t: TriggerT): Generator<TriggerT> {
  yield t;
  if (t.type !== 'event') for (const child of t.triggers) yield* allTriggers(child);
}

/** Resources an automation relates to (`related-to`): selected targets and exact ids its trigger watches. */
export function relatedResources(def: Definition): string[] {
  const out = new Set<string>();
  const prefix: Record<string, string> = { deployment_id: 'syntask.deployment.', work_queue_id: 'syntask.work-queue.', work_pool_id: 'syntask.work-pool.', automation_id: 'syntask.automation.' };
  for (const a of [...def.actions, ...def.actions_on_trigger, ...def.actions_on_resolve]) {
    const field = idFieldOf(a.type);
    const id = field ? (a as Record<string, unknown>)[field] : null;
    if (field && typeof id === 'string') out.add(prefix[field] + id);
  }
  for (const t of allTriggers(def.trigger)) {
    if (t.type !== 'event') continue;
    for (const spec of [t.match, t.match_related]) {
      const ids = spec?.['syntask.resource.id'];
      for (const id of Array.isArray(ids) ? ids : ids ? [ids] : []) if (!id.includes('*') && !id.startsWith('!')) out.add(id);
    }
  }
  return [...out];
}
