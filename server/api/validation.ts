import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from 'typebox';
import { cronProblem, rruleProblem, timezoneProblem } from '../lib/schedules/index.ts';
import { parseDateTime, parseDuration } from '../lib/time.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Two validators: request bodies are strict (no type coercion, unknown keys kept so they
 * can be refused); query strings and path params coerce ("true" → true).
 */
function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, useDefaults: true, removeAdditional: false, ...options });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => parseDateTime(s) !== null });
  ajv.addFormat('duration', { type: 'string', validate: (s: string) => parseDuration(s) !== null });
  ajv.addFormat('uuid', /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/);
  ajv.addKeyword({ keyword: 'position' });
  // String checks with their own message (cron expressions, rrules, time zones).
  ajv.addKeyword({
    keyword: 'x-check',
    type: 'string',
    errors: true,
    validate: function check(kind: keyof typeof STRING_CHECKS, data: string) {
      const problem = STRING_CHECKS[kind]?.(data) ?? null;
      (check as unknown as { errors: unknown[] }).errors = problem ? [{ keyword: 'x-check', message: problem, params: { kind } }] : [];
      return problem === null;
    },
  });
  return ajv;
}

const STRING_CHECKS = { cron: cronProblem, rrule: rruleProblem, timezone: timezoneProblem };

export function createValidators(shared: TSchema[]) {
  const body = makeAjv({ coerceTypes: false });
  const query = makeAjv({ coerceTypes: true });
  for (const s of shared) {
    body.addSchema(s);
    query.addSchema(s);
  }
  return { body, query };
}

export interface ErrorDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const typeNames: Record<string, string> = {
  string: 'str',
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  object: 'dict',
  array: 'list',
  null: 'none',
};

