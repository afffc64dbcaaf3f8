/**
 * JSON Schema normalisation for the schema form: `$ref` into `definitions`/`$defs` (any
 * JSON pointer), `allOf` merged, null-valued keywords dropped (real tools emit
 * `"required": null`), with a guard against references that lead back to themselves.
 * Resolution is lazy, one level at a time, so recursive models (a tree of nodes) stay
 * finite: a child is only resolved when its field is shown.
 */

/** A JSON Schema node as flows, blocks and work pools produce it (loosely typed: real schemas bend the spec). */
export type JsonSchema = Record<string, unknown>;

export interface Resolved {
  schema: JsonSchema;
  /** Why the node cannot be used (a reference that refers to itself without end, a missing target). */
  problem?: string;
}

/** Keywords that tools emit as `null` meaning "none"; dropping them keeps every consumer simple. */
const NULLABLE_KEYWORDS = new Set(['definitions', '$defs', 'required', 'properties', 'items', 'prefixItems', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'title', 'description', 'format', 'enum', 'examples']);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function asSchema(node: unknown): JsonSchema {
  if (node === true || node === undefined) return {};
  if (!isObject(node)) return {};
  let out: JsonSchema | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (value === null && NULLABLE_KEYWORDS.has(key)) {
      out ??= { ...node };
      delete out[key];
    }
  }
  return out ?? node;
}

/** The node a local reference (`#/definitions/Foo`, `#/$defs/Foo`, any `#/…` pointer) points to. */
export function refTarget(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return isObject(node) || node === true ? asSchema(node) : undefined;
}

/** The name a reference points to, for messages (`#/definitions/City` → `City`). */
export const refName = (ref: string) => ref.split('/').at(-1) ?? ref;

const unique = (list: unknown[]) => [...new Set(list)];

/**
 * Merges two schemas of one value (`allOf` members, a `$ref` and its siblings): properties
 * and `required` are united; for every other keyword the first schema wins, so a
 * property's own title, description and default beat its model's.
 */
export function mergeSchemas(first: JsonSchema, second: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...second, ...first };
  if (isObject(first.properties) || isObject(second.properties)) out.properties = { ...(isObject(second.properties) ? second.properties : {}), ...(isObject(first.properties) ? first.properties : {}) };
  if (Array.isArray(first.required) || Array.isArray(second.required)) out.required = unique([...(Array.isArray(second.required) ? second.required : []), ...(Array.isArray(first.required) ? first.required : [])]);
  return out;
}

/**
 * One node with its `$ref` chain followed and its `allOf` merged. `chain` holds the
 * references already being resolved for this same value: meeting one again is a loop
 * (`Node → Node`) for a plain `$ref`, and is skipped inside `allOf` (a model listing itself).
 */
export function resolveSchema(root: JsonSchema, input: unknown, chain: readonly string[] = []): Resolved {
  let schema = asSchema(input);
  const seen = [...chain];
  while (typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    const { $ref: _ignored, ...siblings } = schema;
    if (seen.includes(ref)) return { schema: siblings, problem: `Its schema refers to itself without end (${refName(ref)} → ${refName(ref)}), so it cannot be shown as a form.` };
    const target = refTarget(root, ref);
    if (!target) return { schema: siblings, problem: `Its schema refers to ${ref}, which the schema does not define.` };
    seen.push(ref);
    schema = mergeSchemas(siblings, target);
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...base } = schema;
    let merged: JsonSchema = base;
    for (const member of allOf) {
      const ref = isObject(member) && typeof member.$ref === 'string' ? member.$ref : undefined;
      if (ref && seen.includes(ref)) continue;
      const resolved = resolveSchema(root, member, seen);
      if (resolved.problem) return { schema: merged, problem: resolved.problem };
      merged = mergeSchemas(merged, resolved.schema);
    }
    schema = merged;
  }
  return { schema };
}

/** The JSON type names of a node (`type` as a string or a list). */
export function typesOf(schema: JsonSchema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  return [];
}

export const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

/** Whether the schema draws a block document (its definition carries `block_type_slug`). */
export const blockTypeSlug = (schema: JsonSchema): string | undefined => (typeof schema.block_type_slug === 'string' ? schema.block_type_slug : undefined);
