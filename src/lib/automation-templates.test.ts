import { describe, expect, it } from 'vitest';
import type { Trigger } from '../api/automations.ts';
import { buildAction, describeAction, draftFromAction, newActionDraft } from './automation-actions.ts';
import { buildAutomationBody, newAutomationDraft, placeRefusal } from './automation-form.ts';
import { buildTrigger, DEFAULT_TRIGGER_DRAFT, draftForResource, draftFromTrigger, durationDraft, summarizeTrigger, triggerResources, type TriggerDraft } from './automation-templates.ts';

const FLOW = '0b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
const DEPLOYMENT = '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e';
const POOL = '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b';
const BLOCK = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b';
const names: Record<string, string> = { [`syntask.flow.${FLOW}`]: 'etl', [`syntask.deployment.${DEPLOYMENT}`]: 'nightly', [`syntask.work-pool.${POOL}`]: 'k8s', [`syntask.block-document.${BLOCK}`]: 'ops-alerts' };
const nameOf = (id: string) => names[id];

const draft = (patch: Partial<TriggerDraft>): TriggerDraft => ({ ...DEFAULT_TRIGGER_DRAFT, ...patch });
const built = (d: TriggerDraft) => {
  const r = buildTrigger(d);
  if (!('trigger' in r)) throw new Error(JSON.stringify(r.errors));
  return r.trigger;
};

describe('trigger templates', () => {
  it('"3 failures of a flow within 10 minutes" is the addendum\'s example A8.2 trigger', () => {
    expect(built(draft({ flowId: FLOW, states: ['Failed'], threshold: '3', within: { value: '10', unit: 'minutes' } }))).toEqual({
      type: 'event',
      posture: 'Reactive',
      match: { 'syntask.resource.id': 'syntask.flow-run.*' },
      match_related: { 'syntask.resource.role': 'flow', 'syntask.resource.id': `syntask.flow.${FLOW}` },
      after: [],
      expect: ['syntask.flow-run.Failed'],
      for_each: ['related:flow:syntask.resource.id'],
      threshold: 3,
      within: 600,
    });
  });

  it('any flow leaves match_related open and still counts per flow', () => {
    const t = built(draft({ flowId: '', states: ['Failed', 'Crashed'] }));
    expect(t).toMatchObject({ match_related: {}, expect: ['syntask.flow-run.Failed', 'syntask.flow-run.Crashed'], for_each: ['related:flow:syntask.resource.id'] });
  });

  it('"deployment has no completed run" is a proactive trigger on its Completed runs (A8.3), at least 10 seconds', () => {
    expect(built(draft({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT, deploymentWithin: { value: '24', unit: 'hours' } }))).toEqual({
      type: 'event',
      posture: 'Proactive',
      match: { 'syntask.resource.id': 'syntask.flow-run.*' },
      match_related: { 'syntask.resource.role': 'deployment', 'syntask.resource.id': `syntask.deployment.${DEPLOYMENT}` },
      after: [],
      expect: ['syntask.flow-run.Completed'],
      for_each: [],
      threshold: 1,
      within: 86_400,
    });
    expect(buildTrigger(draft({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT, deploymentWithin: { value: '5', unit: 'seconds' } }))).toEqual({ errors: { deploymentWithin: 'At least 10 seconds.' } });
    expect(buildTrigger(draft({ template: 'deployment-no-completed' }))).toEqual({ errors: { deploymentId: 'Choose the deployment.' } });
  });

  it('"work pool not ready" watches one pool, or every pool on its own', () => {
    expect(built(draft({ template: 'work-pool-not-ready', poolId: POOL }))).toMatchObject({ posture: 'Reactive', match: { 'syntask.resource.id': `syntask.work-pool.${POOL}` }, expect: ['syntask.work-pool.not-ready'], for_each: [], threshold: 1, within: 0 });
    expect(built(draft({ template: 'work-pool-not-ready', poolId: '' }))).toMatchObject({ match: { 'syntask.resource.id': 'syntask.work-pool.*' }, for_each: ['syntask.resource.id'] });
  });

  it('says what is wrong with each input, in words', () => {
    expect(buildTrigger(draft({ states: [], threshold: '0', within: { value: 'ten', unit: 'minutes' } }))).toEqual({
      errors: { states: 'Choose at least one state.', threshold: 'A whole number, 1 or more.', within: 'Enter a number (0 or more).' },
    });
  });

  it('custom JSON must parse and have a trigger type; the server checks the rest', () => {
    expect(buildTrigger(draft({ template: 'custom', json: '{"type": "event", "posture": "Reactive"' }))).toMatchObject({ errors: { json: expect.stringMatching(/^Not valid JSON: /) } });
    expect(buildTrigger(draft({ template: 'custom', json: '[1]' }))).toMatchObject({ errors: { json: expect.stringMatching(/JSON object/) } });
    expect(buildTrigger(draft({ template: 'custom', json: '{"type": "metric"}' }))).toMatchObject({ errors: { json: expect.stringMatching(/"type" must be/) } });
    expect(built(draft({ template: 'custom', json: '{"type": "compound", "require": "any", "triggers": []}' }))).toEqual({ type: 'compound', require: 'any', triggers: [] });
  });

  it('a stored trigger opens in its template with its inputs, and saves back unchanged', () => {
    for (const d of [
      draft({ flowId: FLOW, states: ['Failed', 'Crashed'], threshold: '3', within: { value: '10', unit: 'minutes' } }),
      draft({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT, deploymentWithin: { value: '30', unit: 'seconds' } }),
      draft({ template: 'work-pool-not-ready', poolId: POOL }),
      draft({ template: 'work-pool-not-ready', poolId: '' }),
    ]) {
      const stored = { ...built(d), id: 'b0b0b0b0-0000-4000-8000-000000000000' } as Trigger;
      const reopened = draftFromTrigger(stored);
      expect(reopened.template).toBe(d.template);
      expect(built(reopened)).toEqual(built(d));
    }
  });

  it('a trigger no template makes opens as JSON, without the server-assigned ids', () => {
    const stored = { type: 'sequence', id: 'aaaaaaaa-0000-4000-8000-000000000000', within: 60, triggers: [{ type: 'event', id: 'bbbbbbbb-0000-4000-8000-000000000000', posture: 'Reactive', expect: ['acme.x'] }] } as Trigger;
    const d = draftFromTrigger(stored);
    expect(d.template).toBe('custom');
    expect(JSON.parse(d.json)).toEqual({ type: 'sequence', within: 60, triggers: [{ type: 'event', posture: 'Reactive', expect: ['acme.x'] }] });
    // A template's trigger with one more condition is not that template any more.
    expect(draftFromTrigger({ ...built(draft({ flowId: FLOW })), after: ['syntask.flow-run.Running'] } as Trigger).template).toBe('custom');
  });

  it('a resource page\'s "New automation" starts from its template', () => {
    expect(draftForResource(`syntask.flow.${FLOW}`)).toEqual({ template: 'flow-run-state', flowId: FLOW });
    expect(draftForResource(`syntask.deployment.${DEPLOYMENT}`)).toEqual({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT });
    expect(draftForResource(`syntask.work-pool.${POOL}`)).toEqual({ template: 'work-pool-not-ready', poolId: POOL });
    expect(draftForResource(undefined)).toEqual({});
    expect(draftForResource('syntask.flow-run.*')).toEqual({});
  });

  it('durations use the largest exact unit', () => {
    expect(durationDraft(600)).toEqual({ value: '10', unit: 'minutes' });
    expect(durationDraft(86_400)).toEqual({ value: '1', unit: 'days' });
    expect(durationDraft(90)).toEqual({ value: '90', unit: 'seconds' });
    expect(durationDraft(0)).toEqual({ value: '0', unit: 'seconds' });
  });
});

