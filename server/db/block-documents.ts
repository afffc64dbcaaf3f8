import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { BlockDocumentFilterT, BlockDocumentT, BlockSchemaFilterT, BlockTypeFilterT } from '../api/models/blocks.ts';
import { HttpError, notFound, RequestValidationError } from '../errors.ts';
import { maskSecrets, restoreMaskedSecrets } from '../lib/block-secrets.ts';
import { fromJson } from '../lib/json.ts';
import type { SecretBox } from '../lib/secret-box.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { blockSchemaCond, blockTypeCond, decodeBlockSchema, decodeBlockType, schemasById, secretFieldsOf, typesById } from './block-types.ts';
import type { Db, Executor } from './connection.ts';
import { all, combine, FilterCompiler, type Cond } from './filters.ts';
import type { BlockDocumentTable, BlockSchemaTable, BlockTypeTable } from './schema.ts';

/**
 * Block documents (contract §3.8). A document's own values are stored encrypted; values
 * of the form `{"$ref": {"block_document_id": …}}` are references to other documents,
 * kept in block_document_reference and inlined on read. Secrets are masked on read
 * unless asked for, in referenced documents too.
 */

type Json = Record<string, unknown>;
type DocRow = Selectable<BlockDocumentTable>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

export const BLOCK_DOCUMENT_NOT_FOUND = 'Block document not found';

export interface BlockDocumentFilters {
  block_documents?: BlockDocumentFilterT | null;
  block_types?: BlockTypeFilterT | null;
  block_schemas?: BlockSchemaFilterT | null;
}

// ---- reading ------------------------------------------------------------------------

interface Loaded {
  docs: Map<string, DocRow>;
  refs: Map<string, { name: string; target: string }[]>;
  schemas: Map<string, Selectable<BlockSchemaTable>>;
  types: Map<string, Selectable<BlockTypeTable>>;
}

/** Loads documents, every document they reference (transitively), their schemas and types. */
async function loadGraph(db: Executor, rows: DocRow[]): Promise<Loaded> {
  const docs = new Map(rows.map((r) => [r.id, r]));
  const refs = new Map<string, { name: string; target: string }[]>();
  let frontier = [...docs.keys()];
  while (frontier.length) {
    const links = await db
      .selectFrom('block_document_reference')
      .select(['name', 'parent_block_document_id', 'reference_block_document_id'])
      .where('parent_block_document_id', 'in', frontier)
      .orderBy('name')
      .execute();
    for (const id of frontier) refs.set(id, []);
    for (const l of links) refs.get(l.parent_block_document_id)!.push({ name: l.name, target: l.reference_block_document_id });
    const missing = [...new Set(links.map((l) => l.reference_block_document_id))].filter((id) => !docs.has(id));
    const more = missing.length ? await db.selectFrom('block_document').selectAll().where('id', 'in', missing).execute() : [];
    for (const r of more) docs.set(r.id, r);
    frontier = more.map((r) => r.id);
  }
  const schemas = await schemasById(
    db,
    [...docs.values()].map((d) => d.block_schema_id),
  );
  const types = await typesById(db, [...[...docs.values()].map((d) => d.block_type_id), ...[...schemas.values()].map((s) => s.block_type_id)]);
  return { docs, refs, schemas, types };
}

interface Resolved {
  data: Json;
  references: Record<string, { block_document: Json }>;
}

function resolve(box: SecretBox, g: Loaded, id: string, includeSecrets: boolean, path: Set<string>, cache: Map<string, Json>): Resolved {
  const row = g.docs.get(id)!;
  let own = cache.get(id);
  if (!own) {
    own = JSON.parse(box.decrypt(row.data, row.id)) as Json;
    cache.set(id, own);
  }
  const data: Json = { ...own };
  const references: Record<string, { block_document: Json }> = {};
  path.add(id);
  for (const ref of g.refs.get(id) ?? []) {
    const target = g.docs.get(ref.target);
    if (!target || path.has(ref.target)) continue;
    const nested = resolve(box, g, ref.target, includeSecrets, path, cache);
    Object.defineProperty(data, ref.name, { value: nested.data, enumerable: true, writable: true, configurable: true });
    const type = g.types.get(target.block_type_id);
    references[ref.name] = {
      block_document: { id: target.id, name: target.name, block_type: type ? decodeBlockType(type) : null, is_anonymous: Boolean(target.is_anonymous), block_document_references: nested.references },
    };
  }
  path.delete(id);
  const schema = g.schemas.get(row.block_schema_id);
  const masked = includeSecrets || !schema ? data : maskSecrets(data, secretFieldsOf(fromJson(schema.fields, {})));
  return { data: masked, references };
}

