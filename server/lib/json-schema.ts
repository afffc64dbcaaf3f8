import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * Validation of user-supplied JSON Schemas (deployment parameters, job variables,
 * `/ui/schemas/validate`). Real flows produce both draft-07 schemas (`definitions`,
 * tuple `items: [...]`) and 2020-12 ones (`$defs`, `prefixItems`): a schema that uses
 * the older tuple form is compiled as draft-07, everything else as 2020-12.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export class SchemaError extends Error {}

function configure<T extends Ajv>(ajv: T): T {
  addFormats(ajv);
  // Formats a schema may carry without them constraining values.
  for (const format of ['path', 'time-delta', 'json-string', 'password', 'secret', 'textarea', 'markdown', 'color', 'int', 'float']) ajv.addFormat(format, true);
  for (const keyword of ['position', 'block_type_slug', 'block_schema_references', 'secret_fields', 'example', 'x-syntask', 'x-order']) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword(keyword);
  }
  return ajv;
}

const options = { strict: false, allErrors: true, validateFormats: true, unicodeRegExp: false } as const;
const draft7 = configure(new Ajv({ ...options }));
const draft2020 = configure(new Ajv2020({ ...options }) as unknown as Ajv);

function usesTupleItems(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(usesTupleItems);
  if (!schema || typeof schema !== 'object') return false;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'items' && Array.isArray(value)) return true;
    if (usesTupleItems(value)) return true;
  }
  return false;
}

const cache = new WeakMap<object, ValidateFunction>();

/** Keywords that real tools emit as `null` ("no definitions") although the meta-schema wants a value. */
const NULLABLE_BY_PRACTICE = new Set(['definitions', '$defs', 'required', 'properties', 'patternProperties', 'items', 'prefixItems', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'title', 'description', 'format', 'enum']);
/** Values, not subschemas: never rewritten. */
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples', 'example']);

/** A copy without the null-valued keywords above, and without `$id`/`$schema` at the root. */
export function cleanSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const clean = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(clean);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (value === null && NULLABLE_BY_PRACTICE.has(key)) continue;
      out[key] = DATA_KEYWORDS.has(key) ? value : clean(value);
    }
    return out;
  };
  const copy = clean(schema) as Record<string, unknown>;
  delete copy.$id;
  delete copy.$schema;
  return copy;
}

const ajvFor = (schema: unknown) => (usesTupleItems(schema) ? draft7 : draft2020);

/** Compiles a user schema; throws SchemaError when it is invalid or cannot be compiled (endless `$ref` loops). */
export function compileSchema(schema: unknown): ValidateFunction {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) throw new SchemaError('A schema must be a JSON object');
  const hit = cache.get(schema);
  if (hit) return hit;
  const copy = cleanSchema(schema as Record<string, unknown>);
  let validate: ValidateFunction;
  try {
    validate = ajvFor(copy).compile(copy);
  } catch (err) {
    if (err instanceof RangeError) throw new SchemaError('The schema cannot be evaluated: a $ref refers to itself without end.');
    throw new SchemaError((err as Error).message.replace(/^schema is invalid: /, ''));
  }
  cache.set(schema, validate);
  return validate;
}

/** Why a schema is not a valid JSON Schema (by its meta-schema), or null. Stored schemas stay verbatim. */
export const schemaProblem = (schema: unknown): string | null => {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return 'A schema must be a JSON object';
  const copy = cleanSchema(schema as Record<string, unknown>);
  const ajv = ajvFor(copy);
  if (ajv.validateSchema(copy)) return null;
  return ajv.errorsText(ajv.errors, { dataVar: 'schema' });
};

