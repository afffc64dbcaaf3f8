import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

const BASE = '/api/v2/concurrency_limits';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

/** A fresh name per test: the tests share one server. */
const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const create = async (body: Record<string, unknown>) => {
  const res = await s.post(`${BASE}/`, body);
  expect(res.status).toBe(201);
  return res.body as { id: string; name: string; limit: number };
};
const read = async (idOrName: string) => (await s.post(`${BASE}/filter`, {})).body.find((l: { id: string; name: string }) => l.id === idOrName || l.name === idOrName);
const increment = (names: string[], slots = 1, mode?: string) => s.post(`${BASE}/increment`, { names, slots, ...(mode ? { mode } : {}) });
const decrement = (names: string[], slots = 1, occupancy_seconds?: number) => s.post(`${BASE}/decrement`, { names, slots, ...(occupancy_seconds !== undefined ? { occupancy_seconds } : {}) });

describe('global concurrency limits: objects (contract §3.10 v2)', () => {
  it('creates with the defaults (201, every field), refuses a duplicate name (409)', async () => {
    const name = fresh('warehouse');
    const res = await s.post(`${BASE}/`, { name, limit: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created: expect.stringMatching(/\+00:00$/),
      updated: expect.stringMatching(/\+00:00$/),
      active: true,
      name,
      limit: 3,
      active_slots: 0,
      denied_slots: 0,
      slot_decay_per_second: 0,
      avg_slot_occupancy_seconds: 2,
    });
    const full = await create({ name: fresh('api'), limit: 10, active: false, active_slots: 4, denied_slots: 7, slot_decay_per_second: 0.5 });
    expect(full).toMatchObject({ active: false, limit: 10, active_slots: 4, denied_slots: 7, slot_decay_per_second: 0.5 });
    const dup = await s.post(`${BASE}/`, { name, limit: 1 });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toContain(name);
    expect((await s.post(`${BASE}`, { name: fresh('no-slash'), limit: 1 })).status).toBe(201);
  });

  it('validates names (§1.10), limit, counts and decay; unknown keys are refused (422)', async () => {
    for (const bad of ['a/b', 'a%b', 'a&b', 'a>b', 'a<b', '']) {
      const res = await s.post(`${BASE}/`, { name: bad, limit: 1 });
      expect(res.status, bad).toBe(422);
      expect(res.body.exception_detail[0].loc).toEqual(['body', 'name']);
    }
    const cases: [Record<string, unknown>, string][] = [
      [{ limit: 1 }, 'name'],
      [{ name: fresh('x') }, 'limit'],
      [{ name: fresh('x'), limit: -1 }, 'limit'],
      [{ name: fresh('x'), limit: 1.5 }, 'limit'],
      [{ name: fresh('x'), limit: 1, active_slots: -1 }, 'active_slots'],
      [{ name: fresh('x'), limit: 1, denied_slots: -1 }, 'denied_slots'],
      [{ name: fresh('x'), limit: 1, slot_decay_per_second: -0.1 }, 'slot_decay_per_second'],
      [{ name: fresh('x'), limit: 1, avg_slot_occupancy_seconds: 3 }, 'avg_slot_occupancy_seconds'],
      [{ name: fresh('x'), limit: 1, active: 'yes' }, 'active'],
    ];
    for (const [body, field] of cases) {
      const res = await s.post(`${BASE}/`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body).toMatchObject({ exception_message: 'Invalid request received.', request_body: body });
      expect(res.body.exception_detail[0].loc.at(-1)).toBe(field);
    }
    expect((await create({ name: fresh('zero'), limit: 0 })).limit).toBe(0);
  });

  it('reads by id or name without the last two fields; unknown → 404', async () => {
    const l = await create({ name: fresh('read'), limit: 2, slot_decay_per_second: 1 });
    for (const key of [l.id, l.id.toUpperCase(), encodeURIComponent(l.name)]) {
      const res = await s.get(`${BASE}/${key}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['active', 'active_slots', 'created', 'denied_slots', 'id', 'limit', 'name', 'updated']);
      expect(res.body).toMatchObject({ id: l.id, name: l.name, limit: 2, active: true, active_slots: 0, denied_slots: 0 });
    }
    expect(await s.get(`${BASE}/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'Concurrency Limit not found' } });
    expect(await s.get(`${BASE}/no-such-limit`)).toMatchObject({ status: 404, body: { detail: 'Concurrency Limit not found' } });
  });

  it('updates by id or name (204, only the keys sent; null leaves a field alone); rename conflicts 409; unknown 404', async () => {
    const l = await create({ name: fresh('upd'), limit: 2 });
    const other = await create({ name: fresh('other'), limit: 1 });
    const res = await s.patch(`${BASE}/${l.id}`, { limit: 8, active: false });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(await read(l.id)).toMatchObject({ name: l.name, limit: 8, active: false, active_slots: 0, slot_decay_per_second: 0 });
    const renamed = fresh('renamed');
    expect((await s.patch(`${BASE}/${encodeURIComponent(l.name)}`, { name: renamed, active_slots: 3, denied_slots: 1, slot_decay_per_second: 2.5, limit: null })).status).toBe(204);
    expect(await read(l.id)).toMatchObject({ name: renamed, limit: 8, active_slots: 3, denied_slots: 1, slot_decay_per_second: 2.5 });
    expect(await s.patch(`${BASE}/${l.id}`, { name: other.name })).toMatchObject({ status: 409 });
    expect((await s.patch(`${BASE}/${l.id}`, { name: renamed })).status).toBe(204);
    expect((await s.patch(`${BASE}/${l.id}`, { avg_slot_occupancy_seconds: 1 })).status).toBe(422);
    expect((await s.patch(`${BASE}/${l.id}`, { limit: -1 })).status).toBe(422);
    expect((await s.patch(`${BASE}/${l.id}`, { name: 'a/b' })).status).toBe(422);
    expect(await s.patch(`${BASE}/${randomUUID()}`, { limit: 1 })).toMatchObject({ status: 404, body: { detail: 'Concurrency Limit not found' } });
    expect((await s.patch(`${BASE}/nope-${randomUUID()}`, { limit: 1 })).status).toBe(404);
  });

  it('deletes by id or name (204); a second delete is 404', async () => {
    const a = await create({ name: fresh('del'), limit: 1 });
    const b = await create({ name: fresh('del'), limit: 1 });
    expect(await s.delete(`${BASE}/${a.id}`)).toMatchObject({ status: 204, text: '' });
    expect(await s.delete(`${BASE}/${encodeURIComponent(b.name)}`)).toMatchObject({ status: 204, text: '' });
    expect(await s.delete(`${BASE}/${a.id}`)).toMatchObject({ status: 404, body: { detail: 'Concurrency Limit not found' } });
    expect((await s.get(`${BASE}/${b.id}`)).status).toBe(404);
  });

  it('filters by name with limit and offset (every field), checking the bounds', async () => {
    const prefix = fresh('page');
    for (const n of ['c', 'a', 'b']) await create({ name: `${prefix}-${n}`, limit: 1 });
    const all = (await s.post(`${BASE}/filter`, {})).body as { name: string }[];
    const mine = all.filter((l) => l.name.startsWith(prefix)).map((l) => l.name);
    expect(mine).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    expect(all.map((l) => l.name)).toEqual([...all.map((l) => l.name)].sort());
    expect(Object.keys(all[0]).sort()).toEqual(['active', 'active_slots', 'avg_slot_occupancy_seconds', 'created', 'denied_slots', 'id', 'limit', 'name', 'slot_decay_per_second', 'updated']);
    const start = all.findIndex((l) => l.name === `${prefix}-a`);
    expect((await s.post(`${BASE}/filter`, { limit: 2, offset: start + 1 })).body.map((l: { name: string }) => l.name)).toEqual(all.slice(start + 1, start + 3).map((l) => l.name));
    expect((await s.post(`${BASE}/filter`, { limit: 0 })).body).toEqual([]);
    expect(await s.post(`${BASE}/filter`, { limit: 201 })).toMatchObject({ status: 422, body: { detail: 'Invalid limit: must be less than or equal to 200.' } });
    expect(await s.post(`${BASE}/filter`, { offset: -1 })).toMatchObject({ status: 422 });
  });
});

