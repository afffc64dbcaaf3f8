import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../testing/shared-fixtures.ts';
import { blockSchemaChecksum } from './block-checksum.ts';
import { parseLossless } from './python-json.ts';

interface FixtureLine {
  origin: 'integration' | 'edge-case';
  block_type_slug?: string;
  version?: string;
  checksum?: string;
  fields?: Record<string, unknown>;
  name?: string;
  schema?: Record<string, unknown>;
}

// Read losslessly: several schemas hold floats such as `"default": 5.0`, which count as floats in the checksum.
const lines = readFileSync(join(fixturesDir(), 'block-schemas.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => parseLossless(l) as FixtureLine);

describe('block schema checksum (contract §3.8)', () => {
  const integration = lines.filter((l) => l.origin === 'integration');

  it('the fixture file has the expected shape', () => {
    expect(lines).toHaveLength(92);
    expect(integration).toHaveLength(84);
  });

  it.each(integration.map((l) => [`${l.block_type_slug} ${l.version}`, l] as const))('%s reproduces its checksum', (_name, line) => {
    expect(blockSchemaChecksum(line.fields!)).toBe(line.checksum);
  });

  it('nested block references of the edge cases name the checksum of their definition', () => {
    for (const line of lines.filter((l) => l.origin === 'edge-case')) {
      const schema = line.schema as { definitions?: Record<string, Record<string, unknown>>; block_schema_references: Record<string, { block_type_slug: string; block_schema_checksum: string }> };
      for (const reference of Object.values(schema.block_schema_references)) {
        const definition = Object.values(schema.definitions ?? {}).find((d) => d.block_type_slug === reference.block_type_slug)!;
        expect(blockSchemaChecksum({ ...definition, definitions: schema.definitions })).toBe(reference.block_schema_checksum);
      }
    }
  });

  it('ignores secret_fields and block definitions, keeps referenced plain definitions', () => {
    const base = { type: 'object', properties: { a: { $ref: '#/definitions/A' }, b: { $ref: '#/definitions/B' } }, definitions: { A: { type: 'string' }, B: { block_type_slug: 'b', type: 'object' }, Unused: { type: 'integer' } } };
    const withSecrets = { ...base, secret_fields: ['a'] };
    const reduced = { type: 'object', properties: base.properties, definitions: { A: { type: 'string' } } };
    expect(blockSchemaChecksum(withSecrets)).toBe(blockSchemaChecksum(base));
    expect(blockSchemaChecksum(base)).toBe(blockSchemaChecksum(reduced));
    // Circular definitions terminate.
    const circular = { properties: { n: { $ref: '#/definitions/Node' } }, definitions: { Node: { properties: { next: { $ref: '#/definitions/Node' } } } } };
    expect(blockSchemaChecksum(circular)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