function pointerToLoc(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Translates ajv errors to the contract's `exception_detail` entries. Errors inside a
 * failed `anyOf`/`oneOf` are folded into one entry at the union's location.
 */
export function toErrorDetails(errors: ErrorObject[], part: string): ErrorDetail[] {
  // A failed union: when one branch fails with strictly fewer errors than the others, it is
  // what the client meant (e.g. a cron schedule with a bad expression): report its errors.
  // ajv emits a union's branch errors just before the union error; a `$ref` branch's
  // schemaPath is relative to the referenced schema, so branches are keyed by either.
  const dropped = new Set<ErrorObject>();
  const attributed = new Set<ErrorObject>();
  const within = (path: string, parent: string) => path === parent || path.startsWith(parent + '/');
  errors.forEach((union, i) => {
    if (union.keyword !== 'anyOf' && union.keyword !== 'oneOf') return;
    const inside = errors.slice(0, i).filter((e) => !attributed.has(e) && within(e.instancePath, union.instancePath));
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      attributed.add(e);
      const branch = e.schemaPath.startsWith(union.schemaPath + '/') ? e.schemaPath.slice(union.schemaPath.length + 1).split('/')[0] : e.schemaPath.split('#')[0];
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    // A branch whose only complaint is the value's type at the union itself (null for an
    // object, a string for a number) is not what the client meant.
    const typeMismatch = (list: ErrorObject[]) => list.every((e) => e.keyword === 'type' && e.instancePath === union.instancePath);
    const candidates = [...byBranch.values()].filter((list) => !typeMismatch(list));
    const sizes = candidates.map((list) => list.length).sort((a, b) => a - b);
    const best = candidates.find((list) => list.length === sizes[0]);
    if (best && (sizes.length === 1 || sizes[0] < sizes[1])) {
      dropped.add(union);
      for (const e of inside) if (!best.includes(e)) dropped.add(e);
    } else {
      for (const e of inside) dropped.add(e);
    }
  });
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (dropped.has(e)) continue;
    const loc: (string | number)[] = [part, ...pointerToLoc(e.instancePath)];
    let msg: string;
    let type: string;
    switch (e.keyword) {
      case 'required':
        loc.push((e.params as { missingProperty: string }).missingProperty);
        msg = 'field required';
        type = 'value_error.missing';
        break;
      case 'additionalProperties':
        loc.push((e.params as { additionalProperty: string }).additionalProperty);
        msg = 'extra fields not permitted';
        type = 'value_error.extra';
        break;
      case 'type': {
        const t = String((e.params as { type: string }).type).split(',')[0];
        msg = `value is not a valid ${typeNames[t] === 'dict' ? 'dict' : typeNames[t] === 'list' ? 'list' : t}`;
        if (String((e.params as { type: string }).type).includes('null')) msg += ' or null';
        type = `type_error.${typeNames[t] ?? t}`;
        break;
      }
      case 'format': {
        const f = (e.params as { format: string }).format;
        msg = f === 'uuid' ? 'value is not a valid uuid' : f === 'date-time' ? 'invalid datetime format' : f === 'duration' ? 'invalid duration format' : `value is not a valid ${f}`;
        type = f === 'uuid' ? 'type_error.uuid' : `value_error.${f.replace('-', '')}`;
        break;
      }
      case 'enum':
      case 'const': {
        const allowed = e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
        msg = `value is not a valid enumeration member; permitted: ${allowed.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(', ')}`;
        type = 'type_error.enum';
        break;
      }
      case 'maximum':
      case 'exclusiveMaximum':
        msg = `ensure this value is less than ${e.keyword === 'maximum' ? 'or equal to ' : ''}${(e.params as { limit: number }).limit}`;
        type = 'value_error.number.not_le';
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        msg = `ensure this value is greater than ${e.keyword === 'minimum' ? 'or equal to ' : ''}${(e.params as { limit: number }).limit}`;
        type = 'value_error.number.not_ge';
        break;
      case 'maxLength':
        msg = `ensure this value has at most ${(e.params as { limit: number }).limit} characters`;
        type = 'value_error.any_str.max_length';
        break;
      case 'minLength':
        msg = `ensure this value has at least ${(e.params as { limit: number }).limit} characters`;
        type = 'value_error.any_str.min_length';
        break;
      case 'maxItems':
        msg = `ensure this value has at most ${(e.params as { limit: number }).limit} items`;
        type = 'value_error.list.max_items';
        break;
      case 'pattern':
        msg = `string does not match the pattern ${(e.params as { pattern: string }).pattern}`;
        type = 'value_error.str.regex';
        break;
      case 'anyOf':
      case 'oneOf':
        msg = 'value does not match any of the allowed types';
        type = 'type_error.union';
        break;
      default:
        msg = e.message ?? 'invalid value';
        type = `value_error.${e.keyword}`;
    }
    const key = JSON.stringify([loc, type]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ loc, msg, type });
  }
  return out;
}

const MAX_DEPTH = 128;

export class JsonBodyError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

/** JSON.parse plus the limits every database can store: bounded nesting, no NUL characters. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const pos = /position (\d+)/.exec(String((err as Error).message));
    throw new JsonBodyError('JSON decode error', pos ? Number(pos[1]) : undefined);
  }
  checkStructure(value, text.includes('\\u0000'));
  return value;
}

function checkStructure(root: unknown, mayHaveNul: boolean): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      if (mayHaveNul && typeof v === 'string' && v.includes('\u0000')) throw new JsonBodyError('NUL characters (\\u0000) are not allowed in strings');
      continue;
    }
    if (depth >= MAX_DEPTH) throw new JsonBodyError(`JSON nesting deeper than ${MAX_DEPTH} levels is not allowed`);
    if (Array.isArray(v)) for (const item of v) stack.push([item, depth + 1]);
    else
      for (const [k, item] of Object.entries(v)) {
        if (mayHaveNul && k.includes('\u0000')) throw new JsonBodyError('NUL characters (\\u0000) are not allowed in keys');
        stack.push([item, depth + 1]);
      }
  }
}
