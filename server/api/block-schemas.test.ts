import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockFixtures, ensureBlockType, registerFixtureSchema, type BlockFixture } from '../testing/block-fixtures.ts';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { ValueGenerator } from '../testing/schema-values.ts';

/**
 * Every real-world block schema of the shared fixtures registers with its checksum, its
 * nested references resolve, and a generated document round-trips with secrets masked.
 */

const MASK = '********';
const fixtures = blockFixtures();
let s: TestServer;
const schemaIds = new Map<BlockFixture, string>();
const typeIds = new Map<string, string>();

beforeAll(async () => {
  s = await startTestServer();
  for (const f of fixtures) if (!typeIds.has(f.slug)) typeIds.set(f.slug, await ensureBlockType(s, f));
}, 60_000);
afterAll(() => s.close());

type Json = Record<string, any>;

/** The contract's masking, written out independently of the server's implementation. */
function expectedMasked(data: Json, secretFields: string[]): Json {
  const copy = structuredClone(data);
  const maskLeaves = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskLeaves(x)])) : v === null ? null : MASK;
  for (const field of secretFields) {
    const parts = field.split('.');
    const star = parts.indexOf('*');
    const path = star === -1 ? parts : parts.slice(0, star);
    let holder: any = copy;
    for (const key of path.slice(0, -1)) holder = holder && typeof holder === 'object' ? holder[key] : undefined;
    const last = path[path.length - 1];
    if (!holder || typeof holder !== 'object' || !(last in holder) || holder[last] === null) continue;
    holder[last] = star === -1 ? MASK : maskLeaves(holder[last]);
  }
  return copy;
}

/** Strings of `data` that masking hides. */
function hiddenStrings(data: Json, masked: Json): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown) => {
    if (b === MASK && a !== MASK) {
      const collect = (v: unknown) => (typeof v === 'string' ? out.push(v) : v && typeof v === 'object' ? Object.values(v).forEach(collect) : undefined);
      collect(a);
    } else if (a && typeof a === 'object' && b && typeof b === 'object') for (const k of Object.keys(a)) walk((a as Json)[k], (b as Json)[k]);
  };
  walk(data, masked);
  return out;
}

