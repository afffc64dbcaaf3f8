/**
 * Generates a valid value for a JSON schema (block schema fields), for round-trip tests:
 * every property is filled (not only required ones, so secrets are exercised), strings are
 * unique, password-format strings are recognisable secrets (`secret-…`), defaults are
 * ignored (some real-world defaults do not match their type).
 */

type Schema = Record<string, any>;

export class ValueGenerator {
  private counter = 0;
  /** Every generated secret-looking string. */
  readonly secrets: string[] = [];

  constructor(private readonly root: Schema) {}

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; i < 20 && s && typeof s.$ref === 'string'; i++) {
      const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(s.$ref);
      const target = m ? this.root[m[1]]?.[m[2]] : undefined;
      const { $ref: _ref, ...siblings } = s;
      s = { ...(target ?? {}), ...siblings };
    }
    return s ?? {};
  }

  private text(prefix = 'text') {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  value(schema: Schema, depth = 0): unknown {
    const s = this.resolve(schema);
    if (depth > 8) return null;
    if (Array.isArray(s.allOf) && s.allOf.length) return this.value({ ...s.allOf.reduce((a: Schema, b: Schema) => ({ ...a, ...this.resolve(b) }), {}), allOf: undefined }, depth + 1);
    const union = s.anyOf ?? s.oneOf;
    if (Array.isArray(union)) {
      const choice = union.find((o: Schema) => this.resolve(o).type !== 'null') ?? union[0];
      return this.value(choice, depth + 1);
    }
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
    const type = Array.isArray(s.type) ? (s.type.find((t: string) => t !== 'null') ?? 'null') : s.type;
    switch (type) {
      case 'string': {
        if (s.format === 'password' || s.writeOnly) {
          const secret = this.text('secret');
          this.secrets.push(secret);
          return secret;
        }
        if (s.format === 'date-time') return '2024-05-01T09:00:00+00:00';
        if (s.format === 'date') return '2024-05-01';
        if (s.format === 'uri') return `https://example.com/${this.text('path')}`;
        if (s.format === 'email') return `${this.text('user')}@example.com`;
        if (s.format === 'uuid') return '4f9d3c1e-8b2a-4c5d-9e6f-7a8b9c0d1e2f';
        if (s.format === 'path' || s.format === 'file-path' || s.format === 'directory-path') return `/tmp/${this.text('file')}`;
        const v = this.text();
        return typeof s.minLength === 'number' && v.length < s.minLength ? v.padEnd(s.minLength, 'x') : v;
      }
      case 'integer': {
        const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : (s.minimum ?? 1);
        return typeof s.maximum === 'number' ? Math.min(min, s.maximum) : min;
      }
      case 'number': {
        const min = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 0.5 : (s.minimum ?? 1.5);
        return typeof s.maximum === 'number' ? Math.min(min, s.maximum) : min;
      }
      case 'boolean':
        return true;
      case 'null':
        return null;
      case 'array': {
        if (Array.isArray(s.prefixItems)) return s.prefixItems.map((p: Schema) => this.value(p, depth + 1));
        if (Array.isArray(s.items)) return s.items.map((p: Schema) => this.value(p, depth + 1));
        return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => this.value(s.items ?? { type: 'string' }, depth + 1));
      }
      case 'object':
      default: {
        if (!s.properties && type !== 'object') return this.text('any');
        const out: Record<string, unknown> = {};
        for (const [key, prop] of Object.entries<Schema>(s.properties ?? {})) {
          if (depth < 6 || (s.required ?? []).includes(key)) out[key] = this.value(prop, depth + 1);
        }
        if (!s.properties) {
          const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : { type: 'string' };
          out[this.text('key')] = this.value(extra, depth + 1);
          out[this.text('key')] = this.value(extra, depth + 1);
        }
        return out;
      }
    }
  }
}
