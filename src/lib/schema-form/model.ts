import { blockTypeSlug, isObject, JSON_TYPES, resolveSchema, typesOf, type JsonSchema } from './schema.ts';

/**
 * Schema → widget mapping. Every construct gets its own widget; only free-form values
 * (`{}`, no type, an object open to anything) get a raw-JSON box, and a construct the form
 * cannot understand becomes `unsupported` with a message, without affecting its siblings.
 */

export type WidgetKind =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'null'
  | 'enum'
  | 'const'
  | 'array'
  | 'multi-select'
  | 'tuple'
  | 'object'
  | 'dict'
  | 'union'
  | 'date'
  | 'date-time'
  | 'time'
  | 'email'
  | 'uri'
  | 'uuid'
  | 'password'
  | 'json-string'
  | 'path'
  | 'time-delta'
  | 'duration'
  | 'block-ref'
  | 'json'
  | 'unsupported';

export interface PropertyModel {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface FieldModel {
  kind: WidgetKind;
  /** The resolved schema of the value (without its `null` alternative when nullable). */
  schema: JsonSchema;
  /** `null` is an allowed value: the field offers an explicit "no value". */
  nullable: boolean;
  title?: string;
  description?: string;
  examples: unknown[];
  /** The schema's default when it is a valid value of the field. */
  default?: { value: unknown };
  /** Why the schema's default is not used (it does not match the field's type). */
  defaultNote?: string;
  /** Why the field cannot be edited as a form (`unsupported`). */
  problem?: string;
  /** `enum` / `const` / `multi-select`: the allowed values. */
  options?: unknown[];
  /** `union`: the members other than `null`, unresolved. */
  members?: JsonSchema[];
  /** `array` / `multi-select`: the item schema; `dict`: the value schema. */
  item?: JsonSchema;
  /** `tuple`: one schema per position, then what may follow (`false`: nothing). */
  tupleItems?: JsonSchema[];
  /** `object`: the properties in display order (`position`, then declaration order). */
  properties?: PropertyModel[];
  /** `block-ref`: the block types a document may have. */
  blockTypeSlugs?: string[];
}

const STRING_FORMATS: Record<string, WidgetKind> = {
  date: 'date',
  'date-time': 'date-time',
  time: 'time',
  email: 'email',
  'idn-email': 'email',
  uri: 'uri',
  url: 'uri',
  iri: 'uri',
  'uri-reference': 'uri',
  uuid: 'uuid',
  password: 'password',
  'json-string': 'json-string',
  path: 'path',
  'file-path': 'path',
  'directory-path': 'path',
  duration: 'duration',
};

const isNullSchema = (s: JsonSchema) => s.type === 'null' || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null) || ('const' in s && s.const === null);

/** Annotation keywords a union's members do not repeat: they stay on the field. */
function annotations(schema: JsonSchema): Pick<FieldModel, 'title' | 'description' | 'examples'> {
  const examples = Array.isArray(schema.examples) ? schema.examples : 'example' in schema ? [schema.example] : [];
  return {
    title: typeof schema.title === 'string' ? schema.title : undefined,
    description: typeof schema.description === 'string' ? schema.description : undefined,
    examples,
  };
}

/** Properties in display order: by `position` when given, then in declaration order. */
export function orderedProperties(schema: JsonSchema): PropertyModel[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const entries = Object.entries(properties).map(([name, s], index) => ({ name, schema: isObject(s) ? s : {}, required: required.has(name), index }));
  const position = (p: { schema: JsonSchema; index: number }) => (typeof p.schema.position === 'number' ? p.schema.position : Number.POSITIVE_INFINITY);
  return entries.sort((a, b) => position(a) - position(b) || a.index - b.index).map(({ name, schema: s, required: r }) => ({ name, schema: s, required: r }));
}

/** The field of one schema node. `isRoot`: a block schema's own `block_type_slug` does not make its form a reference. */
export function describeField(root: JsonSchema, node: unknown, options: { isRoot?: boolean } = {}): FieldModel {
  const { schema, problem } = resolveSchema(root, node);
  const base = annotations(schema);
  if (problem) return { kind: 'unsupported', schema, nullable: false, problem, ...base };
  const model = classify(root, schema, options.isRoot ?? false);
  return withDefault({ ...base, ...model, title: base.title ?? model.title, description: base.description ?? model.description, examples: base.examples.length ? base.examples : model.examples }, schema);
}

