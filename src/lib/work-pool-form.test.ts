import { describe, expect, it } from 'vitest';
import { parseLimit, queueServerErrors, serverErrorFields, validatePoolDetails, validateQueue } from './work-pool-form.ts';

describe('work pool form validation', () => {
  it('names the field for each problem and accepts a plain pool', () => {
    expect(validatePoolDetails({ name: 'local', description: '', concurrency: '' })).toEqual({});
    expect(validatePoolDetails({ name: '', description: '', concurrency: '' }).name).toBe('Required.');
    expect(validatePoolDetails({ name: 'Syntask-x', description: '', concurrency: '' }).name).toMatch(/reserved/);
    expect(validatePoolDetails({ name: ' a', description: '', concurrency: '' }).name).toMatch(/spaces/);
    expect(validatePoolDetails({ name: 'a/b', description: '', concurrency: '' }).name).toMatch(/^Cannot contain/);
    expect(validatePoolDetails({ name: 'ok', description: '', concurrency: '-1' }).concurrency).toMatch(/^Must be a whole number/);
    expect(validatePoolDetails({ name: '', description: '', concurrency: '2.5' }, { checkName: false })).toEqual({ concurrency: expect.stringMatching(/^Must be a whole number/) });
  });

  it('reads limits: empty is none, digits are a number', () => {
    expect(parseLimit(' ')).toEqual({ value: null });
    expect(parseLimit('0')).toEqual({ value: 0 });
    expect(parseLimit('12')).toEqual({ value: 12 });
    expect('error' in parseLimit('1e3')).toBe(true);
  });

  it('checks queue priority and limit', () => {
    expect(validateQueue({ name: 'high', description: '', priority: '', concurrency: '' })).toEqual({});
    expect(validateQueue({ name: 'high', description: '', priority: '0', concurrency: 'x' })).toEqual({ priority: expect.any(String), concurrency: expect.any(String) });
  });

  it("puts the server's refusals on the field they are about", () => {
    expect(serverErrorFields({ status: 409, message: 'A work pool with this name already exists.' })).toEqual({ name: 'A work pool with this name already exists.' });
    expect(serverErrorFields({ status: 422, message: 'x', fieldErrors: [{ loc: ['body', 'base_job_template'], message: 'The variables schema has invalid defaults' }] })).toEqual({ template: 'The variables schema has invalid defaults' });
    expect(serverErrorFields({ status: 422, message: 'x', fieldErrors: [{ loc: ['body', 'concurrency_limit'], message: 'must be >= 0' }] })).toEqual({ concurrency: 'must be >= 0' });
    expect(serverErrorFields({ status: 500, message: 'boom' })).toEqual({});
    expect(queueServerErrors({ status: 409, message: 'Data integrity conflict.' }, 'a')).toEqual({ name: 'A work queue named "a" already exists in this work pool.' });
    expect(queueServerErrors({ status: 422, message: 'x', fieldErrors: [{ loc: ['body', 'priority'], message: 'must be >= 1' }] }, 'a')).toEqual({ priority: 'must be >= 1' });
  });
});
