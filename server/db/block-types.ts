import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { BlockSchemaFilterT, BlockSchemaT, BlockTypeFilterT, BlockTypeT } from '../api/models/blocks.ts';
import { HttpError } from '../errors.ts';
import { blockSchemaChecksum, reachableDefinitions } from '../lib/block-checksum.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { toPlainJson } from '../lib/python-json.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Db, Executor } from './connection.ts';
import { all, combine, FilterCompiler, type Cond } from './filters.ts';
import type { BlockSchemaTable, BlockTypeTable } from './schema.ts';

/** Block types and block schemas (contract §3.8). */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

export const DEFAULT_SCHEMA_VERSION = 'non-versioned';

export const decodeBlockType = (row: Selectable<BlockTypeTable>): BlockTypeT => ({
  id: row.id,
  created: formatDateTime(row.created),
  updated: formatDateTime(row.updated),
  name: row.name,
  slug: row.slug,
  logo_url: row.logo_url,
  documentation_url: row.documentation_url,
  description: row.description,
  code_example: row.code_example,
  is_protected: Boolean(row.is_protected),
});

export const decodeBlockSchema = (row: Selectable<BlockSchemaTable>, type: Selectable<BlockTypeTable> | undefined): BlockSchemaT => ({
  id: row.id,
  created: formatDateTime(row.created),
  updated: formatDateTime(row.updated),
  checksum: row.checksum,
  fields: fromJson(row.fields, {}),
  block_type_id: row.block_type_id,
  block_type: type ? decodeBlockType(type) : null,
  capabilities: fromJson(row.capabilities, []),
  version: row.version,
});

export const secretFieldsOf = (fields: Json): string[] => (Array.isArray(fields.secret_fields) ? fields.secret_fields.filter((f): f is string => typeof f === 'string') : []);

export interface BlockTypeInput {
  name: string;
  slug: string;
  logo_url?: string | null;
  documentation_url?: string | null;
  description?: string | null;
  code_example?: string | null;
}

export async function insertBlockType(db: Executor, input: BlockTypeInput, isProtected = false): Promise<BlockTypeT> {
  const clash = await db.selectFrom('block_type').select(['name', 'slug']).where((eb) => eb.or([eb('name', '=', input.name), eb('slug', '=', input.slug)])).executeTakeFirst();
  if (clash) throw new HttpError(409, clash.slug === input.slug ? `Block type with slug "${input.slug}" already exists.` : `Block type with name "${input.name}" already exists.`);
  const now = nowMicros();
  const row = {
    id: randomUUID(),
    created: now,
    updated: now,
    name: input.name,
    slug: input.slug,
    logo_url: input.logo_url ?? null,
    documentation_url: input.documentation_url ?? null,
    description: input.description ?? null,
    code_example: input.code_example ?? null,
    is_protected: isProtected ? 1 : 0,
  };
  await db.insertInto('block_type').values(row).execute();
  return decodeBlockType(row);
}

export async function readBlockType(db: Executor, by: { id: string } | { slug: string }) {
  const q = db.selectFrom('block_type').selectAll();
  const row = await ('id' in by ? q.where('id', '=', by.id) : q.where('slug', '=', by.slug)).executeTakeFirst();
  return row ?? null;
}