function classify(root: JsonSchema, schema: JsonSchema, isRoot: boolean): FieldModel {
  const field = (kind: WidgetKind, extra: Partial<FieldModel> = {}): FieldModel => ({ kind, schema, nullable: false, examples: [], ...extra });
  const slug = blockTypeSlug(schema);
  if (slug && !isRoot) return field('block-ref', { blockTypeSlugs: [slug] });

  if ('const' in schema) return schema.const === null ? field('null', { nullable: true }) : field('const', { options: [schema.const] });
  if (Array.isArray(schema.enum)) {
    const options = schema.enum.filter((v) => v !== null);
    const nullable = options.length < schema.enum.length;
    if (options.length === 0) return field('null', { nullable: true });
    return { ...field('enum', { options }), nullable };
  }

  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : undefined;
  if (union) return classifyUnion(root, schema, union);

  const types = typesOf(schema);
  const unknown = types.filter((t) => !JSON_TYPES.has(t));
  if (unknown.length) return field('unsupported', { problem: `The schema gives it the type “${unknown.join('”, “')}”, which is not a JSON type, so it cannot be edited here.` });
  const nonNull = types.filter((t) => t !== 'null');
  const nullable = nonNull.length < types.length;
  if (types.length > 0 && nonNull.length === 0) return field('null', { nullable: true });
  if (nonNull.length > 1) {
    // `type: ["string", "integer"]`: a union of the same keywords under each type.
    const { type: _t, ...rest } = schema;
    return { ...field('union', { members: nonNull.map((t) => ({ ...rest, type: t, title: undefined })) }), nullable };
  }
  const type = nonNull[0];
  const typed = (kind: WidgetKind, extra: Partial<FieldModel> = {}) => ({ ...field(kind, extra), nullable });
  const format = typeof schema.format === 'string' ? schema.format : undefined;

  switch (type) {
    case 'string':
      if (schema.writeOnly === true) return typed('password');
      return typed((format && STRING_FORMATS[format]) || 'string');
    case 'number':
    case 'integer':
      return typed(format === 'time-delta' ? 'time-delta' : type);
    case 'boolean':
      return typed('boolean');
    case 'array':
      return classifyArray(root, schema, typed);
    case 'object':
      return classifyObject(schema, typed);
    default:
      // No type: structure keywords still say what it is; otherwise anything goes.
      if (isObject(schema.properties)) return classifyObject(schema, typed);
      if ('items' in schema || 'prefixItems' in schema) return classifyArray(root, schema, typed);
      return typed('json');
  }
}

function classifyUnion(root: JsonSchema, schema: JsonSchema, union: unknown[]): FieldModel {
  const members = union.map((m) => (isObject(m) ? m : {}));
  const resolved = members.map((m) => resolveSchema(root, m).schema);
  const nonNull = members.filter((_, i) => !isNullSchema(resolved[i]));
  const nullable = nonNull.length < members.length;
  if (nonNull.length === 0) return { kind: 'null', schema, nullable: true, examples: [] };
  const slugs = nonNull.map((m) => blockTypeSlug(resolveSchema(root, m).schema));
  if (slugs.every((s): s is string => s !== undefined)) return { kind: 'block-ref', schema, nullable, blockTypeSlugs: slugs, examples: [] };
  if (nonNull.length === 1) {
    // `Optional[X]`: the member is the field; the outer title and default stay on it (see describeField).
    const member = describeField(root, nonNull[0]);
    return { ...member, nullable: nullable || member.nullable };
  }
  return { kind: 'union', schema, nullable, members: nonNull, examples: [] };
}

function classifyArray(root: JsonSchema, schema: JsonSchema, typed: (kind: WidgetKind, extra?: Partial<FieldModel>) => FieldModel): FieldModel {
  if (Array.isArray(schema.prefixItems)) return typed('tuple', { tupleItems: schema.prefixItems.map((s) => (isObject(s) ? s : {})) });
  if (Array.isArray(schema.items)) return typed('tuple', { tupleItems: schema.items.map((s) => (isObject(s) ? s : {})) });
  const item = isObject(schema.items) ? schema.items : {};
  const resolved = resolveSchema(root, item).schema;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return typed('multi-select', { item, options: resolved.enum });
  return typed('array', { item });
}