describe('global concurrency limits: slots', () => {
  it('increments every active named limit and answers [{id, name, limit}] in the order asked', async () => {
    const a = await create({ name: fresh('inc-a'), limit: 3 });
    const b = await create({ name: fresh('inc-b'), limit: 5 });
    const res = await increment([b.name, a.name], 2);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: b.id, name: b.name, limit: 5 },
      { id: a.id, name: a.name, limit: 3 },
    ]);
    expect((await read(a.id)).active_slots).toBe(2);
    expect((await read(b.id)).active_slots).toBe(2);
    expect((await s.get(`${BASE}/${a.id}`)).body.active_slots).toBe(2);
  });

  it('creates unknown names as inactive limits of 1 and ignores inactive limits', async () => {
    const name = fresh('unknown');
    const res = await increment([name], 5);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: expect.any(String), name, limit: 1 }]);
    expect(await read(name)).toMatchObject({ active: false, limit: 1, active_slots: 0, denied_slots: 0 });
    // Inactive: neither "slots > limit" nor "full" applies, and nothing is counted.
    expect((await increment([name], 5)).status).toBe(200);
    expect((await increment([name], 1, 'rate_limit')).status).toBe(200);
    expect((await read(name)).active_slots).toBe(0);
    const active = await create({ name: fresh('with-inactive'), limit: 1 });
    expect((await increment([name, active.name], 1)).status).toBe(200);
    expect((await read(active.id)).active_slots).toBe(1);
    expect((await decrement([name], 1)).body).toEqual([{ id: expect.any(String), name, limit: 1 }]);
  });

  it('refuses bad bodies, slots over a limit and rate limits without decay (422)', async () => {
    const l = await create({ name: fresh('bad'), limit: 2 });
    for (const body of [{ names: [l.name], slots: 0 }, { names: [l.name], slots: -1 }, { names: [l.name] }, { names: [], slots: 1 }, { slots: 1 }, { names: [l.name], slots: 1, mode: 'burst' }, { names: ['a/b'], slots: 1 }, { names: l.name, slots: 1 }]) {
      expect((await s.post(`${BASE}/increment`, body)).status, JSON.stringify(body)).toBe(422);
    }
    const over = await increment([l.name], 3);
    expect(over.status).toBe(422);
    expect(over.body.detail).toContain(l.name);
    const rate = await increment([l.name], 1, 'rate_limit');
    expect(rate.status).toBe(422);
    expect(rate.body.detail).toMatch(/decay/);
    const zero = await create({ name: fresh('zero'), limit: 0 });
    expect((await increment([zero.name], 1)).status).toBe(422);
    expect(await read(l.id)).toMatchObject({ active_slots: 0, denied_slots: 0 });
    // Unknown top-level keys of a multi-key body are ignored.
    expect((await s.post(`${BASE}/increment`, { names: [l.name], slots: 1, create_if_missing: false })).status).toBe(200);
  });

  it('answers 423 with Retry-After when full, counts the denied slots, and takes nothing from the others', async () => {
    const full = await create({ name: fresh('full'), limit: 2 });
    const roomy = await create({ name: fresh('roomy'), limit: 10 });
    expect((await increment([full.name], 2)).status).toBe(200);
    const res = await increment([roomy.name, full.name], 1);
    expect(res.status).toBe(423);
    expect(res.body.detail).toContain(full.name);
    // No decay: estimated from the average occupancy (2 s) over the limit's 2 slots.
    expect(Number(res.headers.get('retry-after'))).toBeCloseTo(1, 5);
    expect(await read(full.id)).toMatchObject({ active_slots: 2, denied_slots: 1 });
    expect(await read(roomy.id)).toMatchObject({ active_slots: 0, denied_slots: 0 });
    expect((await increment([full.name], 2)).status).toBe(423);
    expect((await read(full.id)).denied_slots).toBe(3);
    expect((await decrement([full.name], 1)).status).toBe(200);
    expect((await increment([roomy.name, full.name], 1)).status).toBe(200);
    expect(await read(roomy.id)).toMatchObject({ active_slots: 1 });
  });

  it('decrements (never below 0), keeps the average occupancy, ignores unknown names', async () => {
    const l = await create({ name: fresh('dec'), limit: 2 });
    await increment([l.name], 2);
    const res = await decrement([l.name, 'never-created-' + randomUUID()], 1, 3);
    expect(res).toMatchObject({ status: 200, body: [{ id: l.id, name: l.name, limit: 2 }] });
    // 2 + (3 - 2) / (limit 2 × 2)
    expect(await read(l.id)).toMatchObject({ active_slots: 1, avg_slot_occupancy_seconds: 2.25 });
    await decrement([l.name], 5, 1);
    // A sample is per slot: 1 s over 5 slots → 0.2 s.
    expect(await read(l.id)).toMatchObject({ active_slots: 0 });
    expect((await read(l.id)).avg_slot_occupancy_seconds).toBeCloseTo(2.25 + (0.2 - 2.25) / 4, 10);
    expect((await decrement(['never-created-' + randomUUID()], 1)).body).toEqual([]);
    for (const body of [{ names: [l.name], slots: 0 }, { names: [], slots: 1 }, { names: [l.name], slots: 1, occupancy_seconds: 0 }, { names: [l.name], slots: 1, occupancy_seconds: -2 }, { names: [l.name], slots: 1, occupancy_seconds: 'soon' }]) {
      expect((await s.post(`${BASE}/decrement`, body)).status, JSON.stringify(body)).toBe(422);
    }
    expect((await s.post(`${BASE}/decrement`, { names: [l.name], slots: 1, occupancy_seconds: 'PT1S' })).status).toBe(200);
  });
});

