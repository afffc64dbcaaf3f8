import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeFlowRun } from '../testing/fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('flows (contract §3.1)', () => {
  it('creates (201), upserts by name unchanged (200), reads by id and name', async () => {
    const created = await s.post('/api/flows/', { name: 'upsert-me', tags: ['a'] });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), created: expect.any(String), updated: expect.any(String), name: 'upsert-me', tags: ['a'] });
    const again = await s.post('/api/flows/', { name: 'upsert-me', tags: ['changed'] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    expect((await s.get(`/api/flows/${created.body.id}`)).body).toEqual(created.body);
    expect((await s.get('/api/flows/name/upsert-me')).body).toEqual(created.body);
  });

  it('patches tags (204) and answers 404 for missing flows', async () => {
    const flow = (await s.post('/api/flows/', { name: 'patch-me' })).body;
    expect((await s.patch(`/api/flows/${flow.id}`, { tags: ['x', 'y'] })).status).toBe(204);
    expect((await s.get(`/api/flows/${flow.id}`)).body.tags).toEqual(['x', 'y']);
    const missing = randomUUID();
    expect(await s.get(`/api/flows/${missing}`)).toMatchObject({ status: 404, body: { detail: 'Flow not found' } });
    expect(await s.get('/api/flows/name/nope')).toMatchObject({ status: 404, body: { detail: 'Flow not found' } });
    expect((await s.patch(`/api/flows/${missing}`, { tags: [] })).status).toBe(404);
    expect((await s.delete(`/api/flows/${missing}`)).status).toBe(404);
  });

  it('deleting a flow deletes its runs', async () => {
    const flow = (await s.post('/api/flows/', { name: 'delete-me' })).body;
    const run = await makeFlowRun(s, { flow_id: flow.id });
    expect((await s.delete(`/api/flows/${flow.id}`)).status).toBe(204);
    expect((await s.get(`/api/flow_runs/${run.id}`)).status).toBe(404);
  });

  it.each(['a/b', 'a%b', 'a&b', 'a>b', 'a<b'])('refuses the name %s with 422 naming the field', async (name) => {
    const res = await s.post('/api/flows/', { name });
    expect(res.status).toBe(422);
    expect(res.body.exception_detail[0].loc).toEqual(['body', 'name']);
  });

  it('refuses unknown keys, missing names and wrong types', async () => {
    expect((await s.post('/api/flows/', { name: 'ok', extra: 1 })).body.exception_detail).toEqual([{ loc: ['body', 'extra'], msg: 'extra fields not permitted', type: 'value_error.extra' }]);
    expect((await s.post('/api/flows/', {})).body.exception_detail).toEqual([{ loc: ['body', 'name'], msg: 'field required', type: 'value_error.missing' }]);
    const wrong = await s.post('/api/flows/', { name: 5, tags: 'x' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.exception_message).toBe('Invalid request received.');
    expect(wrong.body.request_body).toEqual({ name: 5, tags: 'x' });
    expect(wrong.body.exception_detail.map((d: { loc: string[] }) => d.loc)).toEqual(expect.arrayContaining([['body', 'name'], ['body', 'tags']]));
  });

  describe('filter and count', () => {
    beforeAll(async () => {
      await s.post('/api/flows/', { name: 'f-alpha', tags: ['etl', 'nightly'] });
      await s.post('/api/flows/', { name: 'f-beta', tags: ['etl'] });
      await s.post('/api/flows/', { name: 'f-gamma', tags: [] });
    });
    const filter = async (body: object) => (await s.post('/api/flows/filter', { flows: { name: { like_: 'f-' } }, ...body })).body;

    it('by id, name any_/like_, tags all_/is_null_ and operator', async () => {
      const all = await filter({});
      expect(names(all)).toEqual(['f-alpha', 'f-beta', 'f-gamma']);
      expect(names(await filter({ flows: { id: { any_: [all[1].id] } } }))).toEqual(['f-beta']);
      expect(names(await filter({ flows: { name: { any_: ['f-alpha', 'f-gamma'] } } }))).toEqual(['f-alpha', 'f-gamma']);
      expect(names(await filter({ flows: { name: { like_: 'ALP' } } }))).toEqual(['f-alpha']);
      expect(names(await filter({ flows: { name: { like_: 'f-' }, tags: { all_: ['etl', 'nightly'] } } }))).toEqual(['f-alpha']);
      expect(names(await filter({ flows: { name: { like_: 'f-' }, tags: { is_null_: true } } }))).toEqual(['f-gamma']);
      expect(names(await filter({ flows: { name: { like_: 'f-' }, tags: { is_null_: false } } }))).toEqual(['f-alpha', 'f-beta']);
      expect(names(await filter({ flows: { operator: 'or_', name: { any_: ['f-gamma'] }, tags: { all_: ['nightly'] } } }))).toEqual(['f-alpha', 'f-gamma']);
      expect(names(await filter({ flows: { id: { any_: [] } } }))).toEqual([]);
    });

    it('flows without deployments, and by their runs', async () => {
      expect(names(await filter({ flows: { name: { like_: 'f-' }, deployment: { is_null_: true } } }))).toEqual(['f-alpha', 'f-beta', 'f-gamma']);
      expect(names(await filter({ flows: { name: { like_: 'f-' }, deployment: { is_null_: false } } }))).toEqual([]);
      const beta = (await s.get('/api/flows/name/f-beta')).body;
      await makeFlowRun(s, { flow_id: beta.id, tags: ['marker'] });
      expect(names(await filter({ flow_runs: { tags: { all_: ['marker'] } } }))).toEqual(['f-beta']);
    });

    it('sorts, paginates and counts', async () => {
      expect(names(await filter({ sort: 'NAME_DESC' }))).toEqual(['f-gamma', 'f-beta', 'f-alpha']);
      expect(names(await filter({ sort: 'CREATED_DESC' }))).toEqual(['f-gamma', 'f-beta', 'f-alpha']);
      expect(names(await filter({ sort: 'NAME_ASC', limit: 1, offset: 1 }))).toEqual(['f-beta']);
      expect(await filter({ limit: 0 })).toEqual([]);
      expect((await s.post('/api/flows/count', { flows: { name: { like_: 'f-' } } })).body).toBe(3);
      expect((await s.post('/api/flows/filter', { sort: 'BOGUS' })).status).toBe(422);
    });

    it('enforces the limit bounds with the contract messages', async () => {
      expect(await s.post('/api/flows/filter', { limit: 201 })).toMatchObject({ status: 422, body: { detail: 'Invalid limit: must be less than or equal to 200.' } });
      expect(await s.post('/api/flows/filter', { limit: -1 })).toMatchObject({ status: 422, body: { detail: 'Invalid limit: must be greater than or equal to 0.' } });
      expect((await s.post('/api/flows/filter', { offset: -1 })).status).toBe(422);
      expect((await s.post('/api/flows/filter', { limit: 200 })).status).toBe(200);
    });

    it('ignores unknown top-level keys but refuses unknown keys inside filter objects', async () => {
      expect((await s.post('/api/flows/filter', { whatever: 1 })).status).toBe(200);
      const res = await s.post('/api/flows/filter', { flows: { nam: {} } });
      expect(res.status).toBe(422);
      expect(res.body.exception_detail[0].loc).toEqual(['body', 'flows', 'nam']);
    });

    it('accepts no body at all and null criteria', async () => {
      const res = await fetch(`${s.api}/flows/filter`, { method: 'POST' });
      expect(res.status).toBe(200);
      expect((await s.post('/api/flows/filter', { flows: { name: null, tags: { all_: null } } })).status).toBe(200);
    });
  });
});