/** API documents for rows (references inlined, secrets masked unless `includeSecrets`). */
export async function decodeDocuments(db: Executor, box: SecretBox, rows: DocRow[], includeSecrets: boolean): Promise<BlockDocumentT[]> {
  if (rows.length === 0) return [];
  const g = await loadGraph(db, rows);
  const cache = new Map<string, Json>();
  return rows.map((row) => {
    const { data, references } = resolve(box, g, row.id, includeSecrets, new Set(), cache);
    const schema = g.schemas.get(row.block_schema_id);
    const type = g.types.get(row.block_type_id);
    return {
      id: row.id,
      created: formatDateTime(row.created),
      updated: formatDateTime(row.updated),
      name: row.name,
      data,
      block_schema_id: row.block_schema_id,
      block_schema: schema ? decodeBlockSchema(schema, g.types.get(schema.block_type_id)) : null,
      block_type_id: row.block_type_id,
      block_type_name: type?.name ?? null,
      block_type: type ? decodeBlockType(type) : null,
      block_document_references: references as BlockDocumentT['block_document_references'],
      is_anonymous: Boolean(row.is_anonymous),
    };
  });
}

export async function readBlockDocument(db: Executor, box: SecretBox, id: string, includeSecrets: boolean): Promise<BlockDocumentT | null> {
  const row = await db.selectFrom('block_document').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await decodeDocuments(db, box, [row], includeSecrets))[0] : null;
}

/** A document's data with references inlined and secrets in clear (notifications, job variables). */
export async function blockDocumentData(db: Executor, box: SecretBox, id: string): Promise<Json | null> {
  return (await readBlockDocument(db, box, id, true))?.data ?? null;
}

export async function readBlockDocumentByName(db: Executor, box: SecretBox, typeSlug: string, name: string, includeSecrets: boolean) {
  const row = await db
    .selectFrom('block_document')
    .innerJoin('block_type', 'block_type.id', 'block_document.block_type_id')
    .selectAll('block_document')
    .where('block_type.slug', '=', typeSlug)
    .where('block_document.name', '=', name)
    .executeTakeFirst();
  return row ? (await decodeDocuments(db, box, [row], includeSecrets))[0] : null;
}

// ---- filters ----------------------------------------------------------------------

function documentCond(fc: FilterCompiler, f: BlockDocumentFilterT | null | undefined, a: string): Cond | null {
  const anonymous = (eq: boolean | null | undefined) => (present(eq) ? sql<boolean>`${fc.col(a, 'is_anonymous')} = ${eq ? 1 : 0}` : null);
  // `is_anonymous` defaults to {eq_: false}, also when the filter is absent; an explicit null lifts it.
  // The default always narrows (AND), even in an `or_` filter: only a sent criterion joins the `or_`.
  const sent = Boolean(f && 'is_anonymous' in f);
  const own = f
    ? combine(
        [
          present(f.id?.any_) ? fc.inList(a, 'id', f.id.any_) : null,
          present(f.name?.any_) ? fc.inList(a, 'name', f.name.any_) : null,
          present(f.name?.like_) ? fc.like(a, 'name', f.name.like_) : null,
          present(f.block_type_id?.any_) ? fc.inList(a, 'block_type_id', f.block_type_id.any_) : null,
          sent ? anonymous(f.is_anonymous?.eq_) : null,
        ],
        f.operator,
      )
    : null;
  return combine([own, sent ? null : anonymous(false)]);
}

function documentBodyCond(db: Db, body: BlockDocumentFilters, a: string): Cond {
  const fc = new FilterCompiler(db.dialect);
  const conds: (Cond | null)[] = [documentCond(fc, body.block_documents, a)];
  if (present(body.block_types)) {
    const t = fc.alias('bt');
    conds.push(fc.exists(sql`block_type as ${sql.id(t)}`, all([sql`${fc.col(t, 'id')} = ${fc.col(a, 'block_type_id')}`, blockTypeCond(fc, body.block_types, t)])));
  }
  if (present(body.block_schemas)) {
    const s = fc.alias('bs');
    conds.push(fc.exists(sql`block_schema as ${sql.id(s)}`, all([sql`${fc.col(s, 'id')} = ${fc.col(a, 'block_schema_id')}`, blockSchemaCond(fc, body.block_schemas, s)])));
  }
  return all(conds);
}

