import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateValues } from '../server/lib/json-schema.ts';
import { readConfig } from './cli/deploy.ts';
import { parametersJsonSchema } from './parameters.ts';
import { loadFlow } from './worker/runner.ts';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** Every node of a schema, to assert a shape holds everywhere. */
function nodes(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, out));
  else if (value && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => nodes(v, out));
  }
  return out;
}

describe('parameter schemas in the Syntask 2 (Pydantic) shape', () => {
  it('writes nullable values as anyOf [T, null], never a type list', () => {
    const schema = parametersJsonSchema(
      z.object({
        note: z.string().nullable().default(null),
        count: z.number().int().min(1).nullable().describe('How many'),
        mode: z.enum(['a', 'b']).nullable(),
        either: z.union([z.string(), z.number()]).nullable(),
        maybe: z.array(z.string()).nullish(),
      }),
    );
    const p = schema.properties as Record<string, any>;
    expect(p.note).toEqual({ title: 'note', default: null, anyOf: [{ type: 'string' }, { type: 'null' }], position: 0 });
    expect(p.count).toEqual({ title: 'count', description: 'How many', anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }], position: 1 });
    expect(p.mode.anyOf).toEqual([{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }]);
    expect(p.either.anyOf).toEqual([{ type: 'string' }, { type: 'number' }, { type: 'null' }]);
    expect(p.maybe.anyOf).toEqual([{ type: 'array', items: { type: 'string' } }, { type: 'null' }]);
    expect(nodes(schema).filter((n) => Array.isArray(n.type))).toEqual([]);
  });

  it('moves nested objects into definitions referenced by $ref, sharing identical ones', () => {
    const address = z.object({ city: z.string(), zip: z.string().optional() });
    const schema = parametersJsonSchema(
      z.object({
        home: address.meta({ title: 'Home address' }).describe('Where the customer lives'),
        work: address.nullable(),
        stops: z.array(address).default([]),
        labels: z.record(z.string(), z.string()),
      }),
    );
    const p = schema.properties as Record<string, any>;
    const defs = schema.definitions as Record<string, any>;
    expect(p.home).toEqual({ title: 'Home address', description: 'Where the customer lives', $ref: '#/definitions/HomeAddress', position: 0 });
    expect(p.work).toEqual({ title: 'work', anyOf: [{ $ref: '#/definitions/Work' }, { type: 'null' }], position: 1 });
    expect(p.stops).toMatchObject({ type: 'array', default: [], items: { $ref: '#/definitions/StopsItem' } });
    expect(p.labels).toEqual({ title: 'labels', type: 'object', additionalProperties: { type: 'string' }, position: 3 });
    expect(defs.HomeAddress).toEqual({ title: 'HomeAddress', type: 'object', properties: { city: { title: 'city', type: 'string' }, zip: { title: 'zip', type: 'string' } }, required: ['city'] });
    expect(Object.keys(defs).sort()).toEqual(['HomeAddress', 'StopsItem', 'Work']);
    // Every reference resolves.
    for (const ref of nodes(schema).map((n) => n.$ref).filter(Boolean)) expect(defs[String(ref).replace('#/definitions/', '')]).toBeDefined();
    expect(schema).not.toHaveProperty('$defs');
  });

  it('gives every property a title and a position, lists required ones, and omits definitions without models', () => {
    const schema = parametersJsonSchema(z.object({ b: z.string(), a: z.number().default(1) }));
    expect(schema).toEqual({
      title: 'Parameters',
      type: 'object',
      properties: { b: { title: 'b', type: 'string', position: 0 }, a: { title: 'a', type: 'number', default: 1, position: 1 } },
      required: ['b'],
    });
    expect(parametersJsonSchema(undefined)).toEqual({ title: 'Parameters', type: 'object', properties: {} });
  });

  it('the weekday-mornings example deployment sends that shape, and its parameters validate against it', async () => {
    const entry = readConfig(join(EXAMPLES, 'syntask.yaml')).find((d) => d.name === 'weekday-mornings')!;
    const schema = (await loadFlow(entry.entrypoint, EXAMPLES)).parameterSchema();
    const p = schema.properties as Record<string, any>;
    expect(p.note).toEqual({ title: 'Note', default: null, anyOf: [{ type: 'string' }, { type: 'null' }], position: 7 });
    expect(p.thresholds).toEqual({ title: 'Thresholds', default: { warn: 0.8, fail: 0.95 }, $ref: '#/definitions/Thresholds', position: 5 });
    expect((schema.definitions as Record<string, any>).Thresholds).toMatchObject({ title: 'Thresholds', type: 'object', properties: { warn: { title: 'Warn at', type: 'number' } } });
    expect(Object.values(p).map((prop: any) => prop.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Object.values(p).every((prop: any) => typeof prop.title === 'string')).toBe(true);
    expect(schema.required).toEqual(['report_date']);
    expect(nodes(schema).filter((n) => Array.isArray(n.type))).toEqual([]);
    expect(validateValues(schema, entry.parameters!)).toEqual([]);
    expect(validateValues(schema, { ...entry.parameters, thresholds: { warn: 'high' } }).length).toBeGreaterThan(0);
  });
});
