import { createHash } from 'node:crypto';
import { PyFloat, PyInt, pythonJsonDumps, setOwn } from './python-json.ts';

/**
 * The block schema checksum of contract §3.8, identical to what the Python ecosystem
 * computes (the shared fixtures' checksums reproduce byte for byte):
 * 1. remove every `secret_fields` key from nested objects (not inside arrays, as Python's
 *    `remove_nested_keys` does);
 * 2. when `definitions` is a non-empty object, keep only the definitions reachable through
 *    `$ref` strings anywhere in the fields that are not blocks (no `block_type_slug`) and
 *    not empty, dropping the key when none remain;
 * 3. sha256 over `json.dumps([[fields], {}], sort_keys=True)`.
 */

type Json = Record<string, unknown>;

/** A JSON object (not an array, nor a PyFloat/PyInt number). */
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyFloat) && !(v instanceof PyInt);

function removeNestedKey(key: string, value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (k !== key) setOwn(out, k, removeNestedKey(key, v));
  return out;
}

/** Every truthy string `$ref` in a value, depth first. */
function referenceStrings(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) referenceStrings(item, out);
  else if (isObject(value)) {
    const ref = value.$ref;
    if (typeof ref === 'string' && ref) out.push(ref);
    for (const v of Object.values(value)) referenceStrings(v, out);
  }
  return out;
}

/**
 * Definitions referenced (transitively) from `object`: by default only those that are not
 * blocks (no `block_type_slug`) and not empty, as the checksum keeps them.
 */
export function nonBlockDefinitions(object: unknown, definitions: Json, includeBlocks = false): Json {
  const found: Json = {};
  const seen = new Set<string>();
  // A work list, not recursion: a long chain of definitions must not exhaust the stack.
  const pending: unknown[] = [object];
  while (pending.length) {
    for (const ref of referenceStrings(pending.pop())) {
      const key = ref.split('#/definitions/').join('');
      if (seen.has(key) || !Object.hasOwn(definitions, key)) continue;
      const definition = definitions[key];
      if (!isObject(definition) || Object.keys(definition).length === 0) continue;
      if (!includeBlocks && definition.block_type_slug !== undefined && definition.block_type_slug !== null) continue;
      seen.add(key);
      setOwn(found, key, definition);
      pending.push(definition);
    }
  }
  return found;
}

/** Every definition reachable from `object`, blocks included (self-contained nested schemas). */
export const reachableDefinitions = (object: unknown, definitions: Json) => nonBlockDefinitions(object, definitions, true);

/** The fields the checksum is computed over (exported for tests and nested registration). */
export function fieldsForChecksum(fields: Json): Json {
  const out = removeNestedKey('secret_fields', fields) as Json;
  const definitions = out.definitions;
  if (isObject(definitions) && Object.keys(definitions).length > 0) {
    const kept = nonBlockDefinitions(out, definitions);
    if (Object.keys(kept).length > 0) out.definitions = kept;
    else delete out.definitions;
  }
  return out;
}

export function blockSchemaChecksum(fields: Json): string {
  const text = pythonJsonDumps([[fieldsForChecksum(fields)], {}]);
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}
