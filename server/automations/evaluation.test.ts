import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventAt as event, micros } from '../testing/event-clock.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';

/**
 * Trigger evaluation end to end (A6): events go in through the API with exact `occurred`
 * times, the runtime evaluates what was queued, proactive checks run at the times a test
 * gives (the controllable clock), firings are read back through the firings endpoint.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());


async function send(...events: ReturnType<typeof event>[]) {
  expect((await s.post('/api/events', events)).status).toBe(204);
  await s.ctx.automations.settle();
}

async function automation(trigger: Record<string, unknown>, actions: unknown[] = [{ type: 'do-nothing' }]) {
  const res = await s.post('/api/automations/', { name: `a-${randomUUID().slice(0, 6)}`, trigger, actions });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string };
}

const firings = async (id: string) => (await s.get(`/api/automations/${id}/firings`)).body as { fired: string; triggering_labels: Record<string, string>; cause_event_ids: string[]; triggering_event: { id: string } | null; actions: { status: string; action_type: string }[] }[];

describe('reactive triggers (A6.3)', () => {
  it('fires once when the threshold is met within the window, then waits for the next window', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind], threshold: 3, within: 600 });
    const e = [event(kind, 0), event(kind, 60), event(kind, 120)];
    await send(e[0], e[1]);
    expect(await firings(a.id)).toHaveLength(0);
    await send(e[2]);
    const [first] = await firings(a.id);
    expect(first.cause_event_ids).toEqual(e.map((x) => x.id));
    expect(first.triggering_event?.id).toBe(e[2].id);
    expect(first.actions).toEqual([expect.objectContaining({ action_type: 'do-nothing', status: 'executed' })]);
    // Three more inside the first window (ends at 600 s): ignored, at most one firing per window.
    await send(event(kind, 200), event(kind, 300), event(kind, 400));
    expect(await firings(a.id)).toHaveLength(1);
    // The next window starts where the first ended.
    await send(event(kind, 610), event(kind, 620), event(kind, 630));
    expect(await firings(a.id)).toHaveLength(2);
  });

  it('counts for_each buckets apart and names the labels that fired', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind], for_each: ['region'], threshold: 2, within: 60 });
    await send(event(kind, 0, { region: 'eu' }), event(kind, 1, { region: 'us' }), event(kind, 2, { region: 'eu' }));
    const fired = await firings(a.id);
    expect(fired).toHaveLength(1);
    expect(fired[0].triggering_labels).toEqual({ region: 'eu' });
  });

  it('matches resources and related resources by label pattern', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.done`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind], match: { env: 'prod*' }, match_related: { 'syntask.resource.role': 'flow', 'syntask.resource.id': 'syntask.flow.abc' } });
    const flow = { 'syntask.resource.id': 'syntask.flow.abc', 'syntask.resource.role': 'flow' };
    await send(event(kind, 0, { env: 'production' }), event(kind, 1, { env: 'staging' }, [flow]), event(kind, 2, { env: 'prod-eu' }, [{ ...flow, 'syntask.resource.id': 'syntask.flow.other' }]));
    expect(await firings(a.id)).toHaveLength(0);
    await send(event(kind, 3, { env: 'prod-eu' }, [flow]));
    expect(await firings(a.id)).toHaveLength(1);
  });

  it('with after: expected events count only once the after event opened a window', async () => {
    const p = `acme.${randomUUID().slice(0, 6)}`;
    const a = await automation({ type: 'event', posture: 'Reactive', after: [`${p}.started`], expect: [`${p}.retried`], threshold: 2, within: 100 });
    await send(event(`${p}.retried`, 0), event(`${p}.retried`, 1));
    expect(await firings(a.id)).toHaveLength(0);
    await send(event(`${p}.started`, 10), event(`${p}.retried`, 20), event(`${p}.retried`, 30));
    expect(await firings(a.id)).toHaveLength(1);
    // Expired window: retries after it no longer count.
    await send(event(`${p}.started`, 200), event(`${p}.retried`, 210), event(`${p}.retried`, 400));
    expect(await firings(a.id)).toHaveLength(1);
  });

  it('does not evaluate disabled automations', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.x`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind] });
    expect((await s.patch(`/api/automations/${a.id}`, { enabled: false })).status).toBe(204);
    await send(event(kind, 0));
    expect(await firings(a.id)).toHaveLength(0);
  });
});

describe('proactive triggers (A6.4)', () => {
  it('fires when a window ends without its event, not when the event came', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.completed`;
    const a = await automation({ type: 'event', posture: 'Proactive', expect: [kind], threshold: 1, within: 30 });
    await s.ctx.automations.tick(micros(0));
    await s.ctx.automations.tick(micros(20));
    expect(await firings(a.id)).toHaveLength(0);
    await s.ctx.automations.tick(micros(30));
    expect(await firings(a.id)).toHaveLength(1);
    await s.ctx.automations.tick(micros(35));
    expect(await firings(a.id)).toHaveLength(1);
    // The next window [30, 60) sees its event: the check deletes it, and no firing follows.
    await send(event(kind, 40));
    await s.ctx.automations.tick(micros(45));
    await s.ctx.automations.tick(micros(61));
    await s.ctx.automations.actions.drain();
    expect(await firings(a.id)).toHaveLength(1);
  });

  it('"no Completed run of deployment D within 30 s" fires once when nothing completes', async () => {
    const flow = (await s.post('/api/flows/', { name: `f-${randomUUID().slice(0, 6)}` })).body;
    const dep = (await s.post('/api/deployments/', { name: 'nightly', flow_id: flow.id })).body;
    const a = await automation({ type: 'event', posture: 'Proactive', match: { 'syntask.resource.id': 'syntask.flow-run.*' }, match_related: { 'syntask.resource.role': 'deployment', 'syntask.resource.id': `syntask.deployment.${dep.id}` }, expect: ['syntask.flow-run.Completed'], threshold: 1, within: 30 });
    const now = Date.now() * 1000;
    await s.ctx.automations.tick(now);
    // A run of D completes inside the first window: no firing when it ends.
    const run = (await s.post(`/api/deployments/${dep.id}/create_flow_run`, {})).body;
    await s.post(`/api/flow_runs/${run.id}/set_state`, { state: { type: 'RUNNING' } });
    await s.post(`/api/flow_runs/${run.id}/set_state`, { state: { type: 'COMPLETED' } });
    await s.ctx.automations.settle();
    await s.ctx.automations.tick(now + 5e6);
    await s.ctx.automations.tick(now + 31e6);
    expect(await firings(a.id)).toHaveLength(0);
    // Nothing completes in the next 30 s: one firing, with no triggering event.
    await s.ctx.automations.tick(now + 36e6);
    await s.ctx.automations.tick(now + 40e6);
    const fired = await firings(a.id);
    expect(fired).toHaveLength(1);
    expect(fired[0].triggering_event).toBeNull();
  });

  it('with for_each and after: a run that started and did not finish within the window', async () => {
    const p = `acme.${randomUUID().slice(0, 6)}`;
    const a = await automation({ type: 'event', posture: 'Proactive', after: [`${p}.started`], expect: [`${p}.finished`], for_each: ['syntask.resource.id'], threshold: 1, within: 60 });
    await send(event(`${p}.started`, 0, { 'syntask.resource.id': 'job.1' }), event(`${p}.started`, 0, { 'syntask.resource.id': 'job.2' }), event(`${p}.finished`, 30, { 'syntask.resource.id': 'job.1' }));
    await s.ctx.automations.tick(micros(61));
    const fired = await firings(a.id);
    expect(fired.map((f) => f.triggering_labels)).toEqual([{ 'syntask.resource.id': 'job.2' }]);
    await s.ctx.automations.tick(micros(200));
    expect(await firings(a.id)).toHaveLength(1);
  });
});

describe('composite triggers (A6.4)', () => {
  const leaf = (kind: string) => ({ type: 'event', posture: 'Reactive', expect: [kind], threshold: 1, within: 0 });

  it('compound "all" fires once every child fired within its window', async () => {
    const p = `acme.${randomUUID().slice(0, 6)}`;
    const a = await automation({ type: 'compound', require: 'all', within: 60, triggers: [leaf(`${p}.a`), leaf(`${p}.b`)] });
    await send(event(`${p}.a`, 0));
    expect(await firings(a.id)).toHaveLength(0);
    // 100 s later: the first child firing is older than the window.
    await send(event(`${p}.b`, 100));
    expect(await firings(a.id)).toHaveLength(0);
    await send(event(`${p}.a`, 120));
    const fired = await firings(a.id);
    expect(fired).toHaveLength(1);
    expect(fired[0].cause_event_ids).toHaveLength(2);
  });

  it('compound with a number fires at that many children; sequence only in list order', async () => {
    const p = `acme.${randomUUID().slice(0, 6)}`;
    const two = await automation({ type: 'compound', require: 2, triggers: [leaf(`${p}.a`), leaf(`${p}.b`), leaf(`${p}.c`)] });
    const seq = await automation({ type: 'sequence', triggers: [leaf(`${p}.a`), leaf(`${p}.b`)] });
    await send(event(`${p}.b`, 0));
    await send(event(`${p}.a`, 10));
    expect(await firings(two.id)).toHaveLength(1);
    expect(await firings(seq.id)).toHaveLength(0);
    await send(event(`${p}.b`, 20));
    expect(await firings(seq.id)).toHaveLength(1);
  });
});

describe('firings are recorded as events', () => {
  it('emits automation.triggered with the triggering event and action.executed', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.go`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind] });
    const e = event(kind, 0);
    await send(e);
    const page = await s.post('/api/events/filter', { filter: { resource: { id: [`syntask.automation.${a.id}`] }, occurred: { since: new Date(Date.now() - 60_000).toISOString() } } });
    const names = page.body.events.map((x: { event: string }) => x.event).sort();
    expect(names).toEqual(['syntask.automation.action.executed', 'syntask.automation.triggered']);
    const triggered = page.body.events.find((x: { event: string }) => x.event === 'syntask.automation.triggered');
    expect(triggered.resource).toEqual({ 'syntask.resource.id': `syntask.automation.${a.id}`, 'syntask.resource.name': a.name, 'syntask.posture': 'Reactive' });
    expect(triggered.related).toEqual([{ 'syntask.resource.id': `syntask.event.${e.id}`, 'syntask.resource.role': 'triggering-event' }]);
    expect(triggered.payload.triggering_event.id).toBe(e.id);
    const executed = page.body.events.find((x: { event: string }) => x.event === 'syntask.automation.action.executed');
    expect(executed.payload).toMatchObject({ action_index: 0, action_type: 'do-nothing' });
    expect(executed.resource['syntask.trigger-type']).toBe('event');
  });
});

describe('retention', () => {
  it('deletes firings older than the event retention period with the events', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.old`;
    const a = await automation({ type: 'event', posture: 'Reactive', expect: [kind] });
    await send(event(kind, 0));
    expect(await firings(a.id)).toHaveLength(1);
    // A firing recorded 8 days ago (the default retention is 7).
    await s.ctx.db.kysely.updateTable('automation_firing').set({ fired: Date.now() * 1000 - 8 * 86400e6 }).where('automation_id', '=', a.id).execute();
    await s.services.get('event_retention').runOnce();
    expect(await firings(a.id)).toHaveLength(0);
    expect(await s.ctx.db.kysely.selectFrom('automation_action_run').select('id').where('automation_id', '=', a.id).execute()).toEqual([]);
  });
});
