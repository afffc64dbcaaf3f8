import { describe, expect, it } from 'vitest';
import { checkableSchema, mergeErrors, serverErrorsByPointer, validateValue } from './validate.ts';
import { fieldLabel } from './labels.ts';

const report = {
  type: 'object',
  properties: {
    report_date: { type: 'string', format: 'date', title: 'Report date' },
    thresholds: { type: 'object', title: 'Thresholds', properties: { warn: { type: 'number', minimum: 0, title: 'Warn at' } } },
    limit: { anyOf: [{ type: 'integer', exclusiveMinimum: 0 }, { type: 'string', const: 'all' }], title: 'Row limit' },
    recipients: { type: 'array', items: { type: 'string', format: 'email' }, title: 'Recipients' },
  },
  required: ['report_date'],
};

describe('validateValue', () => {
  it('reports errors at the field they concern, by JSON pointer', () => {
    const result = validateValue(report, { thresholds: { warn: -1 }, recipients: ['ok@example.com', 'nope'] });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual({ '/report_date': ['Required'], '/thresholds/warn': ['Must be at least 0'], '/recipients/1': ['Enter an email address'] });
    expect(validateValue(report, { report_date: '2024-05-01' })).toEqual({ valid: true, errors: {} });
  });

  it('reports the union member that was meant, or the union when none stands out', () => {
    expect(validateValue(report, { report_date: '2024-05-01', limit: -3 }).errors).toEqual({ '/limit': ['Must be greater than 0'] });
    expect(validateValue(report, { report_date: '2024-05-01', limit: true }).errors).toEqual({ '/limit': ['Does not match any of the allowed types'] });
  });

  it('can leave required keys out (deployment defaults)', () => {
    expect(validateValue(report, {}, { ignoreRequired: true }).valid).toBe(true);
  });

  it('accepts a document reference wherever a block is expected', () => {
    const schema = { type: 'object', properties: { creds: { $ref: '#/definitions/C' } }, definitions: { C: { block_type_slug: 'aws-credentials', type: 'object', properties: { key: { type: 'string' } }, required: ['key'] } } };
    expect(validateValue(schema, { creds: { $ref: { block_document_id: '4f9d3c1e-8b2a-4c5d-9e6f-7a8b9c0d1e2f' } } }).valid).toBe(true);
    expect(validateValue(schema, { creds: { key: 'inline' } }).valid).toBe(true);
    expect(validateValue(schema, { creds: { other: 1 } }).valid).toBe(false);
  });

  it('checks both tuple forms and JSON strings', () => {
    const tuple = (items: object) => ({ type: 'object', properties: { d: { type: 'array', minItems: 2, maxItems: 2, ...items } } });
    for (const t of [tuple({ items: [{ type: 'integer' }, { type: 'number' }] }), tuple({ prefixItems: [{ type: 'integer' }, { type: 'number' }] })]) {
      expect(validateValue(t, { d: [1, 2.5] }).valid).toBe(true);
      expect(validateValue(t, { d: ['x', 2.5] }).errors).toEqual({ '/d/0': ['Must be a whole number'] });
    }
    const json = { type: 'object', properties: { j: { type: 'string', format: 'json-string' } } };
    expect(validateValue(json, { j: '{"a": 1}' }).valid).toBe(true);
    expect(validateValue(json, { j: '{a' }).errors).toEqual({ '/j': ['Enter valid JSON'] });
  });

  it('keeps working around what cannot be checked: unknown types, self-references', () => {
    const blork = { type: 'object', properties: { foo: { type: 'blork' }, n: { type: 'integer' } } };
    expect(validateValue(blork, { foo: 'anything', n: 'x' }).errors).toEqual({ '/n': ['Must be a whole number'] });
    const node = { type: 'object', properties: { node: { $ref: '#/definitions/Node' } }, definitions: { Node: { $ref: '#/definitions/Node' } } };
    expect(validateValue(node, { node: { any: 1 } })).toEqual({ valid: true, errors: {} });
    const city = { type: 'object', properties: { param: { allOf: [{ $ref: '#/definitions/City' }] } }, definitions: { City: { properties: { name: { type: 'string' } }, required: ['name'], allOf: [{ $ref: '#/definitions/City' }] } } };
    expect(validateValue(city, { param: {} }).errors).toEqual({ '/param/name': ['Required'] });
    const tree = { type: 'object', properties: { root: { $ref: '#/definitions/T' } }, definitions: { T: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/definitions/T' } }, n: { type: 'integer' } } } } };
    expect(validateValue(tree, { root: { kids: [{ kids: [{ n: 'x' }] }] } }).errors).toEqual({ '/root/kids/0/kids/0/n': ['Must be a whole number'] });
  });

  it('rewrites only what needs it for checking', () => {
    const { schema } = checkableSchema({ type: 'object', required: null, properties: { t: { type: 'array', items: [{ type: 'string' }] } } });
    expect(schema).toEqual({ type: 'object', properties: { t: { type: 'array', prefixItems: [{ type: 'string' }] } } });
  });
});

describe('server errors and labels', () => {
  it('turns the server error tree into messages by pointer', () => {
    const tree = [{ property: 'param', errors: [{ index: 1, errors: ["2 is not of type 'string'"] }] }, { property: 'other', errors: ['bad'] }, 'top'];
    expect(serverErrorsByPointer(tree)).toEqual({ '/param/1': ["2 is not of type 'string'"], '/other': ['bad'], '': ['top'] });
    expect(mergeErrors({ '/a': ['x'] }, { '/a': ['x', 'y'], '/b': ['z'] })).toEqual({ '/a': ['x', 'y'], '/b': ['z'] });
  });

  it('names a field by its titles', () => {
    expect(fieldLabel(report, {}, '/thresholds/warn')).toBe('Thresholds › Warn at');
    expect(fieldLabel(report, { recipients: ['a', 'b'] }, '/recipients/1')).toBe('Recipients › item 2');
    expect(fieldLabel(report, {}, '')).toBe('The whole value');
  });
});
