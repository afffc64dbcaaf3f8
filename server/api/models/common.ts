import Type, { type Static, type TSchema } from 'typebox';

/**
 * Building blocks for request/response schemas. Named models carry an `$id`; they are
 * registered once (fastify, both ajv instances, OpenAPI components) and referenced
 * with `ref()`, which keeps the static type.
 */

const registry = new Map<string, TSchema>();

/** Declares a named model (an OpenAPI component). */
export function model<T extends TSchema>(id: string, schema: T): T {
  const named = { ...schema, $id: id } as T;
  registry.set(id, named);
  return named;
}

export const namedModels = () => [...registry.values()];

export function ref<T extends TSchema>(schema: T): ReturnType<typeof Type.Unsafe<Static<T>>> {
  const id = (schema as { $id?: string }).$id;
  if (!id) throw new Error('ref() needs a model() schema');
  return Type.Unsafe<Static<T>>({ $ref: `${id}#` });
}

type Primitive = 'string' | 'integer' | 'number' | 'boolean';

/**
 * `T | null`. Primitive schemas become `type: [T, "null"]` (one clear validation error);
 * anything else `anyOf [T, null]`.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const s = schema as { type?: unknown };
  if (typeof s.type === 'string' && ['string', 'integer', 'number', 'boolean'].includes(s.type)) {
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [s.type as Primitive, 'null'] });
  }
  return Type.Unsafe<Static<T> | null>({ anyOf: [schema, { type: 'null' }] });
}

/** An optional, nullable key. */
export const Opt = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

export const Uuid = Type.String({ format: 'uuid' });
/** ISO-8601 in (no offset = UTC); out always UTC with offset. */
export const DateTime = Type.String({ format: 'date-time' });
/** Float seconds; ISO-8601 durations (`PT1H`) are accepted on input. */
export const Duration = Type.Unsafe<number | string>({ anyOf: [{ type: 'number' }, { type: 'string', format: 'duration' }] });
export const JsonObject = Type.Record(Type.String(), Type.Unknown());
export const AnyJson = Type.Unknown();
export const Tags = Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 1000 });
/** Database integer columns are 32-bit. */
export const Int = (opts: { minimum?: number; maximum?: number } = {}) =>
  Type.Integer({ minimum: opts.minimum ?? -2147483648, maximum: opts.maximum ?? 2147483647 });

/** Flow, pool, queue, block type, limit and deployment names: no `/ % & > <`. */
export const SafeName = Type.String({ minLength: 1, maxLength: 5000, pattern: '^[^/%&><]*$' });
export const SlugName = Type.String({ pattern: '^[a-z0-9-]*$', maxLength: 5000 });

export const strict = { additionalProperties: false } as const;

/** Pagination keys of `/filter` bodies; limit/offset bounds are checked with the contract's messages. */
export const Pagination = {
  limit: Type.Optional(Type.Integer()),
  offset: Type.Optional(Type.Integer()),
};

export const Detail = model('HTTPError', Type.Object({ detail: Type.Unknown() }));

export const ValidationErrorBody = model(
  'ValidationError',
  Type.Object({
    exception_message: Type.String(),
    exception_detail: Type.Array(
      Type.Object({ loc: Type.Array(Type.Union([Type.String(), Type.Integer()])), msg: Type.String(), type: Type.String() }),
    ),
    request_body: Type.Unknown(),
  }),
);

/** Base columns of stored objects. */
export const ORMBase = {
  id: Uuid,
  created: DateTime,
  updated: DateTime,
};

export type { Static, TSchema };
export { Type };
