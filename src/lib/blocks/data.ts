import { asSchema, isObject, refTarget, type JsonSchema } from '../schema-form/schema.ts';

/**
 * Block document data between the server and the form. The server inlines referenced
 * documents into `data` on read and masks secrets as `********`; the form edits references
 * as `{"$ref": {"block_document_id"}}` and sends masks back, which the server reads as
 * "keep the stored secret" (contract §3.8).
 */

export const SECRET_MASK = '********';

type Json = Record<string, unknown>;

export interface DocumentLike {
  data: Json;
  block_document_references: Record<string, { block_document: { id: string } }>;
}

/** The form's starting value: each referenced document as a reference, never its inlined (masked) data. */
export function formValueOfDocument(doc: DocumentLike): Json {
  const out: Json = { ...doc.data };
  for (const [field, ref] of Object.entries(doc.block_document_references)) out[field] = { $ref: { block_document_id: ref.block_document.id } };
  return out;
}

/**
 * The `data` to send: the form's value without unset fields. An unchanged secret is still
 * the mask (the server keeps the stored value); a typed one replaces it.
 */
export function dataForSave(value: unknown): Json {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** `PATCH /block_documents/{id}` body: the whole data, replacing the stored keys, so a cleared optional field is cleared. */
export function updateBodyOf(value: unknown) {
  return { data: dataForSave(value), merge_existing_data: false };
}

/**
 * The block schema as the form shows it: every `secret_fields` path (`password`,
 * `headers.*`) that holds strings becomes a password field (`writeOnly`), so secrets are
 * typed into password inputs and a stored one shows only as "stored secret". Paths inside
 * a referenced block (`credentials.password`) belong to that block's own form.
 */
export function withSecretFields(schema: JsonSchema): JsonSchema {
  const paths = Array.isArray(schema.secret_fields) ? schema.secret_fields.filter((p): p is string => typeof p === 'string' && p !== '') : [];
  if (paths.length === 0) return schema;
  const root = structuredClone(schema);
  for (const path of paths) markPath(root, root, path.split('.'));
  return root;
}

function markPath(root: JsonSchema, node: JsonSchema, parts: string[]): void {
  // Follow a plain reference by inlining a copy, so marking one use does not mark every use.
  const target = resolveLocal(root, node);
  if (target === null) return;
  if (parts.length === 0) {
    markSecret(target);
    return;
  }
  const [head, ...rest] = parts;
  if (head === '*') {
    if (isObject(target.additionalProperties)) {
      target.additionalProperties = { ...target.additionalProperties };
      markPath(root, target.additionalProperties as JsonSchema, rest);
    }
    if (isObject(target.items)) {
      target.items = { ...target.items };
      markPath(root, target.items as JsonSchema, rest);
    }
    return;
  }
  if (!isObject(target.properties) || !isObject(target.properties[head])) return;
  const properties = { ...target.properties };
  properties[head] = { ...(properties[head] as JsonSchema) };
  target.properties = properties;
  markPath(root, properties[head] as JsonSchema, rest);
}

/** The node itself, with a local `$ref` replaced in place by a copy of its target; null for a block reference. */
function resolveLocal(root: JsonSchema, node: JsonSchema): JsonSchema | null {
  for (let i = 0; i < 10 && typeof node.$ref === 'string'; i++) {
    const target = refTarget(root, node.$ref);
    if (!target || typeof target.block_type_slug === 'string') return null;
    const { $ref: _ref, ...siblings } = node;
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, structuredClone(asSchema(target)), siblings);
  }
  return node;
}

/** Only strings become password inputs; a secret of another type keeps its own widget (and shows the mask as text). */
function markSecret(node: JsonSchema): void {
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type : [];
  if (types.includes('string')) node.writeOnly = true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = node[key];
    if (Array.isArray(members)) node[key] = members.map((m) => (isObject(m) && m.type === 'string' ? { ...m, writeOnly: true } : m));
  }
}

/** Block type slugs that a schema's fields reference (`block_schema_references`, one or a list per field). */
export function referencedSlugs(fields: unknown): string[] {
  const refs = isObject(fields) && isObject(fields.block_schema_references) ? fields.block_schema_references : {};
  const out = new Set<string>();
  for (const value of Object.values(refs)) {
    for (const ref of Array.isArray(value) ? value : [value]) if (isObject(ref) && typeof ref.block_type_slug === 'string') out.add(ref.block_type_slug);
  }
  return [...out];
}

/** Which documents reference `id`, and under which field: the "referenced by" list of a block page. */
export function referencesTo<T extends DocumentLike & { id: string }>(documents: readonly T[], id: string): { document: T; field: string }[] {
  const out: { document: T; field: string }[] = [];
  for (const document of documents) {
    if (document.id === id) continue;
    for (const [field, ref] of Object.entries(document.block_document_references)) if (ref.block_document.id === id) out.push({ document, field });
  }
  return out;
}