function classifyObject(schema: JsonSchema, typed: (kind: WidgetKind, extra?: Partial<FieldModel>) => FieldModel): FieldModel {
  const properties = orderedProperties(schema);
  if (properties.length > 0) return typed('object', { properties });
  const extra = schema.additionalProperties;
  // A value schema makes it a dictionary; `true`, `{}` or nothing leaves it free-form.
  if (isObject(extra) && Object.keys(extra).some((k) => !['title', 'description'].includes(k))) return typed('dict', { item: extra });
  if (extra === false || isObject(schema.properties)) return typed('object', { properties: [] });
  return typed('json');
}

/** Whether a value has the JSON type(s) a field stands for (the default check; full validation is ajv's). */
export function matchesKind(model: FieldModel, value: unknown): boolean {
  if (value === null) return model.nullable || model.kind === 'null' || model.kind === 'json';
  switch (model.kind) {
    case 'string':
    case 'date':
    case 'date-time':
    case 'time':
    case 'email':
    case 'uri':
    case 'uuid':
    case 'password':
    case 'json-string':
    case 'path':
    case 'duration':
      return typeof value === 'string';
    case 'number':
    case 'time-delta':
      return typeof value === 'number';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
    case 'const':
      return (model.options ?? []).some((o) => JSON.stringify(o) === JSON.stringify(value));
    case 'array':
    case 'multi-select':
    case 'tuple':
      return Array.isArray(value);
    case 'object':
    case 'dict':
      return isObject(value);
    default:
      return true;
  }
}

const show = (v: unknown) => (typeof v === 'string' ? `“${v}”` : JSON.stringify(v));

function withDefault(model: FieldModel, schema: JsonSchema): FieldModel {
  if (!('default' in schema)) return model;
  const value = schema.default;
  if (matchesKind(model, value)) return { ...model, default: { value } };
  // `Optional[int] = None` declared without null: the default means "leave it unset".
  if (value === null) return model;
  return { ...model, defaultNote: `The schema's default ${show(value)} is not a valid value here, so it is not filled in.` };
}

/** A short type description for tables: `string (date)`, `array of integer`, `'pdf' | 'html'`, `integer | 'all'`. */
export function typeLabel(root: JsonSchema, node: unknown, depth = 0): string {
  const model = describeField(root, node);
  const suffix = model.nullable ? ' | null' : '';
  if (depth > 3) return 'any';
  switch (model.kind) {
    case 'enum':
    case 'const':
      return (model.options ?? []).map((o) => (typeof o === 'string' ? `'${o}'` : JSON.stringify(o))).join(' | ') + suffix;
    case 'array':
      return `array of ${typeLabel(root, model.item, depth + 1)}${suffix}`;
    case 'multi-select':
      return `array of ${(model.options ?? []).map((o) => (typeof o === 'string' ? `'${o}'` : JSON.stringify(o))).join(' | ')}${suffix}`;
    case 'tuple':
      return `[${(model.tupleItems ?? []).map((t) => typeLabel(root, t, depth + 1)).join(', ')}]${suffix}`;
    case 'dict':
      return `dict of ${typeLabel(root, model.item, depth + 1)}${suffix}`;
    case 'union':
      return (model.members ?? []).map((m) => typeLabel(root, m, depth + 1)).join(' | ') + suffix;
    case 'object':
      return (typeof model.schema.title === 'string' && depth > 0 ? model.schema.title : 'object') + suffix;
    case 'block-ref':
      return `block: ${(model.blockTypeSlugs ?? []).join(' | ')}${suffix}`;
    case 'json':
      return 'any';
    case 'unsupported':
      return 'unsupported';
    case 'date':
    case 'date-time':
    case 'time':
    case 'email':
    case 'uri':
    case 'uuid':
    case 'password':
    case 'json-string':
    case 'path':
    case 'duration':
      return `string (${model.kind})${suffix}`;
    case 'time-delta':
      return `seconds (time-delta)${suffix}`;
    default:
      return model.kind + suffix;
  }
}
