import { describeField, type FieldModel } from './model.ts';
import { isObject, type JsonSchema } from './schema.ts';

/**
 * Defaults: what a field starts with. A field's own valid default wins; a required object
 * starts as its properties' defaults; a required `const` starts as its constant.
 * Nothing is invented for other fields: an unset optional field stays unset (omitted).
 */

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const MAX_DEPTH = 12;

export function defaultFor(root: JsonSchema, model: FieldModel, required: boolean, depth = 0): unknown {
  if (model.default) return clone(model.default.value);
  if (depth > MAX_DEPTH) return undefined;
  if (required && model.kind === 'const') return clone(model.options?.[0]);
  if (required && model.kind === 'object') {
    const out = applyDefaults(root, model, {}, depth + 1);
    return out;
  }
  return undefined;
}

/** `value` with every missing property (at any depth of present objects) filled from the schema's defaults. */
export function applyDefaults(root: JsonSchema, model: FieldModel, value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH || model.kind !== 'object' || !isObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const property of model.properties ?? []) {
    const child = describeField(root, property.schema);
    if (out[property.name] === undefined) {
      const d = defaultFor(root, child, property.required, depth + 1);
      if (d !== undefined) out[property.name] = d;
    } else if (child.kind === 'object') {
      out[property.name] = applyDefaults(root, child, out[property.name], depth + 1);
    }
  }
  return out;
}

/** The starting value of a whole form: `initial` (e.g. a deployment's parameters) completed with defaults. */
export function initialValue(schema: JsonSchema, initial: Record<string, unknown> = {}): Record<string, unknown> {
  const model = describeField(schema, schema, { isRoot: true });
  return applyDefaults(schema, model, initial) as Record<string, unknown>;
}

/** Top-level properties that are required and would be missing: a quick run cannot start without them. */
export function missingRequired(schema: JsonSchema, values: Record<string, unknown>): string[] {
  const model = describeField(schema, schema, { isRoot: true });
  const filled = initialValue(schema, values);
  return (model.properties ?? []).filter((p) => p.required && filled[p.name] === undefined).map((p) => p.name);
}
