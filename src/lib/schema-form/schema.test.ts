import { describe, expect, it } from 'vitest';
import { asSchema, mergeSchemas, refTarget, resolveSchema } from './schema.ts';

describe('resolveSchema', () => {
  it('follows $ref into definitions and $defs; the property keeps its own title and default', () => {
    const root = { definitions: { Color: { title: 'Color', enum: ['RED', 'GREEN'], type: 'string' } }, $defs: { Positive: { type: 'integer', minimum: 0 } } };
    expect(resolveSchema(root, { $ref: '#/definitions/Color', title: 'x', default: 'RED' }).schema).toEqual({ title: 'x', default: 'RED', enum: ['RED', 'GREEN'], type: 'string' });
    expect(resolveSchema(root, { $ref: '#/$defs/Positive' }).schema).toEqual({ type: 'integer', minimum: 0 });
    expect(refTarget(root, '#/definitions/Missing')).toBeUndefined();
    expect(resolveSchema(root, { $ref: '#/definitions/Missing' }).problem).toMatch(/does not define/);
  });

  it('merges allOf members: properties and required united, the outer title wins', () => {
    const root = { definitions: { Foo: { title: 'Foo', type: 'object', properties: { y: { type: 'integer' } }, required: ['y'] } } };
    const resolved = resolveSchema(root, { title: 'x', allOf: [{ $ref: '#/definitions/Foo' }, { properties: { z: { type: 'string' } }, required: ['z'] }] });
    expect(resolved.problem).toBeUndefined();
    expect(resolved.schema).toMatchObject({ title: 'x', type: 'object', properties: { y: { type: 'integer' }, z: { type: 'string' } } });
    expect(resolved.schema.required).toEqual(expect.arrayContaining(['y', 'z']));
  });

  it('guards against references that lead back to themselves', () => {
    // A model whose allOf lists itself (corpus: circular_schema_reference): merged once.
    const city = { definitions: { City: { title: 'City', properties: { name: { type: 'string' } }, required: ['name'], allOf: [{ $ref: '#/definitions/City' }] } } };
    const resolved = resolveSchema(city, { allOf: [{ $ref: '#/definitions/City' }] });
    expect(resolved.problem).toBeUndefined();
    expect(resolved.schema.properties).toEqual({ name: { type: 'string' } });
    // A reference to itself without structure (corpus: circular_reference_in_field) cannot be resolved.
    const node = { definitions: { Node: { $ref: '#/definitions/Node' } } };
    expect(resolveSchema(node, { $ref: '#/definitions/Node' }).problem).toMatch(/refers to itself/);
    const a2b = { definitions: { A: { $ref: '#/definitions/B' }, B: { $ref: '#/definitions/A' } } };
    expect(resolveSchema(a2b, { $ref: '#/definitions/A' }).problem).toMatch(/refers to itself/);
  });

  it('leaves recursion through properties lazy: a tree of nodes resolves one level at a time', () => {
    const tree = { definitions: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/definitions/Node' } } } } } };
    const level = resolveSchema(tree, { $ref: '#/definitions/Node' });
    expect(level.problem).toBeUndefined();
    expect(resolveSchema(tree, (level.schema.properties as { children: { items: object } }).children.items).schema.type).toBe('object');
  });

  it('drops keywords real tools emit as null', () => {
    expect(asSchema({ type: 'object', required: null, definitions: null, properties: {} })).toEqual({ type: 'object', properties: {} });
    expect(mergeSchemas({ required: ['a'] }, { required: ['a', 'b'] }).required).toEqual(['a', 'b']);
  });
});
