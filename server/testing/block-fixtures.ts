import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLossless, stringifyLossless } from '../lib/python-json.ts';
import type { TestServer } from './harness.ts';
import { fixturesDir } from './shared-fixtures.ts';

/** The shared block schema fixtures, read losslessly (floats such as `5.0` stay floats for the checksum). */

export interface BlockFixture {
  origin: 'integration' | 'edge-case';
  label: string;
  slug: string;
  typeName: string;
  version: string;
  checksum?: string;
  capabilities: string[];
  quirks?: string[];
  /** Lossless fields (PyFloat inside). */
  fields: Record<string, unknown>;
  /** The fields as JSON text, floats written as Python does. */
  fieldsText: string;
  line: Record<string, unknown>;
}

export function blockFixtures(): BlockFixture[] {
  return readFileSync(join(fixturesDir(), 'block-schemas.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((text) => {
      const line = parseLossless(text) as Record<string, any>;
      const fields = (line.fields ?? line.schema) as Record<string, any>;
      const slug = String(fields.block_type_slug);
      return {
        origin: line.origin,
        label: line.origin === 'integration' ? `${line.block_type_slug} ${line.version}` : String(line.name),
        slug,
        typeName: line.block_type_name ?? String(fields.title ?? slug),
        version: line.version ?? 'non-versioned',
        checksum: line.checksum,
        capabilities: line.capabilities ?? [],
        quirks: line.quirks,
        fields,
        fieldsText: stringifyLossless(fields),
        line,
      };
    });
}

/** Creates the block type of a fixture unless it exists (built-in or earlier fixture); returns its id. */
export async function ensureBlockType(s: TestServer, f: Pick<BlockFixture, 'slug' | 'typeName' | 'line'>): Promise<string> {
  const existing = await s.get(`/api/block_types/slug/${f.slug}`);
  if (existing.status === 200) return existing.body.id;
  const res = await s.post('/api/block_types/', {
    name: f.typeName,
    slug: f.slug,
    logo_url: (f.line.logo_url as string | undefined) ?? null,
    documentation_url: (f.line.documentation_url as string | undefined) ?? null,
    description: (f.line.description as string | undefined) ?? null,
    code_example: (f.line.code_example as string | undefined) ?? null,
  });
  if (res.status !== 201) throw new Error(`create block type ${f.slug}: ${res.status} ${res.text}`);
  return res.body.id;
}

/** Registers a fixture schema, sending its fields as written (the request text keeps `5.0`). */
export function registerFixtureSchema(s: TestServer, f: BlockFixture, blockTypeId: string) {
  const body = `{"block_type_id": ${JSON.stringify(blockTypeId)}, "capabilities": ${JSON.stringify(f.capabilities)}, "version": ${JSON.stringify(f.version)}, "fields": ${f.fieldsText}}`;
  return s.post('/api/block_schemas/', body);
}
