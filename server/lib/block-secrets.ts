/**
 * Secret fields of block documents (contract §3.8). A schema's `secret_fields` are dotted
 * paths into the document data: `url`, `credentials.password`, or `headers.*` (everything
 * under `headers`). Reads replace every non-null value at those paths with the mask, and
 * an update that sends the mask back keeps the stored value.
 */

export const SECRET_MASK = '********';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every concrete path (list of keys) holding a secret value in `data`. */
export function secretPaths(data: unknown, secretFields: readonly string[]): string[][] {
  const out: string[][] = [];
  const leaves = (value: unknown, path: string[]) => {
    if (isObject(value) && Object.keys(value).length > 0) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k]);
    else if (value !== null && value !== undefined) out.push(path);
  };
  for (const field of secretFields) {
    if (typeof field !== 'string' || field === '') continue;
    const parts = field.split('.');
    const star = parts.indexOf('*');
    const prefix = star === -1 ? parts : parts.slice(0, star);
    let value: unknown = data;
    let found = true;
    for (const key of prefix) {
      if (!isObject(value) || !Object.hasOwn(value, key)) {
        found = false;
        break;
      }
      value = value[key];
    }
    if (!found || value === null || value === undefined) continue;
    // A wildcard masks each value under the prefix (the structure stays visible); an exact path masks its whole value.
    if (star === -1) out.push(prefix);
    else leaves(value, prefix);
  }
  return out;
}

function get(data: unknown, path: string[]): { found: boolean; value?: unknown } {
  let value = data;
  for (const key of path) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return { found: false };
    value = value[key];
  }
  return { found: true, value };
}

/** Replaces the value at `path` in a structure that is already a private copy. */
function set(data: Json, path: string[], value: unknown) {
  let holder = data;
  for (const key of path.slice(0, -1)) holder = holder[key] as Json;
  Object.defineProperty(holder, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
}

const clone = <T>(v: T): T => structuredClone(v);

/** A copy of `data` with every secret value replaced by the mask. */
export function maskSecrets<T extends Json>(data: T, secretFields: readonly string[]): T {
  const paths = secretPaths(data, secretFields);
  if (paths.length === 0) return data;
  const copy = clone(data);
  for (const path of paths) {
    if (path.length === 0) continue;
    set(copy, path, SECRET_MASK);
  }
  return copy;
}

/** A copy of `incoming` where masks at secret paths are replaced by the stored values. */
export function restoreMaskedSecrets<T extends Json>(incoming: T, stored: Json, secretFields: readonly string[]): T {
  const paths = secretPaths(incoming, secretFields).filter((p) => p.length > 0 && get(incoming, p).value === SECRET_MASK);
  if (paths.length === 0) return incoming;
  const copy = clone(incoming);
  for (const path of paths) {
    const old = get(stored, path);
    if (old.found) set(copy, path, clone(old.value));
  }
  return copy;
}
