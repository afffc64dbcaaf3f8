import { describe, expect, it } from 'vitest';
import { toApiError } from './client.ts';

describe('API errors', () => {
  it('reads the {detail} shape', () => {
    const e = toApiError(404, 'Not Found', { detail: 'Flow run not found' });
    expect(e).toMatchObject({ status: 404, message: 'Flow run not found', fieldErrors: [] });
  });

  it('reads request-validation bodies into field errors', () => {
    const e = toApiError(422, 'Unprocessable Entity', {
      exception_message: 'Invalid request received.',
      exception_detail: [
        { loc: ['body', 'state', 'type'], msg: 'must be one of the state types', type: 'value_error' },
        { loc: ['body'], msg: 'field required', type: 'value_error.missing' },
      ],
      request_body: {},
    });
    expect(e.fieldErrors).toEqual([
      { loc: ['body', 'state', 'type'], field: 'type', message: 'must be one of the state types' },
      { loc: ['body'], field: 'body', message: 'field required' },
    ]);
    expect(e.message).toBe('type: must be one of the state types; field required');
  });

  it('falls back to exception_message, short text, then the status line', () => {
    expect(toApiError(503, 'Service Unavailable', { exception_message: 'Service Unavailable' }).message).toBe('Service Unavailable');
    expect(toApiError(502, 'Bad Gateway', 'upstream down').message).toBe('upstream down');
    expect(toApiError(500, 'Internal Server Error', null).message).toBe('500 Internal Server Error');
  });
});
