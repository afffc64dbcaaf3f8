import type { EventTrigger, Trigger } from '../api/automations.ts';

/**
 * The automation form's trigger templates (a draft as typed ↔ the EventTrigger it stands
 * for), the one-line summary of any trigger, and the resources a trigger names. Pure.
 */

export type TemplateId = 'flow-run-state' | 'deployment-no-completed' | 'work-pool-not-ready' | 'custom';

export const TEMPLATES: readonly { id: TemplateId; label: string; description: string }[] = [
  { id: 'flow-run-state', label: 'Flow run state', description: 'Runs of a flow enter one of some states, a number of times within a window.' },
  { id: 'deployment-no-completed', label: 'Deployment has no completed run', description: 'No run of a deployment completes within a window (checked as time passes).' },
  { id: 'work-pool-not-ready', label: 'Work pool not ready', description: 'A work pool becomes not ready: no worker has polled it lately.' },
  { id: 'custom', label: 'Custom (JSON)', description: 'Any event, compound or sequence trigger, written as JSON.' },
];

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';
export const UNIT_SECONDS: Record<DurationUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** A duration as typed: the number is text until it is checked. */
export interface DurationDraft {
  value: string;
  unit: DurationUnit;
}

/** Every template's inputs at once, so switching templates loses nothing. */
export interface TriggerDraft {
  template: TemplateId;
  /** Flow run state: '' = any flow (counted per flow). */
  flowId: string;
  states: string[];
  threshold: string;
  within: DurationDraft;
  deploymentId: string;
  deploymentWithin: DurationDraft;
  /** Work pool not ready: '' = any pool (each pool on its own). */
  poolId: string;
  json: string;
}

export const DEFAULT_TRIGGER_DRAFT: TriggerDraft = {
  template: 'flow-run-state',
  flowId: '',
  states: ['Failed'],
  threshold: '1',
  within: { value: '10', unit: 'minutes' },
  deploymentId: '',
  deploymentWithin: { value: '24', unit: 'hours' },
  poolId: '',
  json: '',
};

export type TriggerField = 'flowId' | 'states' | 'threshold' | 'within' | 'deploymentId' | 'deploymentWithin' | 'json';
export type TriggerErrors = Partial<Record<TriggerField, string>>;

const FLOW_RUNS = { 'syntask.resource.id': 'syntask.flow-run.*' };
const FOR_EACH_FLOW = 'related:flow:syntask.resource.id';
const PROACTIVE_MIN_SECONDS = 10;

/** Seconds of a duration draft, or why it is not one. */
export function durationSeconds(d: DurationDraft, min = 0): number | string {
  const text = d.value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return 'Enter a number (0 or more).';
  const seconds = Number(text) * UNIT_SECONDS[d.unit];
  if (seconds < min) return `At least ${min} seconds.`;
  return seconds;
}

/** The largest unit that expresses `seconds` exactly: 600 → 10 minutes. */
export function durationDraft(seconds: number): DurationDraft {
  const unit = (['days', 'hours', 'minutes'] as const).find((u) => seconds > 0 && seconds % UNIT_SECONDS[u] === 0) ?? 'seconds';
  return { value: String(seconds / UNIT_SECONDS[unit]), unit };
}

/** "10 minutes", "1 hour", "90 seconds". */
export function formatWithin(seconds: number): string {
  const { value, unit } = durationDraft(seconds);
  return `${value} ${value === '1' ? unit.slice(0, -1) : unit}`;
}

function parseThreshold(text: string): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1) return 'A whole number, 1 or more.';
  return Number(t);
}

/** The trigger a draft stands for, or each input's problem. */
export function buildTrigger(d: TriggerDraft): { trigger: Trigger } | { errors: TriggerErrors } {
  const errors: TriggerErrors = {};
  if (d.template === 'flow-run-state') {
    const threshold = parseThreshold(d.threshold);
    const within = durationSeconds(d.within);
    if (d.states.length === 0) errors.states = 'Choose at least one state.';
    if (typeof threshold === 'string') errors.threshold = threshold;
    if (typeof within === 'string') errors.within = within;
    if (Object.keys(errors).length || typeof threshold === 'string' || typeof within === 'string') return { errors };
    return {
      trigger: {
        type: 'event',
        posture: 'Reactive',
        match: FLOW_RUNS,
        match_related: d.flowId ? { 'syntask.resource.role': 'flow', 'syntask.resource.id': `syntask.flow.${d.flowId}` } : {},
        after: [],
        expect: d.states.map((s) => `syntask.flow-run.${s}`),
        for_each: [FOR_EACH_FLOW],
        threshold,
        within,
      },
    };
  }
  if (d.template === 'deployment-no-completed') {
    const within = durationSeconds(d.deploymentWithin, PROACTIVE_MIN_SECONDS);
    if (!d.deploymentId) errors.deploymentId = 'Choose the deployment.';
    if (typeof within === 'string') errors.deploymentWithin = within;
    if (Object.keys(errors).length || typeof within === 'string') return { errors };
    return {
      trigger: {
        type: 'event',
        posture: 'Proactive',
        match: FLOW_RUNS,
        match_related: { 'syntask.resource.role': 'deployment', 'syntask.resource.id': `syntask.deployment.${d.deploymentId}` },
        after: [],
        expect: ['syntask.flow-run.Completed'],
        for_each: [],
        threshold: 1,
        within,
      },
    };
  }
  if (d.template === 'work-pool-not-ready') {
    return {
      trigger: {
        type: 'event',
        posture: 'Reactive',
        match: { 'syntask.resource.id': d.poolId ? `syntask.work-pool.${d.poolId}` : 'syntask.work-pool.*' },
        match_related: {},
        after: [],
        expect: ['syntask.work-pool.not-ready'],
        for_each: d.poolId ? [] : ['syntask.resource.id'],
        threshold: 1,
        within: 0,
      },
    };
  }
  return parseTriggerJson(d.json);
}

