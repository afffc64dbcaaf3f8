import { z } from 'zod';

export type ParameterSchema = z.ZodObject<z.ZodRawShape>;

type Json = Record<string, unknown>;

/**
 * The JSON Schema of a flow's parameters, as a deployment's `parameter_openapi_schema`, in
 * the shape Syntask 2 clients send (Pydantic's, contract §3.5): titles (from
 * `.meta({ title })` or the key), descriptions, defaults, enums, arrays, unions and date
 * formats come from zod; nullable is `anyOf [T, null]`; nested objects are `definitions`
 * referenced by `$ref`; `position` keeps the order.
 */
export function parametersJsonSchema(schema: ParameterSchema | undefined, title = 'Parameters'): Json {
  if (!schema) return { title, type: 'object', properties: {} };
  const json = tidy(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })) as Json;
  delete json.$schema;
  const definitions: Record<string, Json> = {};
  for (const [name, def] of Object.entries((json.$defs ?? {}) as Record<string, Json>)) definitions[name] = pydantic(def, definitions, name, true) as Json;
  delete json.$defs;
  const properties = Object.fromEntries(Object.entries((json.properties ?? {}) as Record<string, Json>).map(([key, prop], position) => [key, { ...(pydantic(prop, definitions, key) as Json), position }]));
  return { title, ...json, properties, ...(Object.keys(definitions).length ? { definitions } : {}) };
}

/** Keywords about a value rather than its type: they stay on the property when its type moves. */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'position']);
/** What makes an object a model of its own (Pydantic's nested `BaseModel`). */
const MODEL_KEYS = new Set(['type', 'properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties']);

const split = (node: Json, keep: (key: string) => boolean) => [Object.fromEntries(Object.entries(node).filter(([k]) => keep(k))), Object.fromEntries(Object.entries(node).filter(([k]) => !keep(k)))] as const;
const pascal = (text: string) => text.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase()).replace(/^./, (c) => c.toUpperCase()) || 'Model';

/** Stores a model under a free name (an identical one is shared) and returns its `$ref`. */
function define(definitions: Record<string, Json>, hint: string, model: Json): string {
  const base = pascal(hint);
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}${i}`;
    const candidate = { ...model, title: name };
    if (definitions[name] && JSON.stringify(definitions[name]) !== JSON.stringify(candidate)) continue;
    definitions[name] = candidate;
    return `#/definitions/${name}`;
  }
}

/**
 * Pydantic's shapes: `type: [T, "null"]` → `anyOf: [{type: T}, {type: "null"}]`, nested
 * objects → `definitions` + `$ref`, zod's own `#/$defs/` refs → `#/definitions/`.
 */
function pydantic(node: unknown, definitions: Record<string, Json>, hint: string, isDefinition = false): unknown {
  if (Array.isArray(node)) return node.map((n) => pydantic(n, definitions, hint));
  if (!node || typeof node !== 'object') return node;
  const n = node as Json;
  if (Array.isArray(n.type) && n.type.includes('null')) {
    const [annotations, rest] = split(n, (k) => ANNOTATIONS.has(k));
    const values = Array.isArray(rest.enum) ? { enum: rest.enum.filter((v) => v !== null) } : {};
    const branches = (n.type as string[]).filter((t) => t !== 'null').map((type) => ({ ...rest, ...values, type }));
    return pydantic({ ...annotations, anyOf: [...branches, { type: 'null' }] }, definitions, hint, isDefinition);
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(n)) {
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace(/^#\/\$defs\//, '#/definitions/');
    else if (key === 'properties' && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, pydantic(prop, definitions, name)]));
    else if (key === 'items' || key === 'prefixItems') out[key] = pydantic(value, definitions, `${hint} item`);
    else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'additionalProperties') out[key] = pydantic(value, definitions, hint);
    else out[key] = value;
  }
  if (isDefinition || out.type !== 'object' || !out.properties) return out;
  const [model, rest] = split(out, (k) => MODEL_KEYS.has(k));
  return { ...rest, $ref: define(definitions, typeof out.title === 'string' ? out.title : hint, model) };
}

const FORMATS_WITH_OWN_PATTERN = new Set(['date', 'date-time', 'time', 'email', 'uuid', 'uri']);

/** Titles for every property; no regex that only restates a format; no ±2^53 bounds zod adds to ints. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && FORMATS_WITH_OWN_PATTERN.has((node as { format?: string }).format ?? '')) continue;
    if ((key === 'maximum' || key === 'minimum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
    // Object keys are strings anyway; Pydantic does not say so.
    if (key === 'propertyNames' && JSON.stringify(value) === '{"type":"string"}') continue;
    if (key === 'default' || key === 'const' || key === 'enum' || key === 'examples') out[key] = value;
    else if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, prop]) => [name, { title: name, ...(tidy(prop) as object) }]));
    } else out[key] = tidy(value);
  }
  return out;
}

export class ParameterValidationError extends Error {}

/** Validates and completes (defaults) parameters; the message names each failing field. */
export function validateParameters(schema: ParameterSchema | undefined, values: Record<string, unknown>): Record<string, unknown> {
  if (!schema) return values;
  const result = schema.safeParse(values);
  if (result.success) return result.data as Record<string, unknown>;
  const problems = result.error.issues.map((issue) => `${issue.path.length ? `'${issue.path.join('.')}'` : 'parameters'}: ${issue.message}`);
  throw new ParameterValidationError(`Validation of flow parameters failed: ${problems.join('; ')}`);
}