export async function typesById(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.selectFrom('block_type').selectAll().where('id', 'in', unique).execute() : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function schemasById(db: Executor, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.selectFrom('block_schema').selectAll().where('id', 'in', unique).execute() : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function decodeSchemas(db: Executor, rows: Selectable<BlockSchemaTable>[]): Promise<BlockSchemaT[]> {
  const types = await typesById(
    db,
    rows.map((r) => r.block_type_id),
  );
  return rows.map((r) => decodeBlockSchema(r, types.get(r.block_type_id)));
}

// ---- filters ----------------------------------------------------------------------

export function blockTypeCond(fc: FilterCompiler, f: BlockTypeFilterT | null | undefined, a: string): Cond | null {
  if (!f) return null;
  return combine([present(f.name?.like_) ? fc.like(a, 'name', f.name.like_) : null, present(f.slug?.any_) ? fc.inList(a, 'slug', f.slug.any_) : null]);
}

export function blockSchemaCond(fc: FilterCompiler, f: BlockSchemaFilterT | null | undefined, a: string): Cond | null {
  if (!f) return null;
  return combine(
    [
      present(f.id?.any_) ? fc.inList(a, 'id', f.id.any_) : null,
      present(f.block_type_id?.any_) ? fc.inList(a, 'block_type_id', f.block_type_id.any_) : null,
      present(f.block_capabilities?.all_) ? fc.tagsAll(a, 'capabilities', f.block_capabilities.all_) : null,
      present(f.version?.any_) ? fc.inList(a, 'version', f.version.any_) : null,
    ],
    f.operator,
  );
}

/** `POST /block_types/filter`: types matching `block_types` with a schema matching `block_schemas`, by name. */
export async function filterBlockTypes(db: Db, body: { block_types?: BlockTypeFilterT | null; block_schemas?: BlockSchemaFilterT | null }, limit: number, offset: number) {
  const fc = new FilterCompiler(db.dialect);
  const conds: (Cond | null)[] = [blockTypeCond(fc, body.block_types, 'block_type')];
  if (present(body.block_schemas)) {
    const s = fc.alias('bs');
    conds.push(fc.exists(sql`block_schema as ${sql.id(s)}`, all([sql`${fc.col(s, 'block_type_id')} = ${fc.col('block_type', 'id')}`, blockSchemaCond(fc, body.block_schemas, s)])));
  }
  const rows = await db.kysely.selectFrom('block_type').selectAll().where(all(conds)).orderBy('name').limit(limit).offset(offset).execute();
  return rows.map(decodeBlockType);
}

export async function filterBlockSchemas(db: Db, f: BlockSchemaFilterT | null | undefined, limit: number, offset: number) {
  const where = all([blockSchemaCond(new FilterCompiler(db.dialect), f, 'block_schema')]);
  const rows = await db.kysely.selectFrom('block_schema').selectAll().where(where).orderBy('created', 'desc').orderBy('id').limit(limit).offset(offset).execute();
  return decodeSchemas(db.kysely, rows);
}

/** Distinct capabilities of all schemas, sorted. */
export async function blockCapabilities(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('block_schema').select('capabilities').execute();
  return [...new Set(rows.flatMap((r) => fromJson<string[]>(r.capabilities, [])))].sort();
}

// ---- schema registration ---------------------------------------------------------

export interface BlockSchemaInput {
  /** The fields as parsed losslessly (floats as PyFloat), so the checksum matches Python's. */
  fields: Json;
  block_type_id: string;
  capabilities: string[];
  version: string;
}

async function schemaByChecksum(db: Executor, checksum: string, version?: string | null) {
  let q = db.selectFrom('block_schema').selectAll().where('checksum', '=', checksum);
  if (present(version)) q = q.where('version', '=', version);
  return (await q.orderBy('created', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export const readBlockSchema = async (db: Executor, by: { id: string } | { checksum: string; version?: string | null }) =>
  'id' in by ? ((await db.selectFrom('block_schema').selectAll().where('id', '=', by.id).executeTakeFirst()) ?? null) : schemaByChecksum(db, by.checksum, by.version);

/**
 * Registers a schema, idempotently on (checksum, version). Nested block schemas named in
 * `block_schema_references` that are not registered yet are registered from the parent's
 * `definitions` (as Python clients expect); a reference whose block type is unknown or
 * whose definition is missing stays unresolved until its schema is registered.
 */
export async function registerBlockSchema(db: Executor, input: BlockSchemaInput, parentDefinitions?: Json): Promise<{ row: Selectable<BlockSchemaTable>; created: boolean }> {
  const definitions = parentDefinitions ?? (isObject(input.fields.definitions) ? input.fields.definitions : undefined);
  const checksum = blockSchemaChecksum(parentDefinitions ? { ...input.fields, definitions: parentDefinitions } : input.fields);
  const existing = await schemaByChecksum(db, checksum, input.version);
  if (existing) {
    // Idempotent, and a chance to resolve references whose block type now exists.
    await registerNestedSchemas(db, input.fields, definitions);
    return { row: existing, created: false };
  }

  const now = nowMicros();
  const row = {
    id: randomUUID(),
    created: now,
    updated: now,
    checksum,
    fields: toJson(toPlainJson(input.fields)),
    block_type_id: input.block_type_id,
    capabilities: toJson(input.capabilities),
    version: input.version,
  };
  const inserted = await db
    .insertInto('block_schema')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { row: (await schemaByChecksum(db, checksum, input.version))!, created: false };
  await registerNestedSchemas(db, input.fields, definitions);
  return { row, created: true };
}

async function registerNestedSchemas(db: Executor, fields: Json, definitions: Json | undefined) {
  if (!definitions) return;
  const references = isObject(fields.block_schema_references) ? fields.block_schema_references : {};
  for (const value of Object.values(references)) {
    for (const reference of Array.isArray(value) ? value : [value]) {
      if (!isObject(reference) || typeof reference.block_type_slug !== 'string' || typeof reference.block_schema_checksum !== 'string') continue;
      if (await schemaByChecksum(db, reference.block_schema_checksum)) continue;
      const type = await readBlockType(db, { slug: reference.block_type_slug });
      if (!type) continue;
      const definition = Object.values(definitions).find(
        (d) => isObject(d) && d.block_type_slug === reference.block_type_slug && blockSchemaChecksum({ ...d, definitions }) === reference.block_schema_checksum,
      ) as Json | undefined;
      if (!definition) continue;
      const own = reachableDefinitions(definition, definitions);
      const nested = Object.keys(own).length ? { ...definition, definitions: own } : definition;
      await registerBlockSchema(db, { fields: nested, block_type_id: type.id, capabilities: [], version: DEFAULT_SCHEMA_VERSION }, definitions);
    }
  }
}
