/**
 * The corpus tests' oracle: the widget each property's schema calls for, written apart from
 * the form's own mapping (src/lib/schema-form/model.ts) so that a mistake in either shows.
 * It reads the schema directly: follow references, merge `allOf`, peel `null` off unions.
 */

type Schema = Record<string, any>;

export interface Expected {
  kind: string;
  nullable: boolean;
}

const FORMAT_KINDS: Record<string, string> = {
  date: 'date',
  'date-time': 'date-time',
  time: 'time',
  email: 'email',
  uri: 'uri',
  uuid: 'uuid',
  password: 'password',
  path: 'path',
  'file-path': 'path',
  'directory-path': 'path',
  duration: 'duration',
  'json-string': 'json-string',
};

function deref(root: Schema, node: Schema, seen: string[] = []): Schema | 'loop' {
  let s: Schema = { ...node };
  while (typeof s.$ref === 'string') {
    if (seen.includes(s.$ref)) return 'loop';
    seen.push(s.$ref);
    const [, bucket, name] = /^#\/(definitions|\$defs)\/(.+)$/.exec(s.$ref) ?? [];
    const { $ref: _r, ...rest } = s;
    s = { ...(root[bucket]?.[name] ?? {}), ...rest };
  }
  for (const member of Array.isArray(s.allOf) ? s.allOf : []) {
    if (typeof member.$ref === 'string' && seen.includes(member.$ref)) continue;
    const flat = deref(root, member, [...seen]);
    if (flat === 'loop') return 'loop';
    s = { ...flat, ...s, properties: { ...(flat.properties ?? {}), ...(s.properties ?? {}) } };
  }
  delete s.allOf;
  return s;
}

const isNull = (root: Schema, m: Schema) => {
  const d = deref(root, m);
  return d !== 'loop' && (d.type === 'null' || (Array.isArray(d.enum) && d.enum.every((v: unknown) => v === null)));
};

export function expectedWidget(root: Schema, node: Schema): Expected {
  const s = deref(root, node);
  if (s === 'loop') return { kind: 'unsupported', nullable: false };
  if (typeof s.block_type_slug === 'string') return { kind: 'block-ref', nullable: false };
  if ('const' in s) return { kind: 'const', nullable: false };
  if (Array.isArray(s.enum)) return { kind: 'enum', nullable: s.enum.includes(null) };
  const union: Schema[] | undefined = s.anyOf ?? s.oneOf;
  if (Array.isArray(union)) {
    const options = union.filter((m) => !isNull(root, m));
    const nullable = options.length < union.length;
    if (options.every((m) => {
      const d = deref(root, m);
      return d !== 'loop' && typeof d.block_type_slug === 'string';
    })) return { kind: 'block-ref', nullable };
    if (options.length === 1) {
      const inner = expectedWidget(root, options[0]);
      return { kind: inner.kind, nullable: nullable || inner.nullable };
    }
    return { kind: 'union', nullable };
  }
  const types: string[] = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  const nullable = types.includes('null');
  const rest = types.filter((t) => t !== 'null');
  if (rest.length > 1) return { kind: 'union', nullable };
  const type = rest[0];
  if (type !== undefined && !['string', 'number', 'integer', 'boolean', 'array', 'object'].includes(type)) return { kind: 'unsupported', nullable: false };
  if (type === 'string') return { kind: s.writeOnly ? 'password' : (FORMAT_KINDS[s.format] ?? 'string'), nullable };
  if (type === 'number' || type === 'integer') return { kind: s.format === 'time-delta' ? 'time-delta' : type, nullable };
  if (type === 'boolean') return { kind: 'boolean', nullable };
  if (types.length === 1 && nullable) return { kind: 'null', nullable: true };
  if (type === 'array' || (type === undefined && ('items' in s || 'prefixItems' in s))) {
    if (Array.isArray(s.prefixItems) || Array.isArray(s.items)) return { kind: 'tuple', nullable };
    const item = s.items ? deref(root, s.items) : {};
    return { kind: item !== 'loop' && Array.isArray(item.enum) ? 'multi-select' : 'array', nullable };
  }
  const properties = s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : [];
  if (properties.length) return { kind: 'object', nullable };
  if (type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).some((k) => k !== 'title' && k !== 'description')) return { kind: 'dict', nullable };
  if (type === 'object' && (s.additionalProperties === false || s.properties)) return { kind: 'object', nullable };
  return { kind: 'json', nullable };
}

/** Property names in the order the form must show them: `position` first, then as declared. */
export function expectedOrder(schema: Schema): string[] {
  const entries = Object.entries<Schema>(schema.properties ?? {});
  const pos = (s: Schema) => (typeof s?.position === 'number' ? s.position : Infinity);
  return entries
    .map(([name, s], i) => ({ name, p: pos(s), i }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((e) => e.name);
}
