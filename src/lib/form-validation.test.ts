import { describe, expect, it } from 'vitest';
import { refusalOf, refusalToFieldErrors, validateConcurrencyLimit, validateVariable } from './form-validation.ts';

describe('variable rules', () => {
  const ok = { name: 'warehouse_url', value: 'postgres://x', tags: ['prod'] };

  it('accepts a valid variable, including an empty value', () => {
    expect(validateVariable(ok)).toEqual({});
    expect(validateVariable({ ...ok, value: '' })).toEqual({});
    expect(validateVariable({ ...ok, name: 'a'.repeat(255), value: 'v'.repeat(5000) })).toEqual({});
  });

  it('names the field of each broken rule', () => {
    expect(validateVariable({ ...ok, name: '' }).name).toBe('Name is required.');
    expect(validateVariable({ ...ok, name: 'a'.repeat(256) }).name).toBe('Name is too long: 256 characters, at most 255.');
    expect(validateVariable({ ...ok, name: 'Warehouse-URL' }).name).toMatch(/^Name may only contain lower-case letters, digits and underscores/);
    expect(validateVariable({ ...ok, value: 'v'.repeat(5001) }).value).toBe('Value is too long: 5,001 characters, at most 5,000.');
    expect(validateVariable({ ...ok, tags: ['t'.repeat(2001)] }).tags).toMatch(/^Tags: /);
  });
});

describe('tag limit rules', () => {
  it('takes whole numbers from 0', () => {
    expect(validateConcurrencyLimit({ tag: 'db', limit: '0' })).toEqual({});
    expect(validateConcurrencyLimit({ tag: 'db', limit: ' 12 ' })).toEqual({});
  });

  it('refuses a missing tag and a limit that is not a whole number of 0 or more', () => {
    expect(validateConcurrencyLimit({ tag: ' ', limit: '1' }).tag).toBe('Tag is required.');
    expect(validateConcurrencyLimit({ tag: 'db', limit: '' }).limit).toBe('Limit is required.');
    expect(validateConcurrencyLimit({ tag: 'db', limit: '1.5' }).limit).toBe('Limit must be a whole number (0 or more).');
    expect(validateConcurrencyLimit({ tag: 'db', limit: 'ten' }).limit).toBe('Limit must be a whole number (0 or more).');
    expect(validateConcurrencyLimit({ tag: 'db', limit: '-1' }).limit).toBe('Limit must be 0 or more.');
    expect(validateConcurrencyLimit({ tag: 'db', limit: '2147483648' }).limit).toMatch(/at most 2,147,483,647/);
  });
});

describe('server refusals on the form', () => {
  const labels = { name: 'Name', value: 'Value' };

  it('puts 422 field errors on their fields', () => {
    const errors = refusalToFieldErrors({ status: 422, message: 'x', fieldErrors: [{ field: 'value', message: 'must NOT have more than 5000 characters' }] }, ['name', 'value'], labels, 'name');
    expect(errors).toEqual({ value: 'Value: must NOT have more than 5000 characters' });
  });

  it('puts a 409 conflict on the unique field', () => {
    expect(refusalToFieldErrors({ status: 409, message: 'A variable with this name already exists.', fieldErrors: [] }, ['name', 'value'], labels, 'name')).toEqual({
      name: 'Name: A variable with this name already exists.',
    });
  });

  it('keeps anything else for the whole form', () => {
    expect(refusalToFieldErrors({ status: 500, message: 'Internal Server Error', fieldErrors: [] }, ['name', 'value'], labels, 'name')).toEqual({ form: 'Internal Server Error' });
    expect(refusalToFieldErrors({ status: 422, message: 'bad', fieldErrors: [{ field: 'other', message: 'nope' }] }, ['name', 'value'], labels)).toEqual({ form: 'bad' });
  });
});

describe('refusals from any error', () => {
  it('keeps an API error as it is and makes anything else a message for the form', () => {
    const apiError = Object.assign(new Error('A variable with this name already exists.'), { status: 409, fieldErrors: [] });
    expect(refusalOf(apiError)).toEqual({ status: 409, message: 'A variable with this name already exists.', fieldErrors: [] });
    expect(refusalOf(new TypeError('Failed to fetch'))).toEqual({ status: 0, message: 'Failed to fetch', fieldErrors: [] });
    expect(refusalOf('boom')).toEqual({ status: 0, message: 'boom', fieldErrors: [] });
  });
});
