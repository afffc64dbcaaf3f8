import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../server.ts';
import { loadSettings } from '../settings.ts';
import { startTestServer, testDialect, type TestServer } from '../testing/harness.ts';

/**
 * No response carries a secret unless `include_secrets=true`, and nothing on disk holds one
 * in plain text (SQLite database and WAL files; PostgreSQL table contents).
 */

let s: TestServer;
const SECRETS = ['sk-walk-0001', 'https://hooks.example/T000/SECRET-PATH', 'Bearer walk-token', 'pw-walk-db', 'nested-walk-secret', 'custom-walk-url.example', 'walk-api-token'];
const docs: Record<string, string> = {};

async function builtin(slug: string) {
  const type = (await s.get(`/api/block_types/slug/${slug}`)).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  return { type, schema };
}

async function create(slug: string, name: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { type, schema } = await builtin(slug);
  const res = await s.post('/api/block_documents/', { name, data, block_schema_id: schema.id, block_type_id: type.id, ...extra });
  expect(res.status, res.text).toBe(201);
  docs[name ?? res.body.id] = res.body.id;
  return res;
}

const responses: { what: string; text: string }[] = [];
const record = (what: string, res: { text: string }) => responses.push({ what, text: res.text });

beforeAll(async () => {
  s = await startTestServer();
  // A custom type whose schema hides a nested object entirely and a wildcard subtree.
  const type = (await s.post('/api/block_types/', { name: 'Nested Secrets', slug: 'nested-secrets' })).body;
  const schema = (
    await s.post('/api/block_schemas/', {
      block_type_id: type.id,
      fields: { type: 'object', properties: { a: { type: 'object' }, b: { type: 'object' } }, secret_fields: ['a.deep.value', 'b.*'] },
    })
  ).body;
  const nested = await s.post('/api/block_documents/', { name: 'nested', data: { a: { deep: { value: 'nested-walk-secret' }, open: 'visible' }, b: { k: { v: 'walk-api-token' } } }, block_schema_id: schema.id, block_type_id: type.id });
  record('create nested', nested);
  docs.nested = nested.body.id;

  record('create secret', await create('secret', 'walk-secret', { value: 'sk-walk-0001' }));
  record('create webhook', await create('webhook', 'walk-hook', { url: 'https://hooks.example/T000/SECRET-PATH', headers: { Authorization: 'Bearer walk-token' } }));
  const creds = await create('database-credentials', 'walk-creds', { user: 'etl', password: 'pw-walk-db' });
  record('create creds', creds);
  record('create connection', await create('database-connection', 'walk-conn', { host: 'h', database: 'd', credentials: { $ref: { block_document_id: creds.body.id } } }));
  record('create custom', await create('custom-webhook-notification', 'walk-custom', { url: 'https://custom-walk-url.example/x', secrets: { token: 'walk-api-token' } }));
  record('create anonymous', await create('secret', null as unknown as string, { value: 'sk-walk-0001' }, { is_anonymous: true }));
  // Updates with masks sent back and new secrets.
  expect((await s.patch(`/api/block_documents/${docs['walk-secret']}`, { data: { value: '********' } })).status).toBe(204);
  expect((await s.patch(`/api/block_documents/${docs['walk-hook']}`, { data: { headers: { Authorization: 'Bearer walk-token', 'X-Other': 'x' } } })).status).toBe(204);
  // Refused requests (unknown key) must not echo the secrets they carried.
  const secretType = await builtin('secret');
  record('refused create', await s.post('/api/block_documents/', { name: 'refused', data: { value: 'sk-walk-0001' }, block_schema_id: secretType.schema.id, block_type_id: secretType.type.id, bogus: 1 }));
  record('refused update', await s.patch(`/api/block_documents/${docs['walk-secret']}`, { data: { value: 'sk-walk-0001' }, bogus: 1 }));
});
afterAll(() => s.close());

