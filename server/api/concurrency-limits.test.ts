import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('task concurrency limits by tag (contract §3.10 v1)', () => {
  it('upserts by tag keeping slots, reads by id and tag, filters by tag, resets, deletes', async () => {
    const created = await s.post('/api/concurrency_limits/', { tag: 'db', concurrency_limit: 2 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tag: 'db', concurrency_limit: 2, active_slots: [] });
    const slot = randomUUID();
    expect(await s.post('/api/concurrency_limits/tag/db/reset', { slot_override: [slot] })).toMatchObject({ status: 200, body: null });
    const updated = await s.post('/api/concurrency_limits/', { tag: 'db', concurrency_limit: 5 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, concurrency_limit: 5, active_slots: [slot] });
    expect((await s.get(`/api/concurrency_limits/${created.body.id}`)).body.tag).toBe('db');
    expect((await s.get('/api/concurrency_limits/tag/db')).body.id).toBe(created.body.id);
    await s.post('/api/concurrency_limits/', { tag: 'api', concurrency_limit: 1 });
    expect((await s.post('/api/concurrency_limits/filter', {})).body.map((l: { tag: string }) => l.tag)).toEqual(['api', 'db']);
    await s.post('/api/concurrency_limits/tag/db/reset', {});
    expect((await s.get('/api/concurrency_limits/tag/db')).body.active_slots).toEqual([]);
    expect(await s.delete('/api/concurrency_limits/tag/api')).toMatchObject({ status: 200, body: null });
    expect(await s.delete(`/api/concurrency_limits/${created.body.id}`)).toMatchObject({ status: 200, body: null });
    expect(await s.get('/api/concurrency_limits/tag/db')).toMatchObject({ status: 404, body: { detail: 'Concurrency limit not found' } });
    expect((await s.post('/api/concurrency_limits/tag/nope/reset', {})).status).toBe(404);
    expect((await s.post('/api/concurrency_limits/', { tag: 'neg', concurrency_limit: -1 })).status).toBe(422);
  });
});
