import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { mutate, pick, seededRng } from '../testing/fuzz.ts';
import { runningFlowRun } from '../testing/fixtures.ts';

/**
 * The general fuzz test mostly hits missing objects; this one sends malformed and random
 * bodies to block, artifact and notification operations on objects that exist, where the
 * interesting code runs (references, secrets, checksums, templates).
 */

const SEED = Number(process.env.SYNTASK_FUZZ_SEED ?? 20261124);
let s: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer({ SYNTASK_NOTIFICATIONS_ENABLED: 'false' });
  const type = (await s.get('/api/block_types/slug/database-connection')).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  const credsType = (await s.get('/api/block_types/slug/database-credentials')).body;
  const credsSchema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [credsType.id] } } })).body[0];
  const creds = (await s.post('/api/block_documents/', { name: 'fuzz-creds', data: { user: 'u', password: 'p' }, block_schema_id: credsSchema.id, block_type_id: credsType.id })).body;
  const doc = (await s.post('/api/block_documents/', { name: 'fuzz-conn', data: { host: 'h', database: 'd', credentials: { $ref: { block_document_id: creds.id } } }, block_schema_id: schema.id, block_type_id: type.id })).body;
  const custom = (await s.post('/api/block_types/', { name: 'Fuzz Type', slug: 'fuzz-type' })).body;
  const run = await runningFlowRun(s);
  Object.assign(ids, {
    type: type.id,
    schema: schema.id,
    creds: creds.id,
    doc: doc.id,
    custom: custom.id,
    run: run.id,
    artifact: (await s.post('/api/artifacts/', { key: 'fuzz', data: 1, flow_run_id: run.id })).body.id,
    policy: (await s.post('/api/flow_run_notification_policies/', { block_document_id: doc.id })).body.id,
  });
});
afterAll(() => s.close());

describe('fuzzing block, artifact and notification operations on existing objects', () => {
  it('never answers 5xx', async () => {
    const rng = seededRng(SEED);
    const ref = (id: string) => ({ $ref: { block_document_id: id } });
    const operations: [string, () => string, () => unknown][] = [
      ['POST', () => '/api/block_documents/', () => ({ name: `n${Math.floor(rng() * 1e9)}`, data: { host: 'x', credentials: pick(rng, [ref(ids.creds), ref(ids.doc), { $ref: {} }, 'x']) }, block_schema_id: ids.schema, block_type_id: ids.type })],
      ['PATCH', () => `/api/block_documents/${ids.doc}`, () => ({ data: { credentials: pick(rng, [ref(ids.creds), ref(ids.doc), '********', { a: '********' }]), host: '********' }, merge_existing_data: rng() < 0.5 })],
      ['PATCH', () => `/api/block_documents/${ids.creds}`, () => ({ data: { password: '********', back: ref(ids.doc) }, block_schema_id: pick(rng, [ids.schema, ids.creds]) })],
      ['POST', () => '/api/block_schemas/', () => ({ block_type_id: ids.custom, fields: { properties: { a: { $ref: '#/definitions/A' } }, definitions: { A: { $ref: '#/definitions/A' } }, secret_fields: ['a.*'], block_schema_references: { a: { block_type_slug: 'fuzz-type', block_schema_checksum: 'sha256:x' } } }, version: 'v' })],
      ['POST', () => '/api/block_documents/filter', () => ({ block_documents: { is_anonymous: null, name: { like_: '%_' } }, block_types: { slug: { any_: ['database-connection'] } }, include_secrets: rng() < 0.5, sort: 'BLOCK_TYPE_AND_NAME_ASC' })],
      ['POST', () => '/api/block_types/filter', () => ({ block_types: { name: { like_: 'a' } }, block_schemas: { block_capabilities: { all_: ['notify'] } } })],
      ['PATCH', () => `/api/block_types/${ids.custom}`, () => ({ description: 'd', logo_url: null })],
      ['PATCH', () => `/api/artifacts/${ids.artifact}`, () => ({ data: { a: [1] }, metadata_: { k: 'v'.repeat(600) } })],
      ['POST', () => '/api/artifacts/', () => ({ key: 'fuzz', type: 'markdown', task_run_id: ids.run, metadata_: { a: 'b' } })],
      ['POST', () => '/api/artifacts/latest/filter', () => ({ artifacts: { key: { exists_: true } }, flow_runs: { id: { any_: [ids.run] } }, sort: 'KEY_DESC' })],
      ['PATCH', () => `/api/flow_run_notification_policies/${ids.policy}`, () => ({ message_template: pick(rng, ['{flow_name}', '{x}', '{', '}{', '{a.b[0]!r:>3}']), tags: ['t'] })],
      ['POST', () => '/api/flow_run_notification_policies/filter', () => ({ flow_run_notification_policy_filter: { is_active: { eq_: true } } })],
      ['POST', () => `/api/flow_run_notification_policies/${ids.policy}/test`, () => ({})],
      ['POST', () => `/api/flow_runs/${ids.run}/set_state`, () => ({ state: { type: 'RUNNING', data: { artifact_key: pick(rng, ['k', 'BAD', 7, null]), artifact_type: pick(rng, ['x', 1]), v: 1 } }, force: true })],
    ];
    const failures: string[] = [];
    for (const [method, path, valid] of operations) {
      for (let i = 0; i < 60; i++) {
        const mutation = mutate(rng, valid());
        const res = await fetch(s.url + path(), { method, headers: { 'content-type': 'application/json' }, body: mutation.body });
        await res.arrayBuffer();
        if (res.status >= 500) failures.push(`${method} ${path()} [${mutation.kind}] → ${res.status}: ${mutation.body.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    // The documents still read, with their reference intact or replaced, never broken.
    expect((await s.get(`/api/block_documents/${ids.doc}`)).status).toBe(200);
    expect((await s.get(`/api/block_documents/${ids.creds}`)).status).toBe(200);
  }, 120_000);
});