describe('trigger summaries', () => {
  it('say what a template waits for, with the names of what it watches', () => {
    expect(summarizeTrigger(built(draft({ flowId: FLOW, states: ['Failed', 'Crashed'], threshold: '3', within: { value: '10', unit: 'minutes' } })), nameOf)).toBe('3 runs of flow etl enter Failed or Crashed within 10 minutes');
    expect(summarizeTrigger(built(draft({ flowId: '', states: ['Failed'], threshold: '1' })), nameOf)).toBe('A run of any one flow enters Failed');
    expect(summarizeTrigger(built(draft({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT, deploymentWithin: { value: '1', unit: 'days' } })), nameOf)).toBe('No run of deployment nightly completes within 1 day');
    expect(summarizeTrigger(built(draft({ template: 'work-pool-not-ready', poolId: POOL })), nameOf)).toBe('Work pool k8s is not ready');
    expect(summarizeTrigger(built(draft({ template: 'work-pool-not-ready', poolId: '' })))).toBe('Any work pool is not ready');
  });

  it('fall back to the id while a name is unknown, and describe other triggers by their parts', () => {
    expect(summarizeTrigger(built(draft({ template: 'work-pool-not-ready', poolId: POOL })))).toBe('Work pool 9e0f1a2b is not ready');
    expect(summarizeTrigger({ type: 'event', posture: 'Reactive', expect: ['acme.ping'], threshold: 5, within: 3600 })).toBe('5 × acme.ping within 1 hour');
    expect(summarizeTrigger({ type: 'event', posture: 'Proactive', expect: ['acme.heartbeat'], threshold: 1, within: 300 })).toBe('Fewer than 1 × acme.heartbeat within 5 minutes');
    expect(summarizeTrigger({ type: 'compound', require: 'all', triggers: [{ type: 'event', posture: 'Reactive' }, { type: 'event', posture: 'Reactive' }] })).toBe('All of 2 triggers');
    expect(summarizeTrigger({ type: 'sequence', triggers: [{ type: 'event', posture: 'Reactive' }] })).toBe('A sequence of 1 triggers');
  });

  it('collect the flows, deployments and pools a trigger names, nested ones too', () => {
    const t: Trigger = { type: 'compound', require: 'any', triggers: [built(draft({ flowId: FLOW })), built(draft({ template: 'deployment-no-completed', deploymentId: DEPLOYMENT })), built(draft({ template: 'work-pool-not-ready', poolId: POOL }))] };
    expect(triggerResources(t)).toEqual({ flows: [FLOW], deployments: [DEPLOYMENT], pools: [POOL] });
  });
});

