import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../server/testing/harness.ts';
import { initialValue } from '../../../lib/schema-form/defaults.ts';
import { SampleValues } from '../../../lib/schema-form/sample-value.ts';
import { checkableSchema, serverErrorsByPointer, validateValue } from '../../../lib/schema-form/validate.ts';
import { CORPUS } from './cases.ts';

/**
 * For every schema of the shared corpus: the form's starting value (defaults) and a value
 * generated from the schema pass the form's own ajv check and the server's
 * `/ui/schemas/validate` (sent the schema the form checks: block fields also accept
 * references). Quirky cases behave as their quirk says.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

async function serverCheck(schema: Record<string, unknown>, values: unknown, ignoreRequired: boolean) {
  const res = await s.post('/api/ui/schemas/validate', { schema: checkableSchema(schema).schema, values });
  expect(res.status, res.text).toBe(200);
  const errors = serverErrorsByPointer(res.body.errors);
  if (ignoreRequired) for (const p of Object.keys(errors)) if (errors[p].every((m) => /is a required property$/.test(m))) delete errors[p];
  return errors;
}

describe('values of the schema form over the shared corpus', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const defaults = initialValue(c.schema);
    expect(validateValue(c.schema, defaults, { ignoreRequired: true }), 'defaults, ajv').toMatchObject({ valid: true, errors: {} });
    expect(await serverCheck(c.schema, defaults, true), 'defaults, server').toEqual({});

    const generated = new SampleValues(c.schema).value(c.schema);
    expect(validateValue(c.schema, generated), 'generated value, ajv').toMatchObject({ valid: true, errors: {} });
    expect(await serverCheck(c.schema, generated, false), 'generated value, server').toEqual({});
  });
});

describe('quirks', () => {
  it('a parameter schema with an unknown type: the server refuses it, the form checks the rest', async () => {
    const c = CORPUS.find((x) => x.quirks.some((q) => /unknown type blork/.test(q)))!;
    const flow = (await s.post('/api/flows/', { name: 'quirks' })).body;
    expect((await s.post('/api/deployments/', { name: 'blork', flow_id: flow.id, parameter_openapi_schema: c.schema })).status).toBe(422);
    expect((await s.post('/api/ui/schemas/validate', { schema: c.schema, values: {} })).status).toBe(422);
    expect(validateValue(c.schema, { foo: 'anything' }).valid).toBe(true);
    const withOther = { ...c.schema, properties: { ...(c.schema.properties as object), n: { type: 'integer' } } };
    expect(validateValue(withOther, { foo: 1, n: 'x' }).errors).toEqual({ '/n': ['Must be a whole number'] });
  });

  it.each(CORPUS.filter((c) => c.quirks.some((q) => /but default/.test(q))).map((c) => [c.name, c] as const))('%s: the wrong-typed default is not filled in (it would not validate)', async (_n, c) => {
    const [field] = c.quirks[0].split(':');
    const schemaDefault = ((c.schema.properties as Record<string, { default: unknown }>)[field]).default;
    expect(initialValue(c.schema)).not.toHaveProperty(field);
    expect(validateValue(c.schema, { [field]: schemaDefault }, { ignoreRequired: true }).errors[`/${field}`]).toEqual(['Must be text']);
    expect(Object.keys(await serverCheck(c.schema, { [field]: schemaDefault }, true))).toEqual([`/${field}`]);
  });

  it('recursive schemas: the server refuses to evaluate them as sent; the form checks them itself', async () => {
    const circular = CORPUS.filter((c) => /circular/.test(c.name));
    expect(circular.map((c) => c.name)).toHaveLength(2);
    for (const c of circular) {
      expect((await s.post('/api/ui/schemas/validate', { schema: c.schema, values: {} })).status).toBe(422);
      expect(validateValue(c.schema, new SampleValues(c.schema).value(c.schema)).valid).toBe(true);
    }
  });
});
