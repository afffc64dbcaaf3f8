import { describe, expect, it } from 'vitest';
import { JsonBodyError, parseJsonBody, toErrorDetails } from './validation.ts';

describe('request body parsing', () => {
  it('parses JSON and treats an empty body as absent', () => {
    expect(parseJsonBody('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it('refuses broken JSON, excessive nesting and NUL characters', () => {
    expect(() => parseJsonBody('{"a": ')).toThrow(JsonBodyError);
    expect(() => parseJsonBody('['.repeat(200) + ']'.repeat(200))).toThrow(/nesting/);
    expect(parseJsonBody('['.repeat(100) + ']'.repeat(100))).toBeDefined();
    expect(() => parseJsonBody('{"a": "x\\u0000y"}')).toThrow(/NUL/);
    expect(() => parseJsonBody('{"x\\u0000": 1}')).toThrow(/NUL/);
  });
});

describe('ajv errors → contract exception_detail', () => {
  it('names the field for missing, extra and mistyped values', () => {
    const details = toErrorDetails(
      [
        { keyword: 'required', instancePath: '/state', schemaPath: '#/required', params: { missingProperty: 'type' } },
        { keyword: 'additionalProperties', instancePath: '', schemaPath: '#/additionalProperties', params: { additionalProperty: 'bogus' } },
        { keyword: 'type', instancePath: '/tags/1', schemaPath: '#/type', params: { type: 'string' } },
        { keyword: 'format', instancePath: '/flow_id', schemaPath: '#/format', params: { format: 'uuid' } },
      ] as never,
      'body',
    );
    expect(details).toEqual([
      { loc: ['body', 'state', 'type'], msg: 'field required', type: 'value_error.missing' },
      { loc: ['body', 'bogus'], msg: 'extra fields not permitted', type: 'value_error.extra' },
      { loc: ['body', 'tags', 1], msg: 'value is not a valid string', type: 'type_error.str' },
      { loc: ['body', 'flow_id'], msg: 'value is not a valid uuid', type: 'type_error.uuid' },
    ]);
  });

  it('folds the branches of a failed union into one entry at the union', () => {
    const details = toErrorDetails(
      [
        { keyword: 'type', instancePath: '/retry_delay', schemaPath: '#/properties/retry_delay/anyOf/0/type', params: { type: 'integer' } },
        { keyword: 'type', instancePath: '/retry_delay', schemaPath: '#/properties/retry_delay/anyOf/1/type', params: { type: 'array' } },
        { keyword: 'anyOf', instancePath: '/retry_delay', schemaPath: '#/properties/retry_delay/anyOf', params: {} },
      ] as never,
      'body',
    );
    expect(details).toEqual([{ loc: ['body', 'retry_delay'], msg: 'value does not match any of the allowed types', type: 'type_error.union' }]);
  });
});
