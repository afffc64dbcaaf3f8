import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, eventAt as event, T0 } from '../testing/event-clock.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { blockDocument } from '../testing/fixtures.ts';

/** Extensions: when a trigger would have fired over stored events, and an action's templates rendered for one. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());


describe('POST /api/automations/preview', () => {
  it('counts when a reactive trigger would have fired, with the events that caused each firing, and acts on nothing', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const events = [0, 60, 120, 700, 1400, 1460, 1500, 5000].map((t) => event(kind, t));
    expect((await s.post('/api/events', events)).status).toBe(204);
    await s.ctx.eventLog.drain();
    const trigger = { type: 'event', posture: 'Reactive', expect: [kind], threshold: 3, within: 600 };
    const res = await s.post('/api/automations/preview', { trigger, since: at(-10), until: at(6000) });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ count: 2, events_evaluated: 8, truncated: false });
    expect(res.body.firings.map((f: { fired: string }) => Date.parse(f.fired))).toEqual([Date.parse(at(120)), Date.parse(at(1500))]);
    expect(res.body.firings[0].event_ids).toEqual(events.slice(0, 3).map((e) => e.id));
    // Every failure (threshold 1) fires once per window: the operator sees it before saving.
    const looser = await s.post('/api/automations/preview', { trigger: { ...trigger, threshold: 1 }, since: at(-10), until: at(6000) });
    expect(looser.body.count).toBe(4);
    expect((await s.post('/api/automations/filter', { automations: { name: { any_: ['preview'] } } })).body).toEqual([]);
  });

  it('simulates proactive checks between events', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.completed`;
    expect((await s.post('/api/events', [event(kind, 100), event(kind, 250)])).status).toBe(204);
    await s.ctx.eventLog.drain();
    // Windows of 120 s: [0,120) sees the event at 100 and the next starts then; [100,220) sees none → fires at 220;
    // [220,340) sees the one at 250, [250,370) none → fires at 370; [370,490) has not ended at 480.
    const res = await s.post('/api/automations/preview', { trigger: { type: 'event', posture: 'Proactive', expect: [kind], threshold: 1, within: 120 }, since: at(0), until: at(480) });
    expect(res.body.count).toBe(2);
    expect(res.body.firings.map((f: { fired: string }) => (Date.parse(f.fired) - T0) / 1000)).toEqual([220, 370]);
  });

  it('stays bounded: at most 31 days, 100 triggers, and a cap on simulated checks', async () => {
    const long = await s.post('/api/automations/preview', { trigger: { type: 'event', posture: 'Reactive', expect: ['x'] }, since: '2020-01-01T00:00:00Z' });
    expect(long.status).toBe(422);
    expect(long.body.exception_detail[0].msg).toBe('A preview covers at most 31 days');
    const leaf = { type: 'event', posture: 'Proactive', expect: [`acme.${randomUUID()}`], threshold: 1, within: 10 };
    const many = await s.post('/api/automations/preview', { trigger: { type: 'compound', require: 'any', triggers: Array.from({ length: 101 }, () => leaf) } });
    expect(many.status).toBe(422);
    const t = performance.now();
    const heavy = await s.post('/api/automations/preview', { trigger: { type: 'compound', require: 'any', triggers: Array.from({ length: 50 }, () => leaf) }, since: at(0), until: at(31 * 86400) });
    expect(heavy.status).toBe(200);
    expect(heavy.body.truncated).toBe(true);
    expect(heavy.body.firings.length).toBeLessThanOrEqual(500);
    expect(heavy.body.count).toBeGreaterThan(500);
    expect(performance.now() - t).toBeLessThan(30_000);
  });

  it('validates the trigger like a create does', async () => {
    const res = await s.post('/api/automations/preview', { trigger: { type: 'event', posture: 'Proactive', within: 3 } });
    expect(res.status).toBe(422);
    expect(res.body.exception_detail[0].loc).toEqual(['body', 'trigger', 'within']);
  });
});

describe('POST /api/automations/render-action', () => {
  it('renders a notification for a stored event, and says why a template cannot render', async () => {
    const kind = `acme.${randomUUID().slice(0, 6)}.failed`;
    const e = event(kind, 0, { 'syntask.resource.name': 'nightly-load' });
    expect((await s.post('/api/events', [e])).status).toBe(204);
    await s.ctx.eventLog.drain();
    const block = await blockDocument(s, 'webhook', { url: 'http://127.0.0.1:1/x' });
    const action = { type: 'send-notification', block_document_id: block, subject: '{{ event.event }}', body: '{{ event.resource["syntask.resource.name"] }} at {{ event|ui_url }}' };
    const res = await s.post('/api/automations/render-action', { action, event_id: e.id });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ subject: kind, body: `nightly-load at ${s.ctx.settings.uiUrl.replace(/\/+$/, '')}/events/event/2026-12-01/${e.id}`, error: null });
    const bad = await s.post('/api/automations/render-action', { action: { ...action, body: '{{ event.constructor }}' }, event_id: e.id });
    expect(bad.body.error).toMatch(/not allowed/);
    // An attacker's review found this escape (Object.prototype.valueOf rebound as range → the renderer → a shell).
    const escape = '{% set range = valueOf %}{% set c = range() %}{% set range = c.env.renderString %}{{ range("{{ range.constructor(\'return process.pid\')() }}", {}) }}';
    const refused = await s.post('/api/automations/render-action', { action: { ...action, body: escape }, event_id: e.id });
    expect(refused.status).toBe(200);
    expect(refused.body.body).toBeUndefined();
    expect(refused.body.error).toMatch(/may not be set|not defined|not allowed/);
  });
});