/** A trigger written as JSON: valid JSON of a trigger's shape (the server checks the rest). */
export function parseTriggerJson(text: string): { trigger: Trigger } | { errors: TriggerErrors } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { errors: { json: `Not valid JSON: ${(e as Error).message}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { errors: { json: 'A trigger is a JSON object: {"type": "event", "posture": "Reactive", …}.' } };
  const type = (value as { type?: unknown }).type;
  if (type !== 'event' && type !== 'compound' && type !== 'sequence') return { errors: { json: '"type" must be "event", "compound" or "sequence".' } };
  return { trigger: value as Trigger };
}

/** A trigger without its ids (the server assigns fresh ones on every save). */
export function withoutIds(trigger: Trigger): Trigger {
  const { id: _id, ...rest } = trigger as Trigger & { id?: string };
  if (rest.type === 'event') return rest;
  return { ...rest, triggers: rest.triggers.map(withoutIds) };
}

export const triggerJson = (trigger: Trigger) => JSON.stringify(withoutIds(trigger), null, 2);

/** `within` as seconds: the server answers numbers, but a duration may arrive as text. */
export function withinSeconds(within: number | string | null | undefined): number | null {
  if (within === null || within === undefined) return 0;
  const n = typeof within === 'number' ? within : Number(within);
  return Number.isFinite(n) ? n : null;
}

const exact = (spec: EventTrigger['match'], label: string) => {
  const v = spec?.[label];
  return typeof v === 'string' ? v : undefined;
};
const keys = (spec: EventTrigger['match']) => Object.keys(spec ?? {}).sort().join(',');
const idOf = (resourceId: string | undefined, kind: string) => (resourceId?.startsWith(`syntask.${kind}.`) && !resourceId.endsWith('*') ? resourceId.slice(kind.length + 9) : undefined);
const same = (a: readonly string[] | undefined, b: readonly string[]) => (a ?? []).length === b.length && [...(a ?? [])].sort().every((x, i) => x === [...b].sort()[i]);

type Template = { template: Exclude<TemplateId, 'custom'>; fields: Partial<TriggerDraft> };

/** Which template a stored trigger was made from (with its inputs), if any. */
export function templateOf(trigger: Trigger): Template | null {
  if (trigger.type !== 'event' || (trigger.after ?? []).length > 0) return null;
  const within = withinSeconds(trigger.within);
  const threshold = trigger.threshold ?? 1;
  const expect = trigger.expect ?? [];
  const related = trigger.match_related ?? {};
  const flowRuns = keys(trigger.match) === 'syntask.resource.id' && exact(trigger.match, 'syntask.resource.id') === 'syntask.flow-run.*';
  if (within === null) return null;
  if (trigger.posture === 'Reactive' && flowRuns && same(trigger.for_each, [FOR_EACH_FLOW]) && threshold >= 1 && expect.length > 0 && expect.every((e) => /^syntask\.flow-run\.[A-Za-z]+$/.test(e))) {
    const flowId = idOf(exact(related, 'syntask.resource.id'), 'flow');
    const anyFlow = keys(related) === '';
    const oneFlow = keys(related) === 'syntask.resource.id,syntask.resource.role' && exact(related, 'syntask.resource.role') === 'flow' && flowId;
    if (anyFlow || oneFlow) return { template: 'flow-run-state', fields: { flowId: flowId ?? '', states: expect.map((e) => e.slice('syntask.flow-run.'.length)), threshold: String(threshold), within: durationDraft(within) } };
  }
  if (trigger.posture === 'Proactive' && flowRuns && same(trigger.for_each, []) && threshold === 1 && same(expect, ['syntask.flow-run.Completed'])) {
    const deploymentId = idOf(exact(related, 'syntask.resource.id'), 'deployment');
    if (keys(related) === 'syntask.resource.id,syntask.resource.role' && exact(related, 'syntask.resource.role') === 'deployment' && deploymentId) {
      return { template: 'deployment-no-completed', fields: { deploymentId, deploymentWithin: durationDraft(within) } };
    }
  }
  if (trigger.posture === 'Reactive' && keys(related) === '' && keys(trigger.match) === 'syntask.resource.id' && threshold === 1 && within === 0 && same(expect, ['syntask.work-pool.not-ready'])) {
    const match = exact(trigger.match, 'syntask.resource.id');
    const poolId = idOf(match, 'work-pool');
    if (poolId && same(trigger.for_each, [])) return { template: 'work-pool-not-ready', fields: { poolId } };
    if (match === 'syntask.work-pool.*' && same(trigger.for_each, ['syntask.resource.id'])) return { template: 'work-pool-not-ready', fields: { poolId: '' } };
  }
  return null;
}

/** The form's draft for a stored trigger: its template when it has one, else its JSON. */
export function draftFromTrigger(trigger: Trigger): TriggerDraft {
  const json = triggerJson(trigger);
  const found = templateOf(trigger);
  return found ? { ...DEFAULT_TRIGGER_DRAFT, ...found.fields, template: found.template, json } : { ...DEFAULT_TRIGGER_DRAFT, template: 'custom', json };
}

/** A resource's name for summaries (`syntask.flow.<id>` → "etl"), when known. */
export type NameOf = (resourceId: string) => string | undefined;

const nameOr = (nameOf: NameOf, resourceId: string, fallback: string) => nameOf(resourceId) ?? fallback;
const orList = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** One line that says what a trigger waits for, in the words of its template when it has one. */
export function summarizeTrigger(trigger: Trigger, nameOf: NameOf = () => undefined): string {
  const found = templateOf(trigger);
  if (found?.template === 'flow-run-state') {
    const f = found.fields;
    const flow = f.flowId ? `flow ${nameOr(nameOf, `syntask.flow.${f.flowId}`, f.flowId.slice(0, 8))}` : 'any one flow';
    const states = orList(f.states ?? []);
    const n = Number(f.threshold);
    const seconds = withinSeconds((trigger as EventTrigger).within) ?? 0;
    const window = seconds > 0 && n > 1 ? ` within ${formatWithin(seconds)}` : '';
    return n === 1 ? `A run of ${flow} enters ${states}` : `${n} runs of ${flow} enter ${states}${window}`;
  }
  if (found?.template === 'deployment-no-completed') {
    const id = found.fields.deploymentId!;
    return `No run of deployment ${nameOr(nameOf, `syntask.deployment.${id}`, id.slice(0, 8))} completes within ${formatWithin(withinSeconds((trigger as EventTrigger).within) ?? 0)}`;
  }
  if (found?.template === 'work-pool-not-ready') {
    const id = found.fields.poolId;
    return id ? `Work pool ${nameOr(nameOf, `syntask.work-pool.${id}`, id.slice(0, 8))} is not ready` : 'Any work pool is not ready';
  }
  if (trigger.type === 'event') {
    const expect = trigger.expect?.length ? trigger.expect.join(', ') : 'any event';
    const n = trigger.threshold ?? 1;
    const seconds = withinSeconds(trigger.within) ?? 0;
    const window = seconds > 0 ? ` within ${formatWithin(seconds)}` : '';
    if (trigger.posture === 'Proactive') return `Fewer than ${n} × ${expect}${window}`;
    return `${n > 1 ? `${n} × ` : ''}${expect}${trigger.after?.length ? ` after ${trigger.after.join(', ')}` : ''}${window}`;
  }
  const n = trigger.triggers.length;
  if (trigger.type === 'sequence') return `A sequence of ${n} triggers`;
  const require = trigger.require === 'all' ? 'All' : trigger.require === 'any' ? 'Any' : String(trigger.require);
  return `${require} of ${n} triggers`;
}

/** Ids of the flows, deployments and work pools a trigger names exactly (for their names). */
export function triggerResources(trigger: Trigger): { flows: string[]; deployments: string[]; pools: string[] } {
  const out = { flows: new Set<string>(), deployments: new Set<string>(), pools: new Set<string>() };
  const walk = (t: Trigger) => {
    if (t.type !== 'event') return t.triggers.forEach(walk);
    for (const spec of [t.match, t.match_related]) {
      const values = spec?.['syntask.resource.id'];
      for (const v of Array.isArray(values) ? values : values ? [values] : []) {
        const flow = idOf(v, 'flow');
        const deployment = idOf(v, 'deployment');
        const pool = idOf(v, 'work-pool');
        if (flow) out.flows.add(flow);
        if (deployment) out.deployments.add(deployment);
        if (pool) out.pools.add(pool);
      }
    }
  };
  walk(trigger);
  return { flows: [...out.flows], deployments: [...out.deployments], pools: [...out.pools] };
}

/** The template a "New automation" link from a resource's page starts with (`syntask.flow.<id>` → flow run state of that flow). */
export function draftForResource(resourceId: string | undefined): Partial<TriggerDraft> {
  const flowId = idOf(resourceId, 'flow');
  if (flowId) return { template: 'flow-run-state', flowId };
  const deploymentId = idOf(resourceId, 'deployment');
  if (deploymentId) return { template: 'deployment-no-completed', deploymentId };
  const poolId = idOf(resourceId, 'work-pool');
  if (poolId) return { template: 'work-pool-not-ready', poolId };
  return {};
}
