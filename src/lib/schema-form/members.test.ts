import { describe, expect, it } from 'vitest';
import { detectMember } from './members.ts';

describe('union member detection', () => {
  const root = {
    definitions: {
      Cat: { type: 'object', properties: { meow: { type: 'boolean' }, name: { type: 'string' } }, required: ['meow'] },
      Dog: { type: 'object', properties: { bark: { type: 'boolean' }, name: { type: 'string' } }, required: ['bark'] },
    },
  };
  const limit = [{ type: 'integer', exclusiveMinimum: 0 }, { type: 'string', const: 'all' }];

  it('finds the member a saved value belongs to', () => {
    expect(detectMember(root, limit, 'all')).toBe(1);
    expect(detectMember(root, limit, 25)).toBe(0);
    const pets = [{ $ref: '#/definitions/Cat' }, { $ref: '#/definitions/Dog' }];
    expect(detectMember(root, pets, { bark: true, name: 'Rex' })).toBe(1);
    expect(detectMember(root, pets, { meow: false })).toBe(0);
    expect(detectMember(root, [{ type: 'string' }, { type: 'string', format: 'date-time' }], '2024-05-01T09:00:00Z')).toBe(1);
    expect(detectMember(root, [{ type: 'array', items: { type: 'string' } }, { type: 'object' }], { a: 1 })).toBe(1);
    expect(detectMember(root, [{ type: 'number' }, { type: 'boolean' }], true)).toBe(1);
  });

  it('reports an unset value as -1 and falls back to the closest member for a value that fits none', () => {
    expect(detectMember(root, limit, undefined)).toBe(-1);
    expect(detectMember(root, [{ type: 'integer' }, { type: 'array' }], 'text')).toBe(0);
  });
});
