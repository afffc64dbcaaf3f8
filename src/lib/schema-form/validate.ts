import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { asSchema, blockTypeSlug, isObject, JSON_TYPES, type JsonSchema } from './schema.ts';

/**
 * Validation of form values with ajv, on every change. The schema is first made
 * checkable without changing what it accepts for sound schemas: the draft-07 tuple form
 * (`items: [...]`) becomes `prefixItems`, a node of an unknown type and a reference that
 * only leads back to itself accept anything (the form flags those fields itself), unknown
 * formats are annotations, and a block field also accepts a document reference
 * `{"$ref": {"block_document_id": …}}`. Errors come back by JSON pointer of the value.
 */

/** Messages by JSON pointer of the value (`''` is the whole value, `/a/0/b` a nested field). */
export type FieldErrors = Record<string, string[]>;

export interface Validation {
  valid: boolean;
  errors: FieldErrors;
}

export const BLOCK_REFERENCE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { $ref: { type: 'object', properties: { block_document_id: { type: 'string', format: 'uuid' } }, required: ['block_document_id'] } },
  required: ['$ref'],
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let ajvInstance: Ajv2020 | undefined;
function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  const instance = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, unicodeRegExp: false, logger: false });
  addFormats(instance);
  instance.addFormat('json-string', {
    type: 'string',
    validate: (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    },
  });
  for (const keyword of ['position', 'block_type_slug', 'block_schema_references', 'secret_fields', 'example', 'x-syntask']) instance.addKeyword(keyword);
  ajvInstance = instance;
  return instance;
}

const STRUCTURE = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const DATA = new Set(['default', 'const', 'enum', 'examples', 'example']);

/** A deep copy with the rewrites described above; `formats` collects the format names met. */
export function checkableSchema(schema: JsonSchema): { schema: JsonSchema; formats: Set<string> } {
  const formats = new Set<string>();
  const rewrite = (input: unknown, isRoot: boolean): unknown => {
    if (input === true || input === false) return input;
    if (!isObject(input)) return {};
    const node = asSchema(input);
    const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type : [];
    if (types.some((t) => typeof t !== 'string' || !JSON_TYPES.has(t))) return {};
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (DATA.has(key)) out[key] = value;
      else if (STRUCTURE.has(key) && isObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, false)]));
      else if (Array.isArray(value) && ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'].includes(key)) out[key] = value.map((v) => rewrite(v, false));
      else if (isObject(value) && key !== 'block_schema_references') out[key] = rewrite(value, false);
      else out[key] = value;
    }
    if (typeof out.format === 'string') formats.add(out.format);
    if (Array.isArray(out.items)) {
      out.prefixItems = out.items;
      if ('additionalItems' in out) out.items = out.additionalItems;
      else delete out.items;
      delete out.additionalItems;
    }
    if (!isRoot && blockTypeSlug(out)) return { anyOf: [out, BLOCK_REFERENCE_SCHEMA] };
    return out;
  };
  const copy = rewrite(schema, true) as JsonSchema;
  delete copy.$id;
  delete copy.$schema;
  breakSelfReferences(copy);
  return { schema: copy, formats };
}

/**
 * Drops `$ref`s that reach a definition again without descending into a property or an
 * item (`Node: {$ref: Node}`, a model whose `allOf` lists itself): they describe nothing
 * and make any validator recurse forever.
 */
function breakSelfReferences(root: JsonSchema) {
  const definitions = (key: string) => (isObject(root[key]) ? (root[key] as Record<string, JsonSchema>) : {});
  const lookup = (ref: string): JsonSchema | undefined => {
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
    return m ? definitions(m[1])[decodeURIComponent(m[2]).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  };
  const visit = (node: unknown, stack: string[]) => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string') {
      if (stack.includes(node.$ref)) {
        delete node.$ref;
        return;
      }
      visit(lookup(node.$ref), [...stack, node.$ref]);
    }
    for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[key])) for (const member of node[key] as unknown[]) visit(member, stack);
    for (const key of ['not', 'if', 'then', 'else']) visit(node[key], stack);
  };
  for (const key of ['definitions', '$defs']) for (const [name, def] of Object.entries(definitions(key))) visit(def, [`#/${key}/${name}`]);
  visit(root, []);
}

const compiled = new WeakMap<JsonSchema, ValidateFunction | Error>();

/** The compiled validator of a schema (cached), or the reason it cannot be compiled. */
export function compileForForm(schema: JsonSchema): ValidateFunction | Error {
  const hit = compiled.get(schema);
  if (hit) return hit;
  let result: ValidateFunction | Error;
  try {
    const { schema: checkable, formats } = checkableSchema(schema);
    const instance = ajv();
    for (const format of formats) if (!instance.formats[format]) instance.addFormat(format, true);
    result = instance.compile(checkable);
  } catch (error) {
    result = new Error(`This schema cannot be checked in the browser: ${error instanceof RangeError ? 'it refers to itself without end' : (error as Error).message}`);
  }
  compiled.set(schema, result);
  return result;
}

const escape = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
export const pointer = (path: readonly (string | number)[]) => path.map((p) => `/${escape(p)}`).join('');

const list = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Enter a date (YYYY-MM-DD)',
  'date-time': 'Enter a date and time with its time zone',
  time: 'Enter a time with its time zone',
  email: 'Enter an email address',
  uri: 'Enter a URL such as https://example.com',
  uuid: 'Enter a UUID',
  duration: 'Enter an ISO 8601 duration such as PT1H30M',
  'json-string': 'Enter valid JSON',
};