/** A `$ref` that leads back to itself (recursive models). */
export function hasCircularRefs(schema: Record<string, unknown>): boolean {
  const resolveRef = (ref: string): unknown => {
    if (!ref.startsWith('#/')) return undefined;
    return ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), schema);
  };
  const visit = (node: unknown, active: Set<string>): boolean => {
    if (Array.isArray(node)) return node.some((n) => visit(n, active));
    if (!node || typeof node !== 'object') return false;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      if (active.has(ref)) return true;
      const target = resolveRef(ref);
      if (target !== undefined && visit(target, new Set([...active, ref]))) return true;
    }
    return Object.entries(node).some(([k, v]) => k !== '$ref' && k !== 'definitions' && k !== '$defs' && visit(v, active));
  };
  return visit(schema, new Set());
}

/** Python's repr of a JSON value, so messages read like jsonschema's (`'x' is not of type 'integer'`). */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}

export interface ValueError {
  /** Location inside the value: property names and array indices. */
  path: (string | number)[];
  message: string;
  keyword: string;
  instance: unknown;
}

function at(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined), root);
}

/** JSON pointer → path, with array indices as numbers. */
function pathOf(root: unknown, pointer: string): (string | number)[] {
  const path: (string | number)[] = [];
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(step);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step as string] : undefined;
  }
  return path;
}