describe('actions', () => {
  it('build the action of each type from its own inputs', () => {
    expect(buildAction({ ...newActionDraft('k', 'pause-deployment'), targetId: DEPLOYMENT })).toEqual({ action: { type: 'pause-deployment', source: 'selected', deployment_id: DEPLOYMENT } });
    expect(buildAction({ ...newActionDraft('k', 'pause-deployment'), source: 'inferred', targetId: DEPLOYMENT })).toEqual({ action: { type: 'pause-deployment', source: 'inferred', deployment_id: null } });
    expect(buildAction({ ...newActionDraft('k', 'run-deployment'), targetId: DEPLOYMENT, parameters: '{"day": "{{ event.occurred }}"}' })).toEqual({
      action: { type: 'run-deployment', source: 'selected', deployment_id: DEPLOYMENT, parameters: { day: '{{ event.occurred }}' }, job_variables: null },
    });
    expect(buildAction({ ...newActionDraft('k', 'call-webhook'), blockId: BLOCK, payload: '{"n": "{{ labels }}"}' })).toEqual({ action: { type: 'call-webhook', block_document_id: BLOCK, payload: '{"n": "{{ labels }}"}' } });
    expect(buildAction({ ...newActionDraft('k', 'change-flow-run-state'), state: 'FAILED', message: ' ' })).toEqual({ action: { type: 'change-flow-run-state', state: 'FAILED', name: null, message: null } });
    expect(buildAction(newActionDraft('k', 'cancel-flow-run'))).toEqual({ action: { type: 'cancel-flow-run' } });
  });

  it('say which input is missing or malformed', () => {
    expect(buildAction(newActionDraft('k', 'send-notification'))).toEqual({ errors: { blockId: 'Choose the block that sends it.', body: 'Write the message body.' } });
    expect(buildAction(newActionDraft('k', 'resume-work-pool'))).toEqual({ errors: { targetId: 'Choose the work pool.' } });
    expect(buildAction({ ...newActionDraft('k', 'run-deployment'), source: 'inferred', parameters: '[1]' })).toEqual({ errors: { parameters: 'Parameters are a JSON object: {"name": value, …}.' } });
  });

  it('reopen as the same drafts and describe themselves', () => {
    const notify = { type: 'send-notification', block_document_id: BLOCK, subject: '{{ flow.name }} failed', body: 'see {{ flow_run|ui_url }}' } as const;
    expect(buildAction(draftFromAction(notify, 'k'))).toEqual({ action: notify });
    expect(describeAction(notify, nameOf)).toBe('Send a notification through ops-alerts');
    expect(describeAction({ type: 'pause-deployment', source: 'selected', deployment_id: DEPLOYMENT }, nameOf)).toBe('Pause deployment nightly');
    expect(describeAction({ type: 'resume-deployment', source: 'inferred' }, nameOf)).toBe('Resume the deployment of the triggering event');
    expect(describeAction({ type: 'suspend-flow-run' })).toBe('Suspend the flow run');
  });
});

describe('the form as a whole', () => {
  it('builds the body to save, or what stops it', () => {
    const d = newAutomationDraft({ flowId: FLOW, threshold: '3' });
    expect(buildAutomationBody(d)).toMatchObject({ problems: { name: 'Give the automation a name.', actions: { a0: { blockId: expect.any(String), body: expect.any(String) } } } });
    const ready = { ...d, actions: [{ ...newActionDraft('a0', 'pause-deployment'), targetId: DEPLOYMENT }], details: { name: ' etl failing ', description: '', enabled: true } };
    expect(buildAutomationBody(ready)).toMatchObject({ body: { name: 'etl failing', enabled: true, trigger: { threshold: 3 }, actions: [{ type: 'pause-deployment' }] } });
  });

  it('puts a 422 on the step of its loc, and a bare message on the current step', () => {
    const refusal = {
      status: 422,
      message: 'x',
      fieldErrors: [
        { loc: ['body', 'trigger', 'within'], field: 'within', message: 'The minimum within is 0 seconds' },
        { loc: ['body', 'actions', 1, 'body'], field: 'body', message: 'bad template' },
        { loc: ['body', 'name'], field: 'name', message: 'too long' },
      ],
    };
    expect(placeRefusal(refusal, ['a0', 'a1'], 2)).toEqual({ trigger: {}, actions: {}, name: 'too long', steps: { 0: ['within: The minimum within is 0 seconds'], 1: ['Action 2 (body): bad template'] } });
    expect(placeRefusal({ status: 422, message: 'Error creating automation: job_variables', fieldErrors: [] }, ['a0'], 2)).toEqual({ trigger: {}, actions: {}, steps: { 2: ['Error creating automation: job_variables'] } });
  });
});
