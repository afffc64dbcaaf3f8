import { describeField, type FieldModel } from './model.ts';
import { isObject, type JsonSchema } from './schema.ts';

/**
 * Union member detection: which member of an `anyOf`/`oneOf` an existing value belongs to,
 * so a saved value opens on the right member. Structural scoring (types, constants,
 * formats, known keys), not full validation: cheap on every render, and a value that
 * fits no member still opens on the closest one instead of losing its place.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;
const TIME = /^\d{2}:\d{2}(:\d{2})?/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const URI = /^[a-z][a-z0-9+.-]*:/i;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DURATION = /^P(?!$)/;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function isBlockReference(value: unknown): value is { $ref: { block_document_id: string } } {
  return isObject(value) && isObject(value.$ref) && typeof value.$ref.block_document_id === 'string';
}

/** How well a value fits a member: higher is better, negative means it cannot be this member. */
export function scoreMember(root: JsonSchema, model: FieldModel, value: unknown): number {
  if (value === null) return model.kind === 'null' ? 100 : model.nullable ? 50 : -1;
  switch (model.kind) {
    case 'const':
    case 'enum':
      return (model.options ?? []).some((o) => same(o, value)) ? 100 : -1;
    case 'block-ref':
      return isBlockReference(value) ? 100 : -1;
    case 'boolean':
      return typeof value === 'boolean' ? 60 : -1;
    case 'integer':
      return Number.isInteger(value) ? 60 : -1;
    case 'number':
    case 'time-delta':
      return typeof value === 'number' ? 55 : -1;
    case 'string':
    case 'password':
    case 'path':
    case 'json-string':
      return typeof value === 'string' ? 30 : -1;
    case 'date':
    case 'date-time':
    case 'time':
    case 'email':
    case 'uri':
    case 'uuid':
    case 'duration': {
      if (typeof value !== 'string') return -1;
      const pattern = { date: DATE, 'date-time': DATE_TIME, time: TIME, email: EMAIL, uri: URI, uuid: UUID, duration: DURATION }[model.kind];
      return pattern.test(value) ? 50 : 20;
    }
    case 'tuple':
      if (!Array.isArray(value)) return -1;
      return value.length === (model.tupleItems ?? []).length ? 60 : 40;
    case 'array':
    case 'multi-select':
      if (!Array.isArray(value)) return -1;
      if (value.length && model.kind === 'multi-select') return value.every((v) => (model.options ?? []).some((o) => same(o, v))) ? 60 : 30;
      if (value.length && model.item) return 40 + Math.min(10, Math.max(-10, scoreMember(root, describeField(root, model.item), value[0]) / 10));
      return 40;
    case 'object': {
      if (!isObject(value) || isBlockReference(value)) return -1;
      const properties = model.properties ?? [];
      const known = new Set(properties.map((p) => p.name));
      const keys = Object.keys(value);
      const matching = keys.filter((k) => known.has(k)).length;
      const unknown = keys.length - matching;
      const missing = properties.filter((p) => p.required && !(p.name in value)).length;
      const closed = model.schema.additionalProperties === false;
      return 30 + matching * 5 - missing * 10 - unknown * (closed ? 20 : 2);
    }
    case 'dict':
      return isObject(value) && !isBlockReference(value) ? 25 : -1;
    case 'json':
      return 1;
    default:
      return 0;
  }
}

/** The index of the member an existing value belongs to (the first on a tie); `-1` for an unset value. */
export function detectMember(root: JsonSchema, members: JsonSchema[], value: unknown): number {
  if (value === undefined) return -1;
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  members.forEach((member, index) => {
    const score = scoreMember(root, describeField(root, member), value);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** A short name for a member in the picker: its title, else its type. */
export function memberLabel(root: JsonSchema, member: JsonSchema, index: number): string {
  const model = describeField(root, member);
  if (model.title) return model.title;
  if (model.kind === 'const') return typeof model.options?.[0] === 'string' ? `“${model.options[0]}”` : JSON.stringify(model.options?.[0]);
  if (model.kind === 'enum') return `one of ${(model.options ?? []).map((o) => String(o)).join(', ')}`;
  if (model.kind === 'json') return 'any value';
  if (model.kind === 'array' || model.kind === 'multi-select') return 'list';
  if (model.kind === 'object') return 'object';
  return model.kind === 'unsupported' ? `option ${index + 1}` : model.kind;
}
