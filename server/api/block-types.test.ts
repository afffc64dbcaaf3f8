import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const BUILT_INS = ['secret', 'json', 'string', 'date-time', 'webhook', 'custom-webhook-notification', 'local-file-system', 'database-credentials', 'database-connection'];

async function makeType(slug = `type-${randomUUID().slice(0, 8)}`, extra: Record<string, unknown> = {}) {
  const res = await s.post('/api/block_types/', { name: `Type ${slug}`, slug, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function makeSchema(blockTypeId: string, fields: Record<string, unknown> = { title: 'T', type: 'object', properties: { x: { type: 'string' } } }, extra: Record<string, unknown> = {}) {
  const res = await s.post('/api/block_schemas/', { block_type_id: blockTypeId, fields, ...extra });
  expect([200, 201], res.text).toContain(res.status);
  return res.body;
}

describe('built-in block catalog', () => {
  it('registers every built-in type at start-up, protected, with a TypeScript example and a local logo', async () => {
    for (const slug of BUILT_INS) {
      const res = await s.get(`/api/block_types/slug/${slug}`);
      expect(res.status, slug).toBe(200);
      const type = res.body;
      expect(type).toMatchObject({ slug, is_protected: true, logo_url: `/api/ui/block-logos/${slug}.svg` });
      expect(type.description).toBeTruthy();
      expect(type.documentation_url).toMatch(/^https:\/\//);
      expect(type.code_example).toContain('```ts');
      expect(type.code_example).toContain("import { Block } from 'syntask'");
      const logo = await fetch(s.url + type.logo_url);
      expect(logo.status).toBe(200);
      expect(logo.headers.get('content-type')).toContain('image/svg+xml');
      expect(await logo.text()).toContain('<svg');
      const schemas = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body;
      expect(schemas).toHaveLength(1);
      expect(schemas[0].fields.block_type_slug).toBe(slug);
    }
    expect((await s.get('/api/ui/block-logos/nope.svg')).status).toBe(404);
    expect((await s.get('/api/ui/block-logos/..%2Fsecret.svg')).status).toBe(404);
  });

  it('secrets, notification capability and the credentials reference are declared', async () => {
    const schemaOf = async (slug: string) => {
      const type = (await s.get(`/api/block_types/slug/${slug}`)).body;
      return (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
    };
    expect((await schemaOf('webhook')).fields.secret_fields).toEqual(['url', 'headers.*']);
    expect((await schemaOf('webhook')).capabilities).toEqual(['notify']);
    const custom = await schemaOf('custom-webhook-notification');
    expect(custom.capabilities).toEqual(['notify']);
    expect(custom.fields.secret_fields).toContain('url');
    expect(custom.fields.properties.json_data.default).toEqual({ subject: '{{subject}}', body: '{{body}}' });
    expect((await schemaOf('database-credentials')).fields.secret_fields).toEqual(['password']);
    const connection = await schemaOf('database-connection');
    const reference = connection.fields.block_schema_references.credentials;
    expect(reference.block_type_slug).toBe('database-credentials');
    expect((await s.get(`/api/block_schemas/checksum/${reference.block_schema_checksum}`)).body.id).toBe((await schemaOf('database-credentials')).id);
    expect(connection.fields.secret_fields).toEqual(['credentials.password']);
  });

  it('install_system_block_types answers 200 null and is idempotent', async () => {
    const before = (await s.post('/api/block_types/filter', {})).body.length;
    const schemasBefore = (await s.post('/api/block_schemas/filter', {})).body.length;
    const res = await s.post('/api/block_types/install_system_block_types');
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    expect((await s.post('/api/block_types/filter', {})).body.length).toBe(before);
    expect((await s.post('/api/block_schemas/filter', {})).body.length).toBe(schemasBefore);
  });

  it('protected types and their schemas cannot be deleted (403)', async () => {
    const type = (await s.get('/api/block_types/slug/secret')).body;
    expect(await s.delete(`/api/block_types/${type.id}`)).toMatchObject({ status: 403, body: { detail: expect.any(String) } });
    const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
    expect((await s.delete(`/api/block_schemas/${schema.id}`)).status).toBe(403);
  });
});

describe('block types (contract §3.8)', () => {
  it('creates (201), reads by id and slug, 404 when missing', async () => {
    const type = await makeType('my-block', { logo_url: '/logo.svg', description: 'Mine', documentation_url: 'https://example.com', code_example: 'x' });
    expect(type).toEqual({
      id: expect.any(String),
      created: expect.any(String),
      updated: expect.any(String),
      name: 'Type my-block',
      slug: 'my-block',
      logo_url: '/logo.svg',
      documentation_url: 'https://example.com',
      description: 'Mine',
      code_example: 'x',
      is_protected: false,
    });
    expect((await s.get(`/api/block_types/${type.id}`)).body).toEqual(type);
    expect((await s.get('/api/block_types/slug/my-block')).body).toEqual(type);
    expect(await s.get(`/api/block_types/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'Block type not found' } });
    expect(await s.get('/api/block_types/slug/nope')).toMatchObject({ status: 404, body: { detail: 'Block type not found' } });
  });

  it('refuses duplicates (409), reserved names (403) and bad names or slugs (422 naming the field)', async () => {
    await makeType('dup-slug');
    expect((await s.post('/api/block_types/', { name: 'Other', slug: 'dup-slug' })).status).toBe(409);
    expect((await s.post('/api/block_types/', { name: 'Type dup-slug', slug: 'other-slug' })).status).toBe(409);
    expect((await s.post('/api/block_types/', { name: 'Syntask Thing', slug: 'x1' })).status).toBe(403);
    expect((await s.post('/api/block_types/', { name: 'syntaskish', slug: 'x2' })).status).toBe(403);
    for (const [body, loc] of [
      [{ name: 'ok', slug: 'Bad Slug' }, ['body', 'slug']],
      [{ name: 'a/b', slug: 'ab' }, ['body', 'name']],
      [{ slug: 'no-name' }, ['body', 'name']],
      [{ name: 'x', slug: 'x', is_protected: true }, ['body', 'is_protected']],
    ] as const) {
      const res = await s.post('/api/block_types/', body);
      expect(res.status).toBe(422);
      expect(res.body.exception_detail[0].loc).toEqual(loc);
    }
  });

  it('patches the descriptive fields (204) and refuses others', async () => {
    const type = await makeType();
    expect((await s.patch(`/api/block_types/${type.id}`, { description: 'new', logo_url: null })).status).toBe(204);
    expect((await s.get(`/api/block_types/${type.id}`)).body).toMatchObject({ description: 'new', logo_url: null, name: type.name });
    expect((await s.patch(`/api/block_types/${type.id}`, { name: 'renamed' })).status).toBe(422);
    expect((await s.patch(`/api/block_types/${randomUUID()}`, { description: 'x' })).status).toBe(404);
  });

  it('deleting a type deletes its schemas and documents (§3.17)', async () => {
    const type = await makeType();
    const schema = await makeSchema(type.id);
    const doc = (await s.post('/api/block_documents/', { name: 'gone', data: { x: 'y' }, block_schema_id: schema.id, block_type_id: type.id })).body;
    expect((await s.delete(`/api/block_types/${type.id}`)).status).toBe(204);
    expect((await s.get(`/api/block_schemas/${schema.id}`)).status).toBe(404);
    expect((await s.get(`/api/block_documents/${doc.id}`)).status).toBe(404);
    expect((await s.delete(`/api/block_types/${type.id}`)).status).toBe(404);
  });

  it('filters by name (like_), slug (any_) and schemas, ordered by name', async () => {
    const all = (await s.post('/api/block_types/filter', {})).body;
    expect(all.map((t: { name: string }) => t.name)).toEqual([...all.map((t: { name: string }) => t.name)].sort());
    expect((await s.post('/api/block_types/filter', { block_types: { name: { like_: 'WEBHOOK' } } })).body.map((t: { slug: string }) => t.slug)).toEqual(['custom-webhook-notification', 'webhook']);
    expect((await s.post('/api/block_types/filter', { block_types: { slug: { any_: ['json', 'string'] } } })).body.map((t: { slug: string }) => t.slug)).toEqual(['json', 'string']);
    const notify = (await s.post('/api/block_types/filter', { block_schemas: { block_capabilities: { all_: ['notify'] } } })).body.map((t: { slug: string }) => t.slug);
    expect(notify).toEqual(['custom-webhook-notification', 'webhook']);
    expect((await s.post('/api/block_types/filter', { limit: 1, offset: 1 })).body).toEqual([all[1]]);
    expect((await s.post('/api/block_types/filter', { limit: 201 })).body).toEqual({ detail: 'Invalid limit: must be less than or equal to 200.' });
    expect((await s.post('/api/block_types/filter', { block_types: { operator: 'or_' } })).status).toBe(422);
  });
});

describe('block schemas (contract §3.8)', () => {
  it('creates with defaults (201), is idempotent on checksum + version (200), 404 for an unknown type', async () => {
    const type = await makeType();
    const fields = { title: 'Thing', type: 'object', properties: { a: { type: 'string' } }, secret_fields: [], block_schema_references: {}, block_type_slug: type.slug };
    const res = await s.post('/api/block_schemas/', { block_type_id: type.id, fields });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      created: expect.any(String),
      updated: expect.any(String),
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      fields,
      block_type_id: type.id,
      block_type: type,
      capabilities: [],
      version: 'non-versioned',
    });
    const again = await s.post('/api/block_schemas/', { block_type_id: type.id, fields, capabilities: ['ignored'] });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    // Secret field lists do not change the checksum; another version is another schema.
    const v2 = await s.post('/api/block_schemas/', { block_type_id: type.id, fields: { ...fields, secret_fields: ['a'] }, version: '2.0' });
    expect(v2.status).toBe(201);
    expect(v2.body.checksum).toBe(res.body.checksum);
    expect((await s.get(`/api/block_schemas/checksum/${res.body.checksum}`)).body.id).toBe(v2.body.id);
    expect((await s.get(`/api/block_schemas/checksum/${res.body.checksum}?version=non-versioned`)).body.id).toBe(res.body.id);
    expect(await s.get(`/api/block_schemas/checksum/${res.body.checksum}?version=9`)).toMatchObject({ status: 404, body: { detail: 'Block schema not found' } });
    expect(await s.post('/api/block_schemas/', { block_type_id: randomUUID(), fields })).toMatchObject({ status: 404, body: { detail: 'Block type not found' } });
    expect((await s.post('/api/block_schemas/', { block_type_id: type.id, fields, extra: 1 })).status).toBe(422);
    expect(await s.get(`/api/block_schemas/${randomUUID()}`)).toMatchObject({ status: 404, body: { detail: 'Block schema not found' } });
  });

  it('the checksum counts floats as Python does (5.0 is not 5)', async () => {
    const type = await makeType();
    const asFloat = await s.post('/api/block_schemas/', `{"block_type_id": "${type.id}", "fields": {"properties": {"t": {"type": "number", "default": 5.0}}}}`);
    const asInt = await s.post('/api/block_schemas/', `{"block_type_id": "${type.id}", "fields": {"properties": {"t": {"type": "number", "default": 5}}}}`);
    expect(asFloat.status).toBe(201);
    expect(asInt.status).toBe(201);
    expect(asFloat.body.checksum).not.toBe(asInt.body.checksum);
    // sha256 of `[[{"properties": {"t": {"default": 5.0, "type": "number"}}}], {}]`, as Python computes it.
    expect(asFloat.body.checksum).toBe('sha256:' + (await import('node:crypto')).createHash('sha256').update('[[{"properties": {"t": {"default": 5.0, "type": "number"}}}], {}]').digest('hex'));
  });

  it('filters by id, type, capabilities (all_), version, with or_, newest first; lists capabilities', async () => {
    const type = await makeType();
    const a = await makeSchema(type.id, { properties: { a: {} } }, { capabilities: ['read-path', 'write-path'], version: '1' });
    const b = await makeSchema(type.id, { properties: { b: {} } }, { capabilities: ['read-path'], version: '2' });
    const ids = (body: unknown) => s.post('/api/block_schemas/filter', body).then((r) => r.body.map((x: { id: string }) => x.id));
    expect(await ids({ block_schemas: { block_type_id: { any_: [type.id] } } })).toEqual([b.id, a.id]);
    expect(await ids({ block_schemas: { block_type_id: { any_: [type.id] }, block_capabilities: { all_: ['read-path', 'write-path'] } } })).toEqual([a.id]);
    expect(await ids({ block_schemas: { block_type_id: { any_: [type.id] }, version: { any_: ['2'] } } })).toEqual([b.id]);
    expect(await ids({ block_schemas: { operator: 'or_', id: { any_: [a.id] }, version: { any_: ['2'] } } })).toEqual([b.id, a.id]);
    const caps = (await s.get('/api/block_capabilities/')).body;
    expect(caps).toEqual([...new Set(caps)].sort());
    expect(caps).toEqual(expect.arrayContaining(['notify', 'read-path', 'write-path', 'get-directory']));
    expect((await s.delete(`/api/block_schemas/${a.id}`)).status).toBe(204);
    expect((await s.delete(`/api/block_schemas/${a.id}`)).status).toBe(404);
  });
});
