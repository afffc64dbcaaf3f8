import SerializerSelector, { type SerializerCompiler, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';
import type { ValidateFunction } from 'ajv';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';

/**
 * Route schemas compiled at a route's first request instead of at start-up. Compiling every
 * validator and serializer up front took about 2.5 s of a 3 s start on a 2-core machine:
 * the time a script's embedded API, each test server and each replica restart waited.
 */

type Validator = ((data: unknown, ctx?: Parameters<ValidateFunction>[1]) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** A validator that compiles on first call; carries `errors` and `schemaEnv` as Fastify reads them (Ajv's shape). */
export function lazyValidator(compile: () => ValidateFunction): Validator {
  let real: ValidateFunction | null = null;
  const validate: Validator = (data, ctx) => {
    real ??= compile();
    const result = real(data, ctx) as boolean;
    validate.errors = real.errors as FastifySchemaValidationError[] | null | undefined;
    return result;
  };
  // Fastify passes the parent object only to Ajv validators (so a root default can be set).
  Object.defineProperty(validate, 'schemaEnv', { value: true });
  return validate;
}

const buildDefaultSerializer = SerializerSelector();

/** Fastify's own serializer compiler (fast-json-stringify with the shared schemas), compiled per route on first use. */
export const lazySerializerFactory: SerializerFactory = (externalSchemas, options) => {
  const compileRoute = buildDefaultSerializer(externalSchemas, options);
  return (route) => {
    let real: ReturnType<SerializerCompiler> | null = null;
    return (doc) => (real ??= compileRoute(route))(doc);
  };
};
