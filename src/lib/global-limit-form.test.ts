import { describe, expect, it } from 'vitest';
import { globalLimitRefusal, parseGlobalLimitInput } from './global-limit-form.ts';

describe('global limit form', () => {
  const ok = { name: ' warehouse-db ', limit: '2', decay: '', active: true };

  it('turns the text into a body; an empty decay means a plain concurrency limit', () => {
    expect(parseGlobalLimitInput(ok)).toEqual({ errors: {}, body: { name: 'warehouse-db', limit: 2, slot_decay_per_second: 0, active: true } });
    expect(parseGlobalLimitInput({ ...ok, decay: '0.5', active: false }).body).toMatchObject({ slot_decay_per_second: 0.5, active: false });
  });

  it('leaves ranges to the server: a negative limit is sent as typed', () => {
    expect(parseGlobalLimitInput({ ...ok, limit: '-1' }).body?.limit).toBe(-1);
  });

  it('refuses empty and non-numeric text', () => {
    expect(parseGlobalLimitInput({ ...ok, name: '  ', limit: '' }).errors).toEqual({ name: 'Name is required.', limit: 'Limit is required.' });
    expect(parseGlobalLimitInput({ ...ok, limit: 'ten', decay: 'fast' })).toEqual({
      errors: { limit: 'Limit must be a number.', decay: 'Slot decay must be a number (or empty for none).' },
      body: null,
    });
  });

  it('puts server refusals beside their fields in plain words', () => {
    const refusal = {
      status: 422,
      message: 'limit: ensure this value is greater than or equal to 0',
      fieldErrors: [
        { field: 'limit', message: 'ensure this value is greater than or equal to 0' },
        { field: 'slot_decay_per_second', message: 'ensure this value is greater than or equal to 0' },
        { field: 'name', message: 'string does not match the pattern ^[^/%&><]*$' },
      ],
    };
    expect(globalLimitRefusal(refusal)).toEqual({ limit: 'Limit: must be 0 or more', decay: 'Slot decay per second: must be 0 or more', name: 'Name: must not contain / % & > or <' });
    expect(globalLimitRefusal({ status: 409, message: 'A concurrency limit named "x" already exists.', fieldErrors: [] })).toEqual({ name: 'Name: A concurrency limit named "x" already exists.' });
    expect(globalLimitRefusal({ status: 500, message: 'Internal Server Error', fieldErrors: [] })).toEqual({ form: 'Internal Server Error' });
  });
});
