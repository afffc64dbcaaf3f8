import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const at = (iso: string) => new Date(iso).toISOString();
const event = (over: Record<string, unknown> = {}) => ({
  occurred: at('2026-12-01T10:00:00Z'),
  event: 'acme.order.shipped',
  resource: { 'syntask.resource.id': `acme.order.${randomUUID()}`, 'syntask.resource.name': 'order' },
  related: [],
  payload: {},
  id: randomUUID(),
  ...over,
});
const filter = (body: Record<string, unknown>) => s.post('/api/events/filter', body);
/** A filter window around the test's events (the default window ends now and starts 180 days back). */
const window = { since: '2026-11-01T00:00:00Z', until: '2026-12-31T00:00:00Z' };

describe('POST /api/events and /filter (A3)', () => {
  it('stores events idempotently by id and returns them in the contract shape, newest first', async () => {
    const tag = randomUUID();
    const first = event({ occurred: at('2026-12-01T10:00:00Z'), resource: { 'syntask.resource.id': `acme.order.${tag}`, 'syntask.resource.name': 'first', region: 'eu' }, payload: { n: 1 } });
    const second = event({
      occurred: at('2026-12-01T11:00:00Z'),
      resource: { 'syntask.resource.id': `acme.order.${tag}`, 'syntask.resource.name': 'second' },
      related: [{ 'syntask.resource.id': 'acme.customer.42', 'syntask.resource.role': 'customer', tier: 'gold' }],
      follows: first.id,
    });
    expect((await s.post('/api/events', [first, second])).status).toBe(204);
    expect((await s.post('/api/events', [{ ...first, event: 'acme.order.changed' }])).status).toBe(204);
    const page = await filter({ filter: { occurred: window, resource: { id: [`acme.order.${tag}`] } } });
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(2);
    expect(page.body.next_page).toBeNull();
    const [newest, oldest] = page.body.events;
    expect(Object.keys(newest)).toEqual(['occurred', 'event', 'resource', 'related', 'payload', 'id', 'follows', 'received']);
    expect(newest).toMatchObject({ id: second.id, follows: first.id, related: second.related, event: 'acme.order.shipped' });
    expect(oldest).toMatchObject({ id: first.id, payload: { n: 1 }, event: 'acme.order.shipped', resource: first.resource });
    expect(Date.parse(oldest.received)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses invalid events as a whole batch with the field named', async () => {
    const good = event();
    const noId = await s.post('/api/events', [good, event({ resource: { 'syntask.resource.name': 'x' } })]);
    expect(noId.status).toBe(422);
    expect(noId.body.exception_detail[0].loc).toEqual(['body', 1, 'resource', 'syntask.resource.id']);
    const noRole = await s.post('/api/events', [event({ related: [{ 'syntask.resource.id': 'a.b' }] })]);
    expect(noRole.status).toBe(422);
    const emptyId = await s.post('/api/events', [event({ resource: { 'syntask.resource.id': '' } })]);
    expect(emptyId.status).toBe(422);
    expect((await filter({ filter: { id: { id: [good.id] } } })).body.total).toBe(0);
  });

  it('caps labels and related resources, and drops oversized events silently', async () => {
    const small = await startTestServer({ SYNTASK_EVENTS_MAXIMUM_LABELS_PER_RESOURCE: '3', SYNTASK_EVENTS_MAXIMUM_RELATED_RESOURCES: '1', SYNTASK_EVENTS_MAXIMUM_SIZE_BYTES: '2000' });
    try {
      const labels = await small.post('/api/events', [event({ resource: { 'syntask.resource.id': 'a.1', b: '1', c: '2', d: '3' } })]);
      expect(labels.status).toBe(422);
      expect(labels.body.exception_detail[0]).toMatchObject({ loc: ['body', 0, 'resource'], msg: 'The maximum number of labels per resource is 3' });
      const related = await small.post('/api/events', [event({ related: [{ 'syntask.resource.id': 'a.1', 'syntask.resource.role': 'x' }, { 'syntask.resource.id': 'a.2', 'syntask.resource.role': 'x' }] })]);
      expect(related.body.exception_detail[0].loc).toEqual(['body', 0, 'related']);
      const big = event({ payload: { blob: 'x'.repeat(3000) } });
      const kept = event();
      expect((await small.post('/api/events', [big, kept])).status).toBe(204);
      const found = await small.post('/api/events/filter', { filter: { occurred: window, id: { id: [big.id, kept.id] } } });
      expect(found.body.events.map((e: { id: string }) => e.id)).toEqual([kept.id]);
      // A small body whose numbers grow when serialized (1e20 → 100000000000000000000) is still measured.
      const grows = event();
      const body = JSON.stringify([grows]).replace('"payload":{}', `"payload":{"n":[${Array(100).fill('1e20').join(',')}]}`);
      expect(body.length).toBeLessThan(2000);
      expect((await small.request('POST', '/api/events', body, { 'content-type': 'application/json' })).status).toBe(204);
      expect((await small.post('/api/events/filter', { filter: { occurred: window, id: { id: [grows.id] } } })).body.events).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('a filter on one related resource alone (read from the related rows in time order)', () => {
  it('pages and counts each event once, within the window, as the same filter with more criteria would', async () => {
    const x = `acme.pipeline.${randomUUID()}`;
    const y = `acme.pipeline.${randomUUID()}`;
    const rel = (id: string, role: string) => ({ 'syntask.resource.id': id, 'syntask.resource.role': role });
    const inside = [
      event({ occurred: at('2026-12-02T09:00:00Z'), related: [rel(x, 'pipeline'), rel(x, 'owner')] }),
      event({ occurred: at('2026-12-02T09:01:00Z'), related: [rel(x, 'pipeline')] }),
      event({ occurred: at('2026-12-02T09:02:00Z'), related: [rel(y, 'pipeline')] }),
    ];
    const outside = event({ occurred: at('2026-10-02T09:00:00Z'), related: [rel(x, 'pipeline')] });
    expect((await s.post('/api/events', [...inside, outside])).status).toBe(204);

    const page = await filter({ filter: { occurred: window, related: { id: [x] } }, limit: 1 });
    expect(page.body.total).toBe(2);
    expect(page.body.events.map((e: { id: string }) => e.id)).toEqual([inside[1].id]);
    expect(page.body.next_page).toContain('/api/events/filter/next?page-token=');
    const next = await s.get(new URL(page.body.next_page).pathname + new URL(page.body.next_page).search);
    expect(next.body.events.map((e: { id: string }) => e.id)).toEqual([inside[0].id]);
    expect(next.body.next_page).toBeNull();
    // Each event once (the first has x in two roles), newest first or oldest first.
    const all = await filter({ filter: { occurred: window, related: { id: [x] } } });
    expect(all.body.events.map((e: { id: string }) => e.id)).toEqual([inside[1].id, inside[0].id]);
    const oldestFirst = await filter({ filter: { occurred: window, related: { id: [x] }, order: 'ASC' } });
    expect(oldestFirst.body.events.map((e: { id: string }) => e.id)).toEqual([inside[0].id, inside[1].id]);
    expect(oldestFirst.body.events[0]).toMatchObject({ id: inside[0].id, related: inside[0].related, event: 'acme.order.shipped' });
    // Empty lists constrain nothing: the same total.
    expect((await filter({ filter: { occurred: window, related: { id: [x], role: [] }, event: { prefix: [] } } })).body.total).toBe(2);
    expect((await filter({ filter: { occurred: window, related: { id: [x, y] } } })).body.total).toBe(3);
    // Other criteria take the general path, with the same answers.
    expect((await filter({ filter: { occurred: window, related: { id: [x], role: ['owner'] } } })).body.total).toBe(1);
    expect((await filter({ filter: { occurred: window, related: { id: [x] }, event: { name: ['acme.order.shipped'] } } })).body.total).toBe(2);
    expect((await filter({ filter: { occurred: { since: '2026-01-01T00:00:00Z', until: '2026-12-31T00:00:00Z' }, related: { id: [x] } } })).body.total).toBe(3);
  });
});

describe('EventFilter criteria (A3.1, A2.1)', () => {
  const run = randomUUID();
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const mk = (key: string, name: string, minute: number, resource: Record<string, string>, related: Record<string, string>[] = []) => {
      const e = event({ event: name, occurred: at(`2026-12-02T10:${String(minute).padStart(2, '0')}:00Z`), resource: { ...resource, run }, related });
      ids[key] = e.id;
      return e;
    };
    await s.post('/api/events', [
      mk('a', 'syntask.flow-run.Running', 1, { 'syntask.resource.id': 'syntask.flow-run.1', env: 'prod' }, [{ 'syntask.resource.id': 'syntask.flow.f1', 'syntask.resource.role': 'flow', 'syntask.resource.name': 'etl' }]),
      mk('b', 'syntask.flow-run.Failed', 2, { 'syntask.resource.id': 'syntask.flow-run.1', env: 'prod' }, [{ 'syntask.resource.id': 'syntask.flow.f1', 'syntask.resource.role': 'flow', 'syntask.resource.name': 'etl' }]),
      mk('c', 'syntask.flow-run.Completed', 3, { 'syntask.resource.id': 'syntask.flow-run.2', env: 'dev' }, [{ 'syntask.resource.id': 'syntask.flow.f2', 'syntask.resource.role': 'flow', 'syntask.resource.name': 'report' }, { 'syntask.resource.id': 'syntask.tag.nightly', 'syntask.resource.role': 'tag' }]),
      mk('d', 'acme.deploy.done', 4, { 'syntask.resource.id': 'syntask.flow.f1' }),
    ]);
  });
  const found = async (f: Record<string, unknown>) => {
    const res = await filter({ filter: { occurred: window, resource: { labels: { run } }, ...f } });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return res.body.events.map((e: { id: string }) => byId[e.id]).join('');
  };

  it('event names: prefixes OR-ed, names, exclusions', async () => {
    expect(await found({})).toBe('dcba');
    expect(await found({ event: { prefix: ['syntask.flow-run.'] } })).toBe('cba');
    expect(await found({ event: { prefix: ['acme.', 'syntask.flow-run.F'] } })).toBe('db');
    expect(await found({ event: { name: ['syntask.flow-run.Running'] } })).toBe('a');
    expect(await found({ event: { prefix: ['syntask.'], exclude_name: ['syntask.flow-run.Failed'] } })).toBe('ca');
    expect(await found({ event: { exclude_prefix: ['syntask.flow-run.'] } })).toBe('d');
    // A prefix is literal: `%` and `_` are not wildcards.
    expect(await found({ event: { prefix: ['syntask%'] } })).toBe('');
  });

  it('resource ids, prefixes and label patterns (exact, prefix, negated; missing never matches)', async () => {
    expect(await found({ resource: { labels: { run }, id: ['syntask.flow-run.2'] } })).toBe('c');
    expect(await found({ resource: { labels: { run }, id_prefix: ['syntask.flow-run.'] } })).toBe('cba');
    expect(await found({ resource: { labels: { run, env: 'prod' } } })).toBe('ba');
    expect(await found({ resource: { labels: { run, env: ['dev', 'staging'] } } })).toBe('c');
    expect(await found({ resource: { labels: { run, env: 'pr*' } } })).toBe('ba');
    expect(await found({ resource: { labels: { run, env: '!prod' } } })).toBe('c');
    expect(await found({ resource: { labels: { run, env: '!p*' } } })).toBe('c');
    expect(await found({ resource: { labels: { run, 'syntask.resource.id': 'syntask.flow.*' } } })).toBe('d');
  });

  it('related: one related resource satisfies every sub-criterion; any_resource: primary or related', async () => {
    expect(await found({ related: { id: ['syntask.flow.f1'] } })).toBe('ba');
    expect(await found({ related: { role: ['tag'] } })).toBe('c');
    expect(await found({ related: { resources_in_roles: [['syntask.flow.f2', 'flow']] } })).toBe('c');
    expect(await found({ related: { resources_in_roles: [['syntask.flow.f2', 'tag']] } })).toBe('');
    expect(await found({ related: { labels: { 'syntask.resource.role': 'flow', 'syntask.resource.name': 'etl' } } })).toBe('ba');
    expect(await found({ related: { id: ['syntask.tag.nightly'], role: ['flow'] } })).toBe('');
    expect(await found({ any_resource: { id: ['syntask.flow.f1'] } })).toBe('dba');
    expect(await found({ any_resource: { id_prefix: ['syntask.tag.'] } })).toBe('c');
  });

  it('ids, order, distinct resources and the time window', async () => {
    expect(await found({ id: { id: [ids.a, ids.c] } })).toBe('ca');
    expect(await found({ order: 'ASC' })).toBe('abcd');
    expect(await found({ resource: { labels: { run }, distinct: true } })).toBe('dcb');
    const distinct = await filter({ filter: { occurred: window, resource: { labels: { run }, distinct: true } } });
    expect(distinct.body.total).toBe(3);
    expect(await found({ occurred: { since: '2026-12-02T10:02:00Z', until: '2026-12-02T10:03:00Z' } })).toBe('cb');
    // The default window ends now: events dated in the future are not listed.
    const future = event({ occurred: new Date(Date.now() + 3_600_000).toISOString() });
    await s.post('/api/events', [future]);
    expect((await filter({ filter: { id: { id: [future.id] } } })).body.total).toBe(0);
  });

  it('ignores empty lists, as Syntask 2 does; refuses filters too large to run', async () => {
    expect(await found({ event: { name: [], prefix: [] }, id: { id: [] }, related: { role: [] }, any_resource: { id: [] } })).toBe('dcba');
    const many = await filter({ filter: { event: { prefix: Array.from({ length: 201 }, (_, i) => `p${i}.`) } } });
    expect(many.status).toBe(422);
    expect(many.body.exception_detail[0].loc).toEqual(['body', 'filter', 'event', 'prefix']);
    const labels = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`l${i}`, 'x']));
    expect((await filter({ filter: { resource: { labels } } })).status).toBe(422);
  });

  it('label prefixes compare bytes: an upper-case value does not match a lower-case prefix', async () => {
    const e = event({ occurred: at('2026-12-02T11:00:00Z'), resource: { 'syntask.resource.id': 'acme.case.1', run, casing: 'PRODUCTION' } });
    await s.post('/api/events', [e]);
    const res = await filter({ filter: { occurred: window, resource: { labels: { run, casing: 'pro*' } } } });
    expect(res.body.events.map((x: { id: string }) => x.id)).toEqual([]);
    const upper = await filter({ filter: { occurred: window, resource: { labels: { run, casing: 'PRO*' } } } });
    expect(upper.body.events.map((x: { id: string }) => x.id)).toEqual([e.id]);
    await s.ctx.db.kysely.deleteFrom('event').where('id', '=', e.id).execute();
  });

  it('refuses unknown keys, limits outside 0…50 and caps the page at the ids named', async () => {
    const unknown = await filter({ filter: { resource: { idd: ['x'] } } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.exception_detail[0].loc).toEqual(['body', 'filter', 'resource', 'idd']);
    expect((await filter({ limit: 51 })).status).toBe(422);
    expect((await filter({ limit: -1 })).status).toBe(422);
    const capped = await filter({ filter: { occurred: window, id: { id: [ids.a] } }, limit: 50 });
    expect(capped.body.events).toHaveLength(1);
  });
});

describe('pages (A3)', () => {
  it('follows next_page to the end; total is kept; bad tokens are 403, a missing one 422', async () => {
    const label = randomUUID();
    const events = Array.from({ length: 7 }, (_, i) => event({ occurred: at(`2026-12-03T10:00:0${i}Z`), resource: { 'syntask.resource.id': `acme.x.${i}`, batch: label } }));
    await s.post('/api/events', events);
    const first = await filter({ filter: { occurred: window, resource: { labels: { batch: label } } }, limit: 3 });
    expect(first.body.total).toBe(7);
    const seen = first.body.events.map((e: { id: string }) => e.id);
    let next: string | null = first.body.next_page;
    expect(next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/events\/filter\/next\?page-token=/);
    while (next) {
      const page = await s.get(next.slice(next.indexOf('/api/')));
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(7);
      seen.push(...page.body.events.map((e: { id: string }) => e.id));
      next = page.body.next_page;
    }
    expect(seen).toEqual(events.map((e) => e.id).reverse());
    expect((await s.get('/api/events/filter/next')).status).toBe(422);
    expect(await s.get('/api/events/filter/next?page-token=garbage')).toMatchObject({ status: 403, body: { detail: 'Forbidden' } });
    const forged = Buffer.from(JSON.stringify({ filter: { bogus: 1 }, total: 1, limit: 10, offset: 0 })).toString('base64url');
    expect((await s.get(`/api/events/filter/next?page-token=${forged}`)).status).toBe(403);
    const tooBig = Buffer.from(JSON.stringify({ filter: {}, total: 1, limit: 5000, offset: 0 })).toString('base64url');
    expect((await s.get(`/api/events/filter/next?page-token=${tooBig}`)).status).toBe(403);
    const farOffset = Buffer.from(JSON.stringify({ filter: {}, total: 10, limit: 10, offset: 1e300 })).toString('base64url');
    expect((await s.get(`/api/events/filter/next?page-token=${farOffset}`)).status).toBe(403);
    // limit 0: a page of nothing, and no next page to follow forever.
    expect((await filter({ filter: { occurred: window, resource: { labels: { batch: label } } }, limit: 0 })).body).toMatchObject({ events: [], total: 7, next_page: null });
  });

  it('pages through the window of the first request: events stored meanwhile do not shift later pages', async () => {
    const label = randomUUID();
    const now = Date.now();
    const events = Array.from({ length: 4 }, (_, i) => event({ occurred: new Date(now - 60_000 + i * 1000).toISOString(), resource: { 'syntask.resource.id': `acme.w.${i}`, batch: label } }));
    await s.post('/api/events', events);
    const first = await filter({ filter: { resource: { labels: { batch: label } } }, limit: 2 });
    expect(first.body.events.map((e: { id: string }) => e.id)).toEqual([events[3].id, events[2].id]);
    await new Promise((r) => setTimeout(r, 20));
    await s.post('/api/events', [event({ occurred: new Date().toISOString(), resource: { 'syntask.resource.id': 'acme.w.new', batch: label } })]);
    const next = await s.get(first.body.next_page.slice(first.body.next_page.indexOf('/api/')));
    expect(next.body.events.map((e: { id: string }) => e.id)).toEqual([events[1].id, events[0].id]);
  });
});

describe('count-by (A3.2)', () => {
  const label = randomUUID();
  beforeAll(async () => {
    const mk = (iso: string, name: string, id: string, resourceName: string) => event({ occurred: at(iso), event: name, resource: { 'syntask.resource.id': id, 'syntask.resource.name': resourceName, batch: label } });
    await s.post('/api/events', [
      mk('2026-12-04T00:10:00Z', 'a.one', 'r.1', 'old name'),
      mk('2026-12-04T00:20:00Z', 'a.two', 'r.1', 'new name'),
      mk('2026-12-04T02:00:00Z', 'a.one', 'r.2', 'second'),
      mk('2026-12-05T23:59:59Z', 'a.one', 'r.3', 'third'),
    ]);
  });
  const count = (countable: string, body: Record<string, unknown>) => s.post(`/api/events/count-by/${countable}`, body);

  it('time: every bucket of interval × unit from the pivot, empty ones zero', async () => {
    const res = await count('time', { filter: { resource: { labels: { batch: label } }, occurred: { since: '2026-12-04T00:00:00Z', until: '2026-12-04T03:59:59Z' } }, time_unit: 'hour', time_interval: 1 });
    expect(res.status).toBe(200);
    expect(res.body.map((b: { count: number }) => b.count)).toEqual([2, 0, 1, 0]);
    expect(res.body[0]).toEqual({ value: '0', label: '2026-12-04T00:00:00+00:00', count: 2, start_time: '2026-12-04T00:00:00+00:00', end_time: '2026-12-04T00:59:59.999999+00:00' });
    const half = await count('time', { filter: { resource: { labels: { batch: label } }, occurred: { since: '2026-12-04T00:00:00Z', until: '2026-12-04T00:59:59Z' } }, time_unit: 'minute', time_interval: 15 });
    expect(half.body.map((b: { count: number }) => b.count)).toEqual([1, 1, 0, 0]);
  });

  it('day ignores the unit; event and resource rank by count with the latest name', async () => {
    const days = await count('day', { filter: { resource: { labels: { batch: label } }, occurred: { since: '2026-12-04T00:00:00Z', until: '2026-12-05T23:59:59Z' } }, time_unit: 'second' });
    expect(days.body.map((b: { count: number; label: string }) => [b.label, b.count])).toEqual([
      ['2026-12-04T00:00:00+00:00', 3],
      ['2026-12-05T00:00:00+00:00', 1],
    ]);
    const byEvent = await count('event', { filter: { resource: { labels: { batch: label } }, occurred: window } });
    expect(byEvent.body.map((b: { value: string; count: number }) => [b.value, b.count])).toEqual([
      ['a.one', 3],
      ['a.two', 1],
    ]);
    expect(byEvent.body[0]).toMatchObject({ label: 'a.one', start_time: '2026-12-04T00:10:00+00:00', end_time: '2026-12-05T23:59:59+00:00' });
    const byResource = await count('resource', { filter: { resource: { labels: { batch: label } }, occurred: window } });
    expect(byResource.body.map((b: { value: string; label: string; count: number }) => [b.value, b.label, b.count])).toEqual([
      ['r.1', 'new name', 2],
      ['r.2', 'second', 1],
      ['r.3', 'third', 1],
    ]);
  });

  it('refuses an unknown countable, a tiny interval and more than 1000 buckets', async () => {
    expect((await s.post('/api/events/count-by/flows', { filter: {} })).status).toBe(422);
    expect((await s.post('/api/events/count-by/time', { filter: {}, time_interval: 0.001 })).status).toBe(422);
    expect((await s.post('/api/events/count-by/time', {})).status).toBe(422);
    const many = await s.post('/api/events/count-by/time', { filter: { occurred: { since: '2026-01-01T00:00:00Z', until: '2026-12-01T00:00:00Z' } }, time_unit: 'hour' });
    expect(many.status).toBe(422);
    expect(many.body.detail).toMatch(/^The given interval would create \d+ buckets, which is too many\. Please increase the interval or reduce the time range to produce 1000 buckets or fewer\.$/);
  });
});

describe('retention (A1)', () => {
  it('deletes events older than SYNTASK_EVENTS_RETENTION_PERIOD with their related rows', async () => {
    const short = await startTestServer({ SYNTASK_EVENTS_RETENTION_PERIOD: 'P1D' });
    try {
      const related = [{ 'syntask.resource.id': 'acme.customer.1', 'syntask.resource.role': 'customer' }];
      const old = event({ occurred: new Date(Date.now() - 2 * 86_400_000).toISOString(), related });
      const recent = event({ occurred: new Date(Date.now() - 3_600_000).toISOString(), related });
      await short.post('/api/events', [old, recent]);
      await short.services.get('event_retention').runOnce();
      const left = await short.post('/api/events/filter', { filter: { related: { id: ['acme.customer.1'] } } });
      expect(left.body.events.map((e: { id: string }) => e.id)).toEqual([recent.id]);
      const rows = await short.ctx.db.kysely.selectFrom('event_resource').select('event_id').execute();
      expect(rows.map((r) => r.event_id)).toEqual([recent.id]);
    } finally {
      await short.close();
    }
  });
});

describe('long names and ids (indexed columns)', () => {
  it('600 four-byte characters are stored; 601 are refused with the field named', async () => {
    const long = '😀'.repeat(600);
    const ok = event({ event: long, resource: { 'syntask.resource.id': long }, related: [{ 'syntask.resource.id': long, 'syntask.resource.role': long }] });
    expect((await s.post('/api/events', [ok])).status).toBe(204);
    const tooLong = await s.post('/api/events', [event({ resource: { 'syntask.resource.id': `${long}😀` } })]);
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.exception_detail[0].loc).toEqual(['body', 0, 'resource', 'syntask.resource.id']);
  });
});