export async function filterBlockDocuments(db: Db, box: SecretBox, body: BlockDocumentFilters & { sort?: string | null; include_secrets?: boolean | null }, limit: number, offset: number) {
  let q = db.kysely.selectFrom('block_document').selectAll('block_document').where(documentBodyCond(db, body, 'block_document'));
  if (body.sort === 'BLOCK_TYPE_AND_NAME_ASC') {
    q = q.innerJoin('block_type', 'block_type.id', 'block_document.block_type_id').orderBy('block_type.name').orderBy('block_document.name');
  } else q = q.orderBy('block_document.name', body.sort === 'NAME_DESC' ? 'desc' : 'asc');
  const rows = await q.orderBy('block_document.id').limit(limit).offset(offset).execute();
  return decodeDocuments(db.kysely, box, rows, body.include_secrets ?? false);
}

export async function countBlockDocuments(db: Db, body: BlockDocumentFilters) {
  const row = await db.kysely
    .selectFrom('block_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(documentBodyCond(db, body, 'block_document'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- writing ----------------------------------------------------------------------

/** Splits data into own values and references, refusing malformed references (422 naming the key). */
function splitReferences(data: Json): { values: Json; refs: Map<string, string> } {
  const values: Json = {};
  const refs = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (isObject(value) && Object.hasOwn(value, '$ref')) {
      const ref = value.$ref;
      const id = isObject(ref) ? ref.block_document_id : undefined;
      if (typeof id !== 'string' || !/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(id)) {
        throw new RequestValidationError(['body', 'data', key], 'a reference must look like {"$ref": {"block_document_id": "<uuid>"}}', 'value_error.reference');
      }
      refs.set(key, id.toLowerCase());
    } else Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { values, refs };
}

/** Checks reference targets: they exist, have the type the schema expects, and form no cycle. */
async function checkReferences(db: Executor, refs: Map<string, string>, schemaFields: Json, selfId: string | null) {
  if (refs.size === 0) return;
  const targets = await db
    .selectFrom('block_document')
    .innerJoin('block_type', 'block_type.id', 'block_document.block_type_id')
    .select(['block_document.id', 'block_type.slug'])
    .where('block_document.id', 'in', [...new Set(refs.values())])
    .execute();
  const slugById = new Map(targets.map((t) => [t.id, t.slug]));
  const declared = isObject(schemaFields.block_schema_references) ? schemaFields.block_schema_references : {};
  for (const [key, id] of refs) {
    if (!slugById.has(id)) throw new RequestValidationError(['body', 'data', key], `references block document ${id}, which does not exist`, 'value_error.reference');
    const expected = declared[key];
    const slugs = (Array.isArray(expected) ? expected : expected ? [expected] : []).map((e) => (isObject(e) ? e.block_type_slug : undefined)).filter((s): s is string => typeof s === 'string');
    if (slugs.length && !slugs.includes(slugById.get(id)!)) {
      throw new RequestValidationError(['body', 'data', key], `expects a block document of type ${slugs.map((s) => `"${s}"`).join(' or ')}, got "${slugById.get(id)}"`, 'value_error.reference');
    }
  }
  if (!selfId) return;
  // A cycle exists when the document is reachable from one of its new targets.
  for (const [key, start] of refs) {
    const seen = new Set<string>();
    let frontier = [start];
    while (frontier.length) {
      if (frontier.includes(selfId)) throw new RequestValidationError(['body', 'data', key], 'this reference would create a cycle of block document references', 'value_error.reference');
      frontier.forEach((id) => seen.add(id));
      const next = await db.selectFrom('block_document_reference').select('reference_block_document_id as id').where('parent_block_document_id', 'in', frontier).execute();
      frontier = [...new Set(next.map((n) => n.id))].filter((id) => !seen.has(id));
    }
  }
}

async function writeReferences(db: Executor, parentId: string, refs: Map<string, string>, now: number) {
  await db.deleteFrom('block_document_reference').where('parent_block_document_id', '=', parentId).execute();
  if (refs.size === 0) return;
  await db
    .insertInto('block_document_reference')
    .values([...refs].map(([name, target]) => ({ id: randomUUID(), created: now, updated: now, name, parent_block_document_id: parentId, reference_block_document_id: target })))
    .execute();
}

export interface BlockDocumentInput {
  name?: string | null;
  data?: Json;
  block_schema_id: string;
  block_type_id: string;
  is_anonymous?: boolean;
}

export async function createBlockDocument(db: Executor, box: SecretBox, input: BlockDocumentInput): Promise<string> {
  const anonymous = input.is_anonymous ?? false;
  if (!anonymous && !present(input.name)) throw new RequestValidationError(['body', 'name'], 'Names must be provided for block documents.', 'value_error.missing');
  const schema = await db.selectFrom('block_schema').selectAll().where('id', '=', input.block_schema_id).executeTakeFirst();
  if (!schema) throw notFound('Block schema not found');
  const type = await db.selectFrom('block_type').select('id').where('id', '=', input.block_type_id).executeTakeFirst();
  if (!type) throw notFound('Block type not found');
  if (schema.block_type_id !== input.block_type_id) throw new RequestValidationError(['body', 'block_schema_id'], 'the block schema belongs to another block type', 'value_error');
  const id = randomUUID();
  const name = present(input.name) ? input.name : `anonymous-${id}`;
  const clash = await db.selectFrom('block_document').select('id').where('block_type_id', '=', input.block_type_id).where('name', '=', name).executeTakeFirst();
  if (clash) throw new HttpError(409, 'Block already exists');

  const { values, refs } = splitReferences(input.data ?? {});
  await checkReferences(db, refs, fromJson(schema.fields, {}), null);
  const now = nowMicros();
  await db
    .insertInto('block_document')
    .values({ id, created: now, updated: now, name, data: box.encrypt(JSON.stringify(values), id), block_schema_id: schema.id, block_type_id: input.block_type_id, is_anonymous: anonymous ? 1 : 0 })
    .execute();
  await writeReferences(db, id, refs, now);
  return id;
}

export interface BlockDocumentUpdateInput {
  block_schema_id?: string | null;
  data?: Json;
  merge_existing_data?: boolean;
}

export async function updateBlockDocument(db: Executor, box: SecretBox, id: string, input: BlockDocumentUpdateInput): Promise<void> {
  const row = await db.selectFrom('block_document').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(BLOCK_DOCUMENT_NOT_FOUND);
  let schemaId = row.block_schema_id;
  if (present(input.block_schema_id)) {
    const target = await db.selectFrom('block_schema').select(['id', 'block_type_id']).where('id', '=', input.block_schema_id).executeTakeFirst();
    if (!target) throw notFound('Block schema not found');
    if (target.block_type_id !== row.block_type_id) throw new HttpError(400, 'Must migrate block document to a block schema of the same block type.');
    schemaId = target.id;
  }
  const schema = await db.selectFrom('block_schema').select('fields').where('id', '=', schemaId).executeTakeFirstOrThrow();
  const fields = fromJson<Json>(schema.fields, {});

  const ownValues = JSON.parse(box.decrypt(row.data, row.id)) as Json;
  const currentRefs = new Map((await db.selectFrom('block_document_reference').select(['name', 'reference_block_document_id']).where('parent_block_document_id', '=', id).execute()).map((r) => [r.name, r.reference_block_document_id]));
  const current = (await decodeDocuments(db, box, [row], true))[0].data;

  const incoming = splitReferences(input.data ?? {});
  const merge = input.merge_existing_data ?? true;
  const values: Json = merge ? { ...ownValues } : {};
  const refs = merge ? new Map(currentRefs) : new Map<string, string>();
  for (const [key, value] of Object.entries(incoming.values)) {
    Object.defineProperty(values, key, { value, enumerable: true, writable: true, configurable: true });
    refs.delete(key);
  }
  for (const [key, target] of incoming.refs) {
    delete values[key];
    refs.set(key, target);
  }
  const changedRefs = new Map([...incoming.refs].filter(([key, target]) => currentRefs.get(key) !== target));
  await checkReferences(db, changedRefs, fields, id);
  // A secret sent back as the mask keeps the stored value.
  const restored = restoreMaskedSecrets(values, current, secretFieldsOf(fields));
  const now = nowMicros();
  await db.updateTable('block_document').set({ updated: now, block_schema_id: schemaId, data: box.encrypt(JSON.stringify(restored), id) }).where('id', '=', id).execute();
  await writeReferences(db, id, refs, now);
}

export async function deleteBlockDocument(db: Executor, id: string): Promise<boolean> {
  const res = await db.deleteFrom('block_document').where('id', '=', id).executeTakeFirst();
  return Boolean(res.numDeletedRows);
}
