import { z } from 'zod';

export type ParameterSchema = z.ZodObject<z.ZodRawShape>;

/**
 * The JSON Schema of a flow's parameters, as a deployment's `parameter_openapi_schema`:
 * titles (from `.meta({ title })` or the key), descriptions, defaults, enums, nested
 * objects, arrays, unions and date formats come from zod; `position` keeps the order.
 */
export function parametersJsonSchema(schema: ParameterSchema | undefined): Record<string, unknown> {
  if (!schema) return { title: 'Parameters', type: 'object', properties: {} };
  const json = tidy(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })) as Record<string, unknown>;
  delete json.$schema;
  const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
  Object.keys(properties).forEach((key, position) => {
    properties[key] = { ...properties[key], position };
  });
  return { title: 'Parameters', ...json, properties };
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