describe('global concurrency limits: slot decay (rate limits)', () => {
  it('frees slots continuously; a full rate limit answers 423 with the exact wait, then admits again', async () => {
    const l = await create({ name: fresh('partner-api'), limit: 2, slot_decay_per_second: 5 });
    expect((await increment([l.name], 2, 'rate_limit')).status).toBe(200);
    const locked = await increment([l.name], 1, 'rate_limit');
    expect(locked.status).toBe(423);
    // One slot decays every 0.2 s.
    const wait = Number(locked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(0.21);
    await sleep(250);
    // At least one slot decayed (two if the machine is slow).
    expect((await read(l.id)).active_slots).toBeLessThanOrEqual(1);
    expect((await s.get(`${BASE}/${l.id}`)).body.active_slots).toBeLessThanOrEqual(1);
    expect((await increment([l.name], 1, 'rate_limit')).status).toBe(200);
    await sleep(450);
    expect(await read(l.id)).toMatchObject({ active_slots: 0, denied_slots: 1 });
    // A decaying limit also works as a concurrency limit, released or not.
    expect((await increment([l.name], 2)).status).toBe(200);
  });

  it('keeps partial progress between writes (frequent requests do not stop the decay)', async () => {
    const l = await create({ name: fresh('steady'), limit: 10, slot_decay_per_second: 4 });
    await increment([l.name], 4, 'rate_limit');
    // A write every 150 ms, quicker than one slot decays (250 ms): 4 slots at 4/s are still gone after ~1 s.
    for (let i = 0; i < 8; i++) {
      await sleep(150);
      await increment([l.name], 1);
      await decrement([l.name], 1);
    }
    expect((await read(l.id)).active_slots).toBe(0);
  });

  it('PATCH of active_slots or decay restarts from the new value', async () => {
    const l = await create({ name: fresh('patched'), limit: 5, slot_decay_per_second: 100 });
    await s.patch(`${BASE}/${l.id}`, { active_slots: 5, slot_decay_per_second: 0 });
    await sleep(50);
    expect((await read(l.id)).active_slots).toBe(5);
  });
});

describe('global concurrency limits under concurrency', () => {
  it('20 parallel increments on a limit of 5: exactly 5 succeed, 15 are denied', async () => {
    const l = await create({ name: fresh('race'), limit: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => increment([l.name], 1)));
    const codes = results.map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 423)).toHaveLength(15);
    expect(await read(l.id)).toMatchObject({ active_slots: 5, denied_slots: 15 });
    const released = await Promise.all(Array.from({ length: 5 }, () => decrement([l.name], 1, 1)));
    expect(released.every((r) => r.status === 200)).toBe(true);
    expect((await read(l.id)).active_slots).toBe(0);
  });

  it('parallel multi-name increments in opposite orders neither deadlock nor exceed any limit', async () => {
    const a = await create({ name: fresh('pair-a'), limit: 3 });
    const b = await create({ name: fresh('pair-b'), limit: 4 });
    const results = await Promise.all(Array.from({ length: 16 }, (_, i) => increment(i % 2 ? [a.name, b.name] : [b.name, a.name], 1)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.every((r) => r.status === 200 || r.status === 423)).toBe(true);
    expect(await read(a.id)).toMatchObject({ active_slots: 3 });
    expect(await read(b.id)).toMatchObject({ active_slots: 3 });
  });

  it('parallel first uses of one unknown name create it once', async () => {
    const name = fresh('new');
    const results = await Promise.all(Array.from({ length: 10 }, () => increment([name], 1)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body[0].id)).size).toBe(1);
    expect((await s.post(`${BASE}/filter`, {})).body.filter((l: { name: string }) => l.name === name)).toHaveLength(1);
  });
});
