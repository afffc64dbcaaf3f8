/**
 * Key-by-key differences of two JSON values (nested objects and arrays by path), for
 * comparing two runs' parameters. Equal leaves are left out.
 */
export interface JsonDifference {
  path: string;
  status: 'changed' | 'only_left' | 'only_right';
  left?: unknown;
  right?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

export function jsonDiff(left: unknown, right: unknown, path = '', out: JsonDifference[] = []): JsonDifference[] {
  if (isObject(left) && isObject(right)) {
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      const p = join(path, key);
      if (!(key in right)) out.push({ path: p, status: 'only_left', left: left[key] });
      else if (!(key in left)) out.push({ path: p, status: 'only_right', right: right[key] });
      else jsonDiff(left[key], right[key], p, out);
    }
    return out;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const p = join(path, i);
      if (i >= right.length) out.push({ path: p, status: 'only_left', left: left[i] });
      else if (i >= left.length) out.push({ path: p, status: 'only_right', right: right[i] });
      else jsonDiff(left[i], right[i], p, out);
    }
    return out;
  }
  if (JSON.stringify(left) !== JSON.stringify(right)) out.push({ path: path || '(value)', status: 'changed', left, right });
  return out;
}
