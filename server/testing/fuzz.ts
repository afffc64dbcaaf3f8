/**
 * Schema-driven random inputs for the API fuzz test: a seeded PRNG, an instance
 * generator for JSON schemas (with $ref into OpenAPI components), and mutations that
 * make those instances wrong in the ways clients get things wrong.
 */

export type Rng = () => number;

/** mulberry32: small, fast, seedable. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

type Schema = Record<string, any>;

export class SchemaSampler {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly rng: Rng,
  ) {}

  resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 20 && s && typeof s.$ref === 'string'; i++) {
      const name = s.$ref.replace(/^#\/components\/schemas\//, '').replace(/#$/, '');
      s = this.components[name] ?? {};
    }
    return s ?? {};
  }

  /** A plausible (usually valid) instance. */
  sample(schema: Schema, depth = 0): unknown {
    const s = this.resolve(schema);
    const rng = this.rng;
    if (depth > 6) return null;
    if (s.anyOf || s.oneOf) return this.sample(pick(rng, s.anyOf ?? s.oneOf), depth + 1);
    if ('const' in s) return s.const;
    if (s.enum) return pick(rng, s.enum);
    const type = Array.isArray(s.type) ? pick(rng, s.type) : s.type;
    switch (type) {
      case 'string':
        if (s.format === 'uuid') return crypto.randomUUID();
        if (s.format === 'date-time') return new Date(Date.UTC(2020, 0, 1) + Math.floor(rng() * 4e11)).toISOString();
        if (s.format === 'duration') return 'PT1H';
        return pick(rng, ['x', 'etl', 'a-b-c', 'nightly', 'ümlaut ✓', '']).slice(0, s.maxLength ?? 100);
      case 'integer':
        return int(rng, s.minimum ?? 0, Math.min(s.maximum ?? 100, 100));
      case 'number':
        return rng() * 100;
      case 'boolean':
        return rng() < 0.5;
      case 'null':
        return null;
      case 'array': {
        if (s.prefixItems) return s.prefixItems.map((p: Schema) => this.sample(p, depth + 1));
        const n = int(rng, 0, 3);
        return Array.from({ length: n }, () => this.sample(s.items ?? {}, depth + 1));
      }
      case 'object':
      default: {
        if (!s.properties && type !== 'object') return pick(rng, [1, 'text', true, null, { a: 1 }, [1, 2]]);
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) {
          if ((s.required ?? []).includes(key) || rng() < 0.4) out[key] = this.sample(prop, depth + 1);
        }
        if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') out[`k${int(rng, 0, 9)}`] = this.sample(s.additionalProperties, depth + 1);
        return out;
      }
    }
  }
}

function deepNest(depth: number, asArray: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { n: v };
  return v;
}

/** Every (container, key) slot in a value, to mutate one at random. */
function slots(value: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push([value, i]), slots(v, out)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([value as Record<string, unknown>, k]), slots(v, out);
  return out;
}

const WRONG_VALUES = [42, -1, 1.5, 'string', true, false, null, [], {}, [1, 'a'], { nested: { x: 1 } }, 1e308, -1e308, 2 ** 63, 'not-a-uuid', '2024-13-45T99:99:99', 'yesterday', '\u0000', '\ud800'];

export type Mutation = { kind: string; body: string };

/** A malformed or random request body (already serialized). */
export function mutate(rng: Rng, valid: unknown): Mutation {
  const clone = () => JSON.parse(JSON.stringify(valid ?? {}));
  const kind = pick(rng, ['wrong-type', 'unknown-key', 'huge-string', 'deep-nesting', 'bad-uuid', 'bad-date', 'broken-json', 'random-json', 'huge-number', 'empty', 'valid', 'wrong-top-level']);
  const withSlot = (fn: (holder: Record<string, unknown> | unknown[], key: string | number) => void) => {
    const value = clone();
    const all = slots(value);
    if (all.length === 0) return JSON.stringify(pick(rng, WRONG_VALUES));
    const [holder, key] = pick(rng, all);
    fn(holder, key);
    return JSON.stringify(value);
  };
  switch (kind) {
    case 'wrong-type':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = pick(rng, WRONG_VALUES))) };
    case 'unknown-key': {
      const value = clone();
      const objects = [value, ...slots(value).map(([h, k]) => (h as Record<string, unknown>)[k])].filter((v) => v && typeof v === 'object' && !Array.isArray(v)) as Record<string, unknown>[];
      if (objects.length) pick(rng, objects).__fuzz_unknown_key__ = pick(rng, WRONG_VALUES);
      return { kind, body: JSON.stringify(value) };
    }
    case 'huge-string':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = 'x'.repeat(int(rng, 10_000, 300_000)))) };
    case 'deep-nesting':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = deepNest(int(rng, 100, 3000), rng() < 0.5))) };
    case 'bad-uuid':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = pick(rng, ['not-a-uuid', '12345678-1234-1234-1234-1234567890zz', '', 'ffffffff']))) };
    case 'bad-date':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = pick(rng, ['2024-02-30T00:00:00Z', '0000-01-01', '99999-01-01T00:00:00Z', 'tomorrow', '2024-01-01T25:00:00']))) };
    case 'broken-json':
      return { kind, body: pick(rng, ['{', '{"a": ', '[1, 2', 'nul', '{"name": "x",}', "{'single': 1}", '\u0000', '{"a":1}{"b":2}']) };
    case 'random-json':
      return { kind, body: JSON.stringify(pick(rng, WRONG_VALUES)) };
    case 'huge-number':
      return { kind, body: withSlot((h, k) => ((h as Record<string, unknown>)[k] = pick(rng, [1e308, -1e308, 2 ** 63, 2 ** 53 + 1, -(2 ** 31) - 1]))) };
    case 'empty':
      return { kind, body: '' };
    case 'wrong-top-level':
      return { kind, body: JSON.stringify(Array.isArray(valid) ? { not: 'an array' } : [valid]) };
    default:
      return { kind, body: JSON.stringify(valid) };
  }
}

/** Path parameter values: mostly absent objects and malformed ids, never existing data. */
export function fuzzPathValue(rng: Rng, name: string): string {
  if (name === 'id' || name.endsWith('_id')) return pick(rng, [crypto.randomUUID(), 'not-a-uuid', '0', 'x'.repeat(300), '%00']);
  return pick(rng, ['fuzz-missing', 'with space', 'ümlaut', 'x'.repeat(500), '..', '%2F', '0']);
}
