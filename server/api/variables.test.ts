import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('variables (contract §3.9)', () => {
  it('creates, reads by id and name, updates, deletes', async () => {
    const created = await s.post('/api/variables/', { name: 'db_host', value: 'localhost', tags: ['infra'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'db_host', value: 'localhost', tags: ['infra'] });
    expect((await s.get(`/api/variables/${created.body.id}`)).body).toEqual(created.body);
    expect((await s.get('/api/variables/name/db_host')).body.id).toBe(created.body.id);
    expect((await s.patch('/api/variables/name/db_host', { value: 'db.internal' })).status).toBe(204);
    expect((await s.patch(`/api/variables/${created.body.id}`, { name: 'db_hostname', tags: [] })).status).toBe(204);
    expect((await s.get(`/api/variables/${created.body.id}`)).body).toMatchObject({ name: 'db_hostname', value: 'db.internal', tags: [] });
    expect((await s.delete('/api/variables/name/db_hostname')).status).toBe(204);
    expect(await s.get(`/api/variables/${created.body.id}`)).toMatchObject({ status: 404, body: { detail: 'Variable not found.' } });
    expect((await s.delete(`/api/variables/${randomUUID()}`)).status).toBe(404);
  });

  it('enforces name pattern, length limits and uniqueness with clear errors', async () => {
    const bad = await s.post('/api/variables/', { name: 'Has-Caps', value: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.exception_detail[0].loc).toEqual(['body', 'name']);
    expect((await s.post('/api/variables/', { name: 'n'.repeat(256), value: 'x' })).status).toBe(422);
    expect((await s.post('/api/variables/', { name: 'big', value: 'v'.repeat(5001) })).body.exception_detail[0].loc).toEqual(['body', 'value']);
    expect((await s.post('/api/variables/', { name: 'big', value: 'v'.repeat(5000) })).status).toBe(201);
    expect((await s.post('/api/variables/', { name: 'big', value: 'again' })).status).toBe(409);
    await s.post('/api/variables/', { name: 'other', value: 'x' });
    expect((await s.patch('/api/variables/name/other', { name: 'big' })).status).toBe(409);
  });

  it('filters by name, value, tags; sorts; counts', async () => {
    for (const [name, value, tags] of [
      ['f_alpha', 'one', ['a']],
      ['f_beta', 'two', ['a', 'b']],
      ['f_gamma', 'three', []],
    ] as const) await s.post('/api/variables/', { name, value, tags });
    const names = async (body: object) => (await s.post('/api/variables/filter', { variables: { name: { like_: 'f_' } }, ...body })).body.map((v: { name: string }) => v.name);
    expect(await names({})).toEqual(['f_alpha', 'f_beta', 'f_gamma']);
    expect(await names({ sort: 'NAME_DESC' })).toEqual(['f_gamma', 'f_beta', 'f_alpha']);
    expect(await names({ variables: { name: { like_: 'f_' }, value: { like_: 'T' } } })).toEqual(['f_beta', 'f_gamma']);
    expect(await names({ variables: { name: { like_: 'f_' }, tags: { all_: ['a', 'b'] } } })).toEqual(['f_beta']);
    expect(await names({ variables: { name: { like_: 'f_' }, tags: { is_null_: true } } })).toEqual(['f_gamma']);
    expect(await names({ variables: { name: { any_: ['f_alpha'] }, value: { any_: ['one'] } } })).toEqual(['f_alpha']);
    expect((await s.post('/api/variables/count', { variables: { name: { like_: 'f_' } } })).body).toBe(3);
  });
});

describe('saved searches (contract §3.12)', () => {
  it('upserts by name replacing filters, reads, lists by name, deletes', async () => {
    const filters = [{ object: 'flow_run', property: 'state', type: 'state', operation: 'or', value: ['FAILED'] }];
    const created = await s.put('/api/saved_searches/', { name: 'failures', filters });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'failures', filters });
    const updated = await s.put('/api/saved_searches/', { name: 'failures', filters: [] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: created.body.id, filters: [] });
    await s.put('/api/saved_searches/', { name: 'a-first' });
    expect((await s.post('/api/saved_searches/filter', {})).body.map((x: { name: string }) => x.name)).toEqual(['a-first', 'failures']);
    expect((await s.get(`/api/saved_searches/${created.body.id}`)).body.name).toBe('failures');
    expect((await s.delete(`/api/saved_searches/${created.body.id}`)).status).toBe(204);
    expect(await s.get(`/api/saved_searches/${created.body.id}`)).toMatchObject({ status: 404, body: { detail: 'Saved search not found' } });
    expect((await s.put('/api/saved_searches/', { name: 'x', filters: [{ object: 'flow_run' }] })).status).toBe(422);
  });
});
