import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { blockNameProblem, problemText, saveProblemOf } from './names.ts';

describe('blockNameProblem', () => {
  it('accepts lower-case letters, digits and dashes', () => {
    expect(blockNameProblem('warehouse-prod-2')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(blockNameProblem('')).toBe('A name is required.');
    expect(blockNameProblem('Warehouse')).toBe('Use lower-case letters only (no capitals).');
    expect(blockNameProblem('my block')).toMatch(/only lower-case letters, digits and dashes/);
    expect(blockNameProblem('my_block')).toMatch(/only lower-case letters, digits and dashes/);
    expect(blockNameProblem('a'.repeat(5001))).toMatch(/at most 5,000/);
  });
});

describe('saveProblemOf', () => {
  it('puts a 409 at the name, naming the type and the name', () => {
    expect(saveProblemOf(new ApiError(409, 'Block already exists'), 'Secret', 'api-key')).toEqual({ name: 'A Secret block named “api-key” already exists; choose another name.' });
  });

  it('puts 422 field errors at the name, at the value fields by pointer, and the rest in one message naming each field', () => {
    const error = new ApiError(422, 'x', null, [
      { loc: ['body', 'name'], field: 'name', message: 'string does not match regex' },
      { loc: ['body', 'data', 'credentials'], field: 'credentials', message: 'a reference must look like {"$ref": …}' },
      { loc: ['body', 'data', 'headers', 'a/b'], field: 'a/b', message: 'must be a string' },
      { loc: ['body', 'block_schema_id'], field: 'block_schema_id', message: 'field required' },
    ]);
    expect(saveProblemOf(error, 'Secret', 'A')).toEqual({
      name: 'string does not match regex',
      fields: { '/credentials': ['a reference must look like {"$ref": …}'], '/headers/a~1b': ['must be a string'] },
      general: 'block_schema_id: field required',
    });
  });

  it('shows any other failure as it came', () => {
    expect(saveProblemOf(new ApiError(500, 'Internal Server Error'), 'Secret', 'a')).toEqual({ general: 'Internal Server Error' });
    expect(saveProblemOf(new Error('offline'), 'Secret', 'a')).toEqual({ general: 'offline' });
  });
});

describe('problemText', () => {
  it('names each refused value field, then the rest', () => {
    expect(problemText({ fields: { '/headers/x': ['must be a string'] }, general: 'block_schema_id: field required' })).toBe('headers › x: must be a string; block_schema_id: field required');
    expect(problemText({ name: 'taken' })).toBeNull();
  });
});