describe('secrets never leave the server unasked (contract §3.8)', () => {
  it('no block endpoint returns a secret without include_secrets=true', async () => {
    const typeSlugs = ['secret', 'webhook', 'database-credentials', 'database-connection', 'custom-webhook-notification', 'nested-secrets'];
    for (const id of Object.values(docs)) {
      record(`GET doc ${id}`, await s.get(`/api/block_documents/${id}`));
      record(`GET doc ${id} include_secrets=false`, await s.get(`/api/block_documents/${id}?include_secrets=false`));
    }
    for (const slug of typeSlugs) {
      record(`GET type ${slug}`, await s.get(`/api/block_types/slug/${slug}`));
      record(`GET docs of ${slug}`, await s.get(`/api/block_types/slug/${slug}/block_documents`));
    }
    for (const name of ['walk-secret', 'walk-hook', 'walk-creds', 'walk-conn', 'walk-custom']) {
      const slug = { 'walk-secret': 'secret', 'walk-hook': 'webhook', 'walk-creds': 'database-credentials', 'walk-conn': 'database-connection', 'walk-custom': 'custom-webhook-notification' }[name];
      record(`GET ${slug}/${name}`, await s.get(`/api/block_types/slug/${slug}/block_documents/name/${name}`));
    }
    for (const body of [{}, { block_documents: { is_anonymous: null } }, { sort: 'BLOCK_TYPE_AND_NAME_ASC' }, { include_secrets: false }]) record(`filter ${JSON.stringify(body)}`, await s.post('/api/block_documents/filter', body));
    record('count', await s.post('/api/block_documents/count', {}));
    record('types filter', await s.post('/api/block_types/filter', {}));
    record('schemas filter', await s.post('/api/block_schemas/filter', {}));
    record('capabilities', await s.get('/api/block_capabilities/'));
    record('settings', await s.get('/api/admin/settings'));
    record('openapi', await s.get('/api/openapi.json'));

    expect(responses.length).toBeGreaterThan(30);
    for (const { what, text } of responses) for (const secret of [...SECRETS, s.ctx.settings.secretKey]) expect(text, `${what} leaks ${secret}`).not.toContain(secret);
    // The masked values are there.
    expect((await s.get(`/api/block_documents/${docs.nested}`)).body.data).toEqual({ a: { deep: { value: '********' }, open: 'visible' }, b: { k: { v: '********' } } });
  });

  it('include_secrets=true returns them: by id, by type and name, by type, in filters', async () => {
    expect((await s.get(`/api/block_documents/${docs['walk-secret']}?include_secrets=true`)).body.data).toEqual({ value: 'sk-walk-0001' });
    expect((await s.get(`/api/block_documents/${docs['walk-conn']}?include_secrets=true`)).body.data.credentials.password).toBe('pw-walk-db');
    expect((await s.get('/api/block_types/slug/webhook/block_documents/name/walk-hook?include_secrets=true')).body.data).toEqual({ url: 'https://hooks.example/T000/SECRET-PATH', headers: { Authorization: 'Bearer walk-token', 'X-Other': 'x' } });
    expect((await s.get('/api/block_types/slug/database-credentials/block_documents?include_secrets=true')).text).toContain('pw-walk-db');
    expect((await s.post('/api/block_documents/filter', { include_secrets: true })).text).toContain('nested-walk-secret');
  });

  it('the database holds no secret in plain text (SQLite files incl. WAL; PostgreSQL rows)', async () => {
    if (testDialect() === 'sqlite') {
      const files = ['syntask.db', 'syntask.db-wal'].map((f) => join(s.ctx.settings.home, f)).filter(existsSync);
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
      // The scan sees what is stored in clear (document names), not the secrets.
      expect(bytes.includes(Buffer.from('walk-custom'))).toBe(true);
      for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const rows = await sql<{ data: string }>`select data from block_document`.execute(s.ctx.db.kysely);
    const stored = rows.rows.map((r) => r.data).join('\n');
    expect(stored).toMatch(/^v1:/);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
  });
});

describe('the secret key', () => {
  it('without SYNTASK_SECRET_KEY a SQLite server generates $SYNTASK_HOME/secret-key (0600) once and uses it', async () => {
    if (testDialect() !== 'sqlite') return;
    const server = await startTestServer({ SYNTASK_SECRET_KEY: '' });
    try {
      const file = join(server.ctx.settings.home, 'secret-key');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const type = (await server.get('/api/block_types/slug/secret')).body;
      const schema = (await server.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
      const doc = (await server.post('/api/block_documents/', { name: 'k', data: { value: 'v-1' }, block_schema_id: schema.id, block_type_id: type.id })).body;
      expect((await server.get(`/api/block_documents/${doc.id}?include_secrets=true`)).body.data).toEqual({ value: 'v-1' });
      expect(readFileSync(file, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await server.close();
    }
  });

  it('refuses to start against PostgreSQL without SYNTASK_SECRET_KEY, naming the setting', async () => {
    const settings = loadSettings({ SYNTASK_HOME: s.ctx.settings.home, SYNTASK_API_DATABASE_CONNECTION_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    await expect(createServer(settings)).rejects.toThrow(/SYNTASK_SECRET_KEY is not set/);
  });
});