/** One plain sentence per ajv error. */
export function messageFor(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'Required';
    case 'type': {
      const types = String(p.type).split(',');
      const names = types.map((t) => ({ integer: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object', null: 'empty' })[t] ?? t);
      return `Must be ${names.join(' or ')}`;
    }
    case 'enum':
      return `Must be one of: ${list(p.allowedValues as unknown[])}`;
    case 'const':
      return `Must be ${list([p.allowedValue])}`;
    case 'format':
      return FORMAT_MESSAGES[String(p.format)] ?? `Must be a valid ${String(p.format)}`;
    case 'minimum':
      return `Must be at least ${p.limit}`;
    case 'maximum':
      return `Must be at most ${p.limit}`;
    case 'exclusiveMinimum':
      return `Must be greater than ${p.limit}`;
    case 'exclusiveMaximum':
      return `Must be less than ${p.limit}`;
    case 'minLength':
      return `Must have at least ${p.limit} character${p.limit === 1 ? '' : 's'}`;
    case 'maxLength':
      return `Must have at most ${p.limit} characters`;
    case 'minItems':
      return `Must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'maxItems':
      return `Must have at most ${p.limit} item${p.limit === 1 ? '' : 's'}`;
    case 'uniqueItems':
      return 'Items must be unique';
    case 'pattern':
      return `Must match the pattern ${String(p.pattern)}`;
    case 'multipleOf':
      return `Must be a multiple of ${p.multipleOf}`;
    case 'additionalProperties':
      return `Unknown key “${String(p.additionalProperty)}”`;
    case 'anyOf':
    case 'oneOf':
      return 'Does not match any of the allowed types';
    default:
      return error.message ?? 'Invalid value';
  }
}

/**
 * Keeps the errors a user can act on. Inside a failed union, the member that fails with
 * the fewest errors (one of another type altogether does not count) is what was meant: its
 * errors are reported, the union's own error is not; when no member stands out, only the
 * union's error remains. Wrapper keywords (`allOf`, `$ref`, `if`) add nothing.
 */
export function actionableErrors(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  const within = (path: string, parent: string) => path === parent || path.startsWith(parent + '/');
  const claimed = new Set<ErrorObject>();
  errors.forEach((union, i) => {
    if (union.keyword !== 'anyOf' && union.keyword !== 'oneOf') return;
    const inside = errors.slice(0, i).filter((e) => !claimed.has(e) && within(e.instancePath, union.instancePath) && e.schemaPath.startsWith(union.schemaPath + '/'));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      claimed.add(e);
      const branch = e.schemaPath.slice(union.schemaPath.length + 1).split('/')[0];
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const wrongType = (list: ErrorObject[]) => list.some((e) => e.keyword === 'type' && e.instancePath === union.instancePath);
    const tried = [...byBranch.values()].filter((l) => !wrongType(l)).sort((a, b) => a.length - b.length);
    if (tried.length > 0 && (tried.length === 1 || tried[0].length < tried[1].length)) {
      dropped.add(union);
      for (const e of inside) if (!tried[0].includes(e)) dropped.add(e);
    } else for (const e of inside) dropped.add(e);
  });
  return errors.filter((e) => !dropped.has(e) && !['allOf', '$ref', 'if', 'not'].includes(e.keyword));
}

/** The pointer an error belongs to: a missing property's own field, not its parent. */
export function errorPointer(error: ErrorObject): string {
  if (error.keyword === 'required') return `${error.instancePath}/${escape(String((error.params as { missingProperty: string }).missingProperty))}`;
  return error.instancePath;
}

export interface ValidateOptions {
  /** Deployment defaults may leave required parameters out (the run supplies them). */
  ignoreRequired?: boolean;
}

export function validateValue(schema: JsonSchema, value: unknown, options: ValidateOptions = {}): Validation & { problem?: string } {
  const validate = compileForForm(schema);
  if (validate instanceof Error) return { valid: true, errors: {}, problem: validate.message };
  if (validate(value)) return { valid: true, errors: {} };
  const errors: FieldErrors = {};
  for (const error of actionableErrors(validate.errors ?? [])) {
    if (options.ignoreRequired && error.keyword === 'required') continue;
    const at = errorPointer(error);
    const message = messageFor(error);
    if (!(errors[at] ??= []).includes(message)) errors[at].push(message);
  }
  return { valid: Object.keys(errors).length === 0, errors };
}

type ServerErrorNode = string | { property: string; errors: ServerErrorNode[] } | { index: number; errors: ServerErrorNode[] };

/** The error tree of `POST /ui/schemas/validate` as messages by pointer. */
export function serverErrorsByPointer(tree: unknown[], base = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const node of tree as ServerErrorNode[]) {
    if (typeof node === 'string') (out[base] ??= []).push(node);
    else if (node && typeof node === 'object' && Array.isArray(node.errors)) {
      const key = 'property' in node ? node.property : node.index;
      for (const [p, messages] of Object.entries(serverErrorsByPointer(node.errors, `${base}/${escape(key)}`))) (out[p] ??= []).push(...messages);
    }
  }
  return out;
}

/** Messages of two sources merged (client and server), without repeats. */
export function mergeErrors(...sources: FieldErrors[]): FieldErrors {
  const out: FieldErrors = {};
  for (const source of sources) for (const [p, messages] of Object.entries(source)) for (const m of messages) if (!(out[p] ??= []).includes(m)) out[p].push(m);
  return out;
}
