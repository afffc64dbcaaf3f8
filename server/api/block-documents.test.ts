import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
const MASK = '********';

/** A built-in type and its schema. */
async function builtin(slug: string) {
  const type = (await s.get(`/api/block_types/slug/${slug}`)).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  return { type, schema, create: (name: string | null, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => s.post('/api/block_documents/', { name, data, block_schema_id: schema.id, block_type_id: type.id, ...extra }) };
}

let secret: Awaited<ReturnType<typeof builtin>>;
let creds: Awaited<ReturnType<typeof builtin>>;
let connection: Awaited<ReturnType<typeof builtin>>;
let json: Awaited<ReturnType<typeof builtin>>;

beforeAll(async () => {
  s = await startTestServer();
  secret = await builtin('secret');
  creds = await builtin('database-credentials');
  connection = await builtin('database-connection');
  json = await builtin('json');
});
afterAll(() => s.close());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('block documents (contract §3.8)', () => {
  it('creates a masked document (201) with every field, reads it, include_secrets shows the value', async () => {
    const res = await secret.create('api-key', { value: 'sk-live-123' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      created: expect.any(String),
      updated: expect.any(String),
      name: 'api-key',
      data: { value: MASK },
      block_schema_id: secret.schema.id,
      block_schema: secret.schema,
      block_type_id: secret.type.id,
      block_type_name: 'Secret',
      block_type: secret.type,
      block_document_references: {},
      is_anonymous: false,
    });
    expect((await s.get(`/api/block_documents/${res.body.id}`)).body).toEqual(res.body);
    expect((await s.get(`/api/block_documents/${res.body.id}?include_secrets=true`)).body.data).toEqual({ value: 'sk-live-123' });
    expect(await s.get(`/api/block_documents/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'Block document not found' } });
  });

  it('names: required unless anonymous (422), slug-like (422), unique per type (409); anonymous ones get anonymous-<uuid>', async () => {
    const missing = await secret.create(null, { value: 'x' });
    expect(missing.status).toBe(422);
    expect(missing.body.exception_detail[0].loc).toEqual(['body', 'name']);
    expect((await secret.create('Not A Slug', { value: 'x' })).body.exception_detail[0].loc).toEqual(['body', 'name']);
    expect((await secret.create('taken', { value: 'x' })).status).toBe(201);
    expect(await secret.create('taken', { value: 'y' })).toMatchObject({ status: 409, body: { detail: 'Block already exists' } });
    // The same name in another type is fine.
    expect((await json.create('taken', { value: 1 })).status).toBe(201);
    const anonymous = await secret.create(null, { value: 'x' }, { is_anonymous: true });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body.name).toBe(`anonymous-${anonymous.body.id}`);
    expect(anonymous.body.is_anonymous).toBe(true);
  });

  it('refuses unknown schemas (404), unknown types (404) and a schema of another type (422)', async () => {
    expect(await s.post('/api/block_documents/', { name: 'x', block_schema_id: randomUUID(), block_type_id: secret.type.id })).toMatchObject({ status: 404, body: { detail: 'Block schema not found' } });
    expect(await s.post('/api/block_documents/', { name: 'x', block_schema_id: secret.schema.id, block_type_id: randomUUID() })).toMatchObject({ status: 404, body: { detail: 'Block type not found' } });
    const mismatch = await s.post('/api/block_documents/', { name: 'x', block_schema_id: secret.schema.id, block_type_id: json.type.id });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.exception_detail[0].loc).toEqual(['body', 'block_schema_id']);
    expect((await s.post('/api/block_documents/', { name: 'x', block_schema_id: secret.schema.id, block_type_id: secret.type.id, data: 'no' })).status).toBe(422);
  });

  it('patch merges top-level keys by default, replaces with merge_existing_data=false, keeps masked secrets', async () => {
    const webhook = await builtin('webhook');
    const doc = (await webhook.create('hook', { url: 'https://hooks.example/T0/SECRET', method: 'POST', headers: { Authorization: 'Bearer tok-1', 'X-Env': 'prod' } })).body;
    expect(doc.data).toEqual({ url: MASK, method: 'POST', headers: { Authorization: MASK, 'X-Env': MASK } });
    expect((await s.patch(`/api/block_documents/${doc.id}`, { data: { method: 'PUT' } })).status).toBe(204);
    expect((await s.get(`/api/block_documents/${doc.id}?include_secrets=true`)).body.data).toEqual({ url: 'https://hooks.example/T0/SECRET', method: 'PUT', headers: { Authorization: 'Bearer tok-1', 'X-Env': 'prod' } });
    // Sending the masks back keeps the stored values; a new value replaces.
    await s.patch(`/api/block_documents/${doc.id}`, { data: { url: MASK, headers: { Authorization: MASK, 'X-Env': 'staging' } } });
    expect((await s.get(`/api/block_documents/${doc.id}?include_secrets=true`)).body.data).toEqual({ url: 'https://hooks.example/T0/SECRET', method: 'PUT', headers: { Authorization: 'Bearer tok-1', 'X-Env': 'staging' } });
    await s.patch(`/api/block_documents/${doc.id}`, { data: { url: MASK }, merge_existing_data: false });
    expect((await s.get(`/api/block_documents/${doc.id}?include_secrets=true`)).body.data).toEqual({ url: 'https://hooks.example/T0/SECRET' });
    expect((await s.patch(`/api/block_documents/${doc.id}`, { block_schema_id: secret.schema.id })).status).toBe(400);
    expect((await s.patch(`/api/block_documents/${randomUUID()}`, { data: {} })).status).toBe(404);
    expect((await s.patch(`/api/block_documents/${doc.id}`, { name: 'rename' })).status).toBe(422);
    expect((await s.delete(`/api/block_documents/${doc.id}`)).status).toBe(204);
    expect((await s.delete(`/api/block_documents/${doc.id}`)).status).toBe(404);
  });
});

describe('references between documents', () => {
  it('stores $ref values as references and returns them inlined and listed, secrets masked in the referenced document', async () => {
    const c = (await creds.create('prod-creds', { user: 'etl', password: 'pw-prod-1' })).body;
    const res = await connection.create('warehouse', { host: 'db.internal', port: 5432, database: 'dw', credentials: { $ref: { block_document_id: c.id } } });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ host: 'db.internal', port: 5432, database: 'dw', credentials: { user: 'etl', password: MASK } });
    expect(res.body.block_document_references).toEqual({
      credentials: { block_document: { id: c.id, name: 'prod-creds', block_type: creds.type, is_anonymous: false, block_document_references: {} } },
    });
    expect(res.text).not.toContain('pw-prod-1');
    const full = (await s.get(`/api/block_documents/${res.body.id}?include_secrets=true`)).body;
    expect(full.data.credentials).toEqual({ user: 'etl', password: 'pw-prod-1' });
    // A change to the referenced document shows through the reference.
    await s.patch(`/api/block_documents/${c.id}`, { data: { password: 'pw-prod-2' } });
    expect((await s.get(`/api/block_documents/${res.body.id}?include_secrets=true`)).body.data.credentials.password).toBe('pw-prod-2');
    // Deleting the referenced document removes the reference.
    await s.delete(`/api/block_documents/${c.id}`);
    const after = (await s.get(`/api/block_documents/${res.body.id}`)).body;
    expect(after.block_document_references).toEqual({});
    expect(after.data).toEqual({ host: 'db.internal', port: 5432, database: 'dw' });
  });

  it('nested references resolve at every depth', async () => {
    const leaf = (await json.create('leaf', { value: { n: 3 } })).body;
    const middle = (await json.create('middle', { value: 'm', inner: { $ref: { block_document_id: leaf.id } } })).body;
    const top = (await json.create('top', { value: 't', child: { $ref: { block_document_id: middle.id } } })).body;
    expect(top.data).toEqual({ value: 't', child: { value: 'm', inner: { value: { n: 3 } } } });
    expect(top.block_document_references.child.block_document.block_document_references.inner.block_document).toMatchObject({ id: leaf.id, name: 'leaf' });
    const listed = (await s.post('/api/block_documents/filter', { block_documents: { name: { any_: ['top'] } } })).body;
    expect(listed[0].data).toEqual(top.data);
  });

  it('refuses missing targets, malformed references, wrong types, self references and cycles with 422 naming the key', async () => {
    const loc = (res: { body: { exception_detail: { loc: unknown[] }[] } }) => res.body.exception_detail[0].loc;
    const missing = await json.create('dangling', { value: 1, other: { $ref: { block_document_id: randomUUID() } } });
    expect(missing.status).toBe(422);
    expect(loc(missing)).toEqual(['body', 'data', 'other']);
    const malformed = await json.create('malformed', { value: 1, other: { $ref: 'nope' } });
    expect(malformed.status).toBe(422);
    expect(loc(malformed)).toEqual(['body', 'data', 'other']);
    const notCreds = (await json.create('not-creds', { value: 1 })).body;
    const wrongType = await connection.create('wrong-type', { host: 'h', database: 'd', credentials: { $ref: { block_document_id: notCreds.id } } });
    expect(wrongType.status).toBe(422);
    expect(loc(wrongType)).toEqual(['body', 'data', 'credentials']);

    const a = (await json.create('cycle-a', { value: 'a' })).body;
    const b = (await json.create('cycle-b', { value: 'b', next: { $ref: { block_document_id: a.id } } })).body;
    const self = await s.patch(`/api/block_documents/${a.id}`, { data: { me: { $ref: { block_document_id: a.id } } } });
    expect(self.status).toBe(422);
    const cycle = await s.patch(`/api/block_documents/${a.id}`, { data: { next: { $ref: { block_document_id: b.id } } } });
    expect(cycle.status).toBe(422);
    expect(loc(cycle)).toEqual(['body', 'data', 'next']);
    expect(cycle.body.exception_detail[0].msg).toContain('cycle');
    expect((await s.get(`/api/block_documents/${a.id}`)).body.block_document_references).toEqual({});
    // Replacing a reference by a value works.
    expect((await s.patch(`/api/block_documents/${b.id}`, { data: { next: 'plain' } })).status).toBe(204);
    expect((await s.get(`/api/block_documents/${b.id}`)).body).toMatchObject({ data: { value: 'b', next: 'plain' }, block_document_references: {} });
  });
});

describe('filter and count', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {};
    for (const [name, block, anonymous] of [
      ['f-alpha', json, false],
      ['f-beta', json, false],
      ['f-gamma', secret, false],
      [null, json, true],
    ] as const) {
      const res = await block.create(name, { value: 'v' }, { is_anonymous: anonymous });
      ids[name ?? 'anon'] = res.body.id;
    }
  });
  const mine = (n: string) => n.startsWith('f-') || n === `anonymous-${ids.anon}`;
  const filter = (body: Record<string, unknown>) => s.post('/api/block_documents/filter', body).then((r) => names(r.body).filter(mine));
  const count = (body: Record<string, unknown>) => s.post('/api/block_documents/count', body).then((r) => r.body as number);

  it('hides anonymous documents by default, also without a filter; is_anonymous null includes them', async () => {
    expect(await filter({})).toEqual(['f-alpha', 'f-beta', 'f-gamma']);
    expect(await filter({ block_documents: { name: { like_: 'f-' } } })).toEqual(['f-alpha', 'f-beta', 'f-gamma']);
    expect(await filter({ block_documents: { is_anonymous: null } })).toEqual([`anonymous-${ids.anon}`, 'f-alpha', 'f-beta', 'f-gamma']);
    expect(await filter({ block_documents: { is_anonymous: { eq_: true } } })).toEqual([`anonymous-${ids.anon}`]);
    const anonymousTotal = (await s.post('/api/block_documents/filter', { block_documents: { is_anonymous: { eq_: true } } })).body.length;
    expect(anonymousTotal).toBeGreaterThanOrEqual(1);
    expect(await count({ block_documents: { is_anonymous: null } })).toBe((await count({})) + anonymousTotal);
    expect(await count({ block_documents: { is_anonymous: { eq_: true } } })).toBe(anonymousTotal);
  });

  it('by id, name (any_, like_), type id; block types and schemas; or_', async () => {
    expect(await filter({ block_documents: { id: { any_: [ids['f-beta']] } } })).toEqual(['f-beta']);
    expect(await filter({ block_documents: { name: { any_: ['f-alpha', 'f-gamma'] } } })).toEqual(['f-alpha', 'f-gamma']);
    expect(await filter({ block_documents: { block_type_id: { any_: [secret.type.id] } } })).toEqual(['f-gamma']);
    expect(await filter({ block_types: { slug: { any_: ['secret'] } } })).toEqual(['f-gamma']);
    expect(await filter({ block_schemas: { id: { any_: [json.schema.id] } } })).toEqual(['f-alpha', 'f-beta']);
    expect(await filter({ block_documents: { operator: 'or_', name: { any_: ['f-alpha'] }, id: { any_: [ids['f-gamma']] } } })).toEqual(['f-alpha', 'f-gamma']);
    expect(await count({ block_types: { slug: { any_: ['secret'] } }, block_documents: { name: { like_: 'f-' } } })).toBe(1);
  });

  it('sorts by name either way and by block type then name', async () => {
    expect(await filter({ sort: 'NAME_DESC' })).toEqual(['f-gamma', 'f-beta', 'f-alpha']);
    // JSON < Secret
    expect(await filter({ sort: 'BLOCK_TYPE_AND_NAME_ASC' })).toEqual(['f-alpha', 'f-beta', 'f-gamma']);
    const all = (await s.post('/api/block_documents/filter', { sort: 'BLOCK_TYPE_AND_NAME_ASC' })).body as { block_type_name: string; name: string }[];
    expect(all.map((d) => `${d.block_type_name}/${d.name}`)).toEqual(all.map((d) => `${d.block_type_name}/${d.name}`).sort());
    expect((await s.post('/api/block_documents/filter', { sort: 'SIZE' })).status).toBe(422);
    expect((await s.post('/api/block_documents/filter', { limit: 500 })).status).toBe(422);
  });

  it('lists non-anonymous documents of a type by slug and reads one by name', async () => {
    const list = (await s.get('/api/block_types/slug/json/block_documents')).body as { name: string; is_anonymous: boolean }[];
    expect(list.every((d) => !d.is_anonymous)).toBe(true);
    expect(names(list)).toEqual(expect.arrayContaining(['f-alpha', 'f-beta']));
    expect((await s.get('/api/block_types/slug/json/block_documents/name/f-alpha')).body.id).toBe(ids['f-alpha']);
    expect(await s.get('/api/block_types/slug/json/block_documents/name/f-gamma')).toMatchObject({ status: 404, body: { detail: 'Block document not found' } });
    expect((await s.get('/api/block_types/slug/nope/block_documents')).body).toEqual([]);
  });
});