describe('block schema fixtures (contract §3.8)', () => {
  it('every schema registers through the API with the fixture checksum (201, then 200 for the same one)', async () => {
    for (const f of fixtures) {
      const res = await registerFixtureSchema(s, f, typeIds.get(f.slug)!);
      expect([200, 201], `${f.label}: ${res.text.slice(0, 300)}`).toContain(res.status);
      if (f.checksum) expect(res.body.checksum, f.label).toBe(f.checksum);
      expect(res.body).toMatchObject({ block_type_id: typeIds.get(f.slug), version: f.version, capabilities: f.capabilities, block_type: { slug: f.slug } });
      schemaIds.set(f, res.body.id);
      const again = await registerFixtureSchema(s, f, typeIds.get(f.slug)!);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(res.body.id);
      const byChecksum = await s.get(`/api/block_schemas/checksum/${res.body.checksum}?version=${encodeURIComponent(f.version)}`);
      expect(byChecksum.body.id).toBe(res.body.id);
    }
  });

  it('every block_schema_checksum reference resolves, also the one whose version is not in the file', async () => {
    const inFile = new Set(fixtures.map((f) => f.checksum).filter(Boolean));
    const references = fixtures.flatMap((f) =>
      Object.values((f.fields.block_schema_references ?? {}) as Record<string, unknown>).flatMap((r) => (Array.isArray(r) ? r : [r]) as { block_type_slug: string; block_schema_checksum: string }[]),
    );
    expect(references.length).toBeGreaterThan(25);
    const absent = references.filter((r) => !inFile.has(r.block_schema_checksum));
    // The edge cases' children and one integration reference (docker-registry) are only defined inside their parent.
    expect(absent.map((r) => r.block_type_slug).sort()).toEqual(['child', 'docker-registry', 'nested-block']);
    // The edge cases' child types were never created: their references stay unresolved (no error)
    // until the type exists and the parent is posted again.
    for (const slug of ['child', 'nested-block']) {
      const ref = absent.find((r) => r.block_type_slug === slug)!;
      expect((await s.get(`/api/block_schemas/checksum/${ref.block_schema_checksum}`)).status).toBe(404);
      const parent = fixtures.find((f) => JSON.stringify(f.fields.block_schema_references).includes(ref.block_schema_checksum))!;
      await ensureBlockType(s, { slug, typeName: slug, line: {} });
      expect((await registerFixtureSchema(s, parent, typeIds.get(parent.slug)!)).status).toBe(200);
    }
    for (const r of references) {
      const res = await s.get(`/api/block_schemas/checksum/${r.block_schema_checksum}`);
      expect(res.status, `${r.block_type_slug} ${r.block_schema_checksum}`).toBe(200);
      expect(res.body.block_type.slug).toBe(r.block_type_slug);
    }
    // Registered from the parent's definitions, as a schema without version.
    const docker = absent.find((r) => r.block_type_slug === 'docker-registry')!;
    expect((await s.get(`/api/block_schemas/checksum/${docker.block_schema_checksum}`)).body).toMatchObject({ version: 'non-versioned', fields: { block_type_slug: 'docker-registry' } });
  });

  it('a generated valid document round-trips for every schema (create → read → update → read), secrets masked', async () => {
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    let withSecrets = 0;
    for (const [i, f] of fixtures.entries()) {
      const gen = new ValueGenerator(JSON.parse(f.fieldsText));
      const data = gen.value(JSON.parse(f.fieldsText)) as Json;
      const validate = ajv.compile(JSON.parse(f.fieldsText));
      expect(validate(data), `${f.label}: generated data invalid ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
      const secretFields = (f.fields.secret_fields ?? []) as string[];
      const masked = expectedMasked(data, secretFields);
      const hidden = hiddenStrings(data, masked);
      if (hidden.length) withSecrets += 1;

      const name = `fixture-doc-${i}`;
      const created = await s.post('/api/block_documents/', { name, data, block_schema_id: schemaIds.get(f), block_type_id: typeIds.get(f.slug) });
      expect(created.status, `${f.label}: ${created.text.slice(0, 300)}`).toBe(201);
      expect(created.body.data, f.label).toEqual(masked);
      for (const secret of hidden) expect(created.text).not.toContain(secret);

      const read = await s.get(`/api/block_documents/${created.body.id}`);
      expect(read.body).toEqual(created.body);
      expect((await s.get(`/api/block_documents/${created.body.id}?include_secrets=true`)).body.data).toEqual(data);

      // Send back what was read (masks included) with one plain value changed: secrets stay.
      const changed = structuredClone(read.body.data);
      const plainKey = Object.keys(changed).find((k) => typeof changed[k] === 'string' && changed[k] !== MASK);
      if (plainKey) changed[plainKey] = `${changed[plainKey]}-changed`;
      expect((await s.patch(`/api/block_documents/${created.body.id}`, { data: changed })).status).toBe(204);
      const expected = plainKey ? { ...data, [plainKey]: `${data[plainKey]}-changed` } : data;
      expect((await s.get(`/api/block_documents/${created.body.id}?include_secrets=true`)).body.data, f.label).toEqual(expected);
      const after = await s.get(`/api/block_documents/${created.body.id}`);
      expect(after.body.data).toEqual(expectedMasked(expected, secretFields));
      for (const secret of hidden) expect(after.text).not.toContain(secret);
    }
    expect(withSecrets).toBeGreaterThan(40);
  }, 120_000);

  it('quirks: an invalid default does not stop registration, and is never injected into documents', async () => {
    const quirky = fixtures.filter((f) => f.quirks?.length);
    expect(quirky.map((f) => f.label).sort()).toEqual(['discord-webhook 2.20.2', 'opsgenie-webhook 2.20.2']);
    for (const f of quirky) {
      const property = f.quirks![0].split(':')[0];
      expect((f.fields.properties as Json)[property].type).toBe('string');
      const data = new ValueGenerator(JSON.parse(f.fieldsText)).value(JSON.parse(f.fieldsText)) as Json;
      delete data[property];
      const res = await s.post('/api/block_documents/', { name: `quirk-${f.slug}`, data, block_schema_id: schemaIds.get(f), block_type_id: typeIds.get(f.slug) });
      expect(res.status).toBe(201);
      const full = await s.get(`/api/block_documents/${res.body.id}?include_secrets=true`);
      expect(full.body.data).toEqual(data);
      expect(full.body.data).not.toHaveProperty(property);
      // A string value for the quirky field is stored as given.
      expect((await s.patch(`/api/block_documents/${res.body.id}`, { data: { [property]: 'a-string' } })).status).toBe(204);
      expect((await s.get(`/api/block_documents/${res.body.id}?include_secrets=true`)).body.data[property]).toBe('a-string');
    }
  });
});
