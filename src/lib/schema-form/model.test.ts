import { describe, expect, it } from 'vitest';
import { describeField, typeLabel, type WidgetKind } from './model.ts';

const kind = (schema: object, root: object = {}) => describeField({ ...root, ...schema }, schema).kind;

describe('widget mapping', () => {
  it.each<[string, object, WidgetKind]>([
    ['string', { type: 'string' }, 'string'],
    ['integer', { type: 'integer' }, 'integer'],
    ['number', { type: 'number' }, 'number'],
    ['boolean', { type: 'boolean' }, 'boolean'],
    ['null', { type: 'null' }, 'null'],
    ['enum', { enum: ['a', 'b'] }, 'enum'],
    ['one-member enum', { enum: ['only'] }, 'enum'],
    ['const', { const: 'all' }, 'const'],
    ['date', { type: 'string', format: 'date' }, 'date'],
    ['date-time', { type: 'string', format: 'date-time' }, 'date-time'],
    ['time', { type: 'string', format: 'time' }, 'time'],
    ['email', { type: 'string', format: 'email' }, 'email'],
    ['uri', { type: 'string', format: 'uri' }, 'uri'],
    ['password', { type: 'string', format: 'password' }, 'password'],
    ['writeOnly', { type: 'string', writeOnly: true }, 'password'],
    ['json-string', { type: 'string', format: 'json-string' }, 'json-string'],
    ['path', { type: 'string', format: 'path' }, 'path'],
    ['file-path', { type: 'string', format: 'file-path' }, 'path'],
    ['time-delta', { type: 'number', format: 'time-delta' }, 'time-delta'],
    ['ISO duration', { type: 'string', format: 'duration' }, 'duration'],
    ['array', { type: 'array', items: { type: 'string' } }, 'array'],
    ['array of enums', { type: 'array', items: { enum: ['x', 'y'] } }, 'multi-select'],
    ['prefixItems tuple', { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'number' }] }, 'tuple'],
    ['items-array tuple', { type: 'array', items: [{ type: 'integer' }, { type: 'number' }] }, 'tuple'],
    ['object', { type: 'object', properties: { a: { type: 'string' } } }, 'object'],
    ['dictionary', { type: 'object', additionalProperties: { type: 'integer' } }, 'dict'],
    ['free object', { type: 'object' }, 'json'],
    ['additionalProperties true', { type: 'object', additionalProperties: true }, 'json'],
    ['untyped', { title: 'x' }, 'json'],
    ['empty', {}, 'json'],
    ['union', { anyOf: [{ type: 'integer' }, { const: 'all' }] }, 'union'],
    ['oneOf', { oneOf: [{ type: 'integer' }, { type: 'string' }] }, 'union'],
    ['type list', { type: ['string', 'integer'] }, 'union'],
    ['unknown type', { type: 'blork' }, 'unsupported'],
  ])('%s → %s', (_name, schema, expected) => expect(kind(schema)).toBe(expected));

  it('nullable: Optional[X] as anyOf with null, a type list, or an enum with null, is X with an explicit "no value"', () => {
    for (const schema of [{ anyOf: [{ type: 'integer' }, { type: 'null' }] }, { type: ['integer', 'null'] }]) {
      const model = describeField(schema, schema);
      expect(model).toMatchObject({ kind: 'integer', nullable: true });
    }
    expect(describeField({}, { enum: ['a', null] })).toMatchObject({ kind: 'enum', nullable: true, options: ['a'] });
    expect(describeField({}, { anyOf: [{ type: 'integer' }, { type: 'string' }, { type: 'null' }] })).toMatchObject({ kind: 'union', nullable: true });
    expect(describeField({}, { type: 'integer' }).nullable).toBe(false);
  });

  it('resolves $ref and allOf before mapping; keeps the property title over the model title', () => {
    const root = { definitions: { Color: { title: 'Color', enum: ['RED'], type: 'string' }, City: { title: 'City', type: 'object', properties: { n: { type: 'integer' } } } } };
    expect(describeField(root, { title: 'x', allOf: [{ $ref: '#/definitions/Color' }] })).toMatchObject({ kind: 'enum', title: 'x' });
    expect(describeField(root, { $ref: '#/definitions/City' })).toMatchObject({ kind: 'object', title: 'City' });
  });

  it('block documents: a block definition (or a union of them) is a reference picker, except the block form itself', () => {
    const root = { block_type_slug: 'parent', definitions: { Creds: { block_type_slug: 'aws-credentials', type: 'object', properties: {} }, Minio: { block_type_slug: 'minio-credentials', type: 'object' } } };
    expect(describeField(root, { allOf: [{ $ref: '#/definitions/Creds' }] })).toMatchObject({ kind: 'block-ref', blockTypeSlugs: ['aws-credentials'] });
    expect(describeField(root, { anyOf: [{ $ref: '#/definitions/Minio' }, { $ref: '#/definitions/Creds' }] })).toMatchObject({ kind: 'block-ref', blockTypeSlugs: ['minio-credentials', 'aws-credentials'] });
    expect(describeField(root, { ...root, type: 'object', properties: { a: {} } }, { isRoot: true }).kind).toBe('object');
  });

  it('orders properties by position, then by declaration', () => {
    const schema = { type: 'object', properties: { foo: { position: 10 }, json: { position: 0 }, free: {}, copy: { position: 1 } } };
    expect(describeField(schema, schema).properties?.map((p) => p.name)).toEqual(['json', 'copy', 'foo', 'free']);
  });

  it('applies a default only when it fits; says why otherwise; a null default on a non-null type means unset', () => {
    expect(describeField({}, { type: 'string', default: 'html' }).default).toEqual({ value: 'html' });
    const quirk = describeField({}, { type: 'string', default: false });
    expect(quirk.default).toBeUndefined();
    expect(quirk.defaultNote).toMatch(/false is not a valid value/);
    const noneDefault = describeField({}, { type: 'integer', default: null });
    expect(noneDefault.default).toBeUndefined();
    expect(noneDefault.defaultNote).toBeUndefined();
  });

  it('describes types for the parameters table', () => {
    const root = { definitions: { Color: { enum: ['RED', 'GREEN'] } } };
    expect(typeLabel(root, { type: 'string', format: 'date' })).toBe('string (date)');
    expect(typeLabel(root, { anyOf: [{ type: 'integer' }, { const: 'all' }] })).toBe("integer | 'all'");
    expect(typeLabel(root, { type: 'array', items: { $ref: '#/definitions/Color' } })).toBe("array of 'RED' | 'GREEN'");
    expect(typeLabel(root, { type: ['string', 'null'] })).toBe('string | null');
    expect(typeLabel(root, { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'number' }] })).toBe('[integer, number]');
  });
});