function messageOf(e: ErrorObject, instance: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${pythonRepr(p.missingProperty)} is a required property`;
    case 'type':
      return `${pythonRepr(instance)} is not of type ${String(p.type)
        .split(',')
        .map((t) => `'${t}'`)
        .join(', ')}`;
    case 'format':
      return `${pythonRepr(instance)} is not a '${p.format}'`;
    case 'enum':
      return `${pythonRepr(instance)} is not one of ${pythonRepr(p.allowedValues)}`;
    case 'const':
      return `${pythonRepr(p.allowedValue)} was expected`;
    case 'anyOf':
    case 'oneOf':
      return `${pythonRepr(instance)} is not valid under any of the given schemas`;
    case 'minimum':
      return `${pythonRepr(instance)} is less than the minimum of ${p.limit}`;
    case 'maximum':
      return `${pythonRepr(instance)} is greater than the maximum of ${p.limit}`;
    case 'exclusiveMinimum':
      return `${pythonRepr(instance)} is less than or equal to the minimum of ${p.limit}`;
    case 'exclusiveMaximum':
      return `${pythonRepr(instance)} is greater than or equal to the maximum of ${p.limit}`;
    case 'minLength':
      return `${pythonRepr(instance)} is too short`;
    case 'maxLength':
      return `${pythonRepr(instance)} is too long`;
    case 'minItems':
      return `${pythonRepr(instance)} is too short`;
    case 'maxItems':
      return `${pythonRepr(instance)} is too long`;
    case 'pattern':
      return `${pythonRepr(instance)} does not match ${pythonRepr(p.pattern)}`;
    case 'additionalProperties':
      return `Additional properties are not allowed (${pythonRepr(p.additionalProperty)} was unexpected)`;
    case 'multipleOf':
      return `${pythonRepr(instance)} is not a multiple of ${p.multipleOf}`;
    case 'uniqueItems':
      return `${pythonRepr(instance)} has non-unique elements`;
    default:
      return e.message ?? `${pythonRepr(instance)} is not valid`;
  }
}

/** A chosen block document, as clients send it for a block-typed value. */
const BLOCK_REFERENCE = {
  type: 'object',
  properties: {
    $ref: {
      anyOf: [
        { type: 'string', format: 'uuid' },
        { type: 'object', properties: { block_document_id: { type: 'string', format: 'uuid' } }, required: ['block_document_id'] },
      ],
    },
  },
  required: ['$ref'],
  additionalProperties: false,
};

const withReferences = new WeakMap<object, Record<string, unknown>>();

/**
 * The schema where every block-typed subschema (one carrying `block_type_slug`) also accepts
 * a block-document reference: parameters name a stored block instead of inlining its data
 * (the runner resolves it). Other schemas come back unchanged; the copy is cached.
 */
export function acceptingBlockReferences(schema: Record<string, unknown>): Record<string, unknown> {
  const hit = withReferences.get(schema);
  if (hit) return hit;
  let found = false;
  const walk = (node: unknown, isSchema: boolean, root = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, isSchema));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (DATA_KEYWORDS.has(key)) out[key] = value;
      // Under `properties`, `definitions` … the keys are names and every value a schema.
      else if (key === 'properties' || key === 'definitions' || key === '$defs' || key === 'patternProperties') out[key] = value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, true)])) : value;
      else out[key] = walk(value, true);
    }
    // `block_schema_references` entries carry a slug too, but no schema keywords.
    const looksLikeSchema = 'properties' in out || 'type' in out || '$ref' in out || 'allOf' in out;
    if (isSchema && !root && typeof out.block_type_slug === 'string' && looksLikeSchema) {
      found = true;
      return { anyOf: [out, BLOCK_REFERENCE] };
    }
    return out;
  };
  const result = walk(schema, true, true) as Record<string, unknown>;
  const chosen = found ? result : schema;
  withReferences.set(schema, chosen);
  return chosen;
}

/**
 * Validates values against a schema. Like jsonschema, a failed union is reported once at
 * the union, not branch by branch; `ignoreRequired` drops missing-key errors (deployment
 * defaults may be partial).
 */
export function validateValues(schema: unknown, values: unknown, options: { ignoreRequired?: boolean } = {}): ValueError[] {
  const validate = compileSchema(schema);
  if (validate(values)) return [];
  const errors = validate.errors ?? [];
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath);
  const out: ValueError[] = [];
  for (const e of errors) {
    if (unions.some((u) => e.schemaPath.startsWith(u + '/'))) continue;
    if (e.keyword === 'if' || e.keyword === 'allOf' || e.keyword === 'not' || e.keyword === '$ref') continue;
    if (options.ignoreRequired && e.keyword === 'required') continue;
    const path = pathOf(values, e.instancePath);
    const instance = at(values, path);
    out.push({ path, message: messageOf(e, instance), keyword: e.keyword, instance });
  }
  return out;
}

/** One human sentence per error, naming the field: `Validation failed for field 'config.port': …`. */
export function describeErrors(errors: ValueError[]): string {
  return errors
    .map((e) => {
      const field = e.keyword === 'required' ? [...e.path, /'([^']+)'/.exec(e.message)?.[1] ?? ''] : e.path;
      return field.length ? `Validation failed for field '${field.join('.')}': ${e.message}` : e.message;
    })
    .join('; ');
}

export type ErrorNode = string | { property: string; errors: ErrorNode[] } | { index: number; errors: ErrorNode[] };

/**
 * The response of `/ui/schemas/validate`: errors nested by property and array index.
 * Placeholders left by lenient hydration report their own message, or nothing when
 * they are not errors (an unrendered but valid Jinja template).
 */
export function errorTree(errors: ValueError[], isPlaceholder: (v: unknown) => v is { message: string; error: boolean }): { valid: boolean; errors: ErrorNode[] } {
  const root: ErrorNode[] = [];
  let valid = true;
  for (const error of errors) {
    let message = error.message;
    if (isPlaceholder(error.instance)) {
      if (!error.instance.error) continue;
      message = error.instance.message;
    }
    valid = false;
    const path = [...error.path];
    if (path.length === 0 && error.keyword === 'required') path.push(/'([^']+)'/.exec(message)?.[1] ?? '');
    if (path.length === 0) {
      root.push(message);
      continue;
    }
    let current = root;
    path.forEach((key, i) => {
      const isIndex = typeof key === 'number';
      let node = current.find((n): n is Exclude<ErrorNode, string> => typeof n === 'object' && (isIndex ? 'index' in n && n.index === key : 'property' in n && n.property === key));
      if (!node) {
        node = isIndex ? { index: key as number, errors: [] } : { property: String(key), errors: [] };
        current.push(node);
      }
      if (i === path.length - 1) node.errors.push(message);
      current = node.errors;
    });
  }
  return { valid, errors: root };
}
