import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

// The harness sends string bodies as they are: the template is JSON-encoded here.
const validate = (template: string) => s.request('POST', '/api/templates/validate', JSON.stringify(template), { 'content-type': 'application/json' });

describe('POST /api/templates/validate (contract §3.16)', () => {
  it('answers 204 with no body for valid templates', async () => {
    for (const template of ['', 'plain text', 'Flow {{ flow.name }} is {{ flow_run.state.name | upper }}', '{% for t in tags %}{{ t }}{% if not loop.last %}, {% endif %}{% endfor %}', '{{ data | tojson }} {{ x | default("n/a") }}', '{# a comment #}\n{{ a }}']) {
      const res = await validate(template);
      expect(res.status, template).toBe(204);
      expect(res.text).toBe('');
    }
  });

  it('answers 422 {error: {line, message, source}} for syntax errors, with the line of the problem', async () => {
    const cases: [string, number, RegExp][] = [
      ['line one\n{{ flow.name ', 2, /expected variable end/],
      ['a\nb\n{{ }}', 3, /unexpected token/],
      ['{% if x %}\nno end', 2, /endif/],
      ['{% nosuchtag %}', 1, /unknown block tag/],
      ['first\n{{ name | nosuchfilter }}', 2, /No filter named 'nosuchfilter'/],
    ];
    for (const [template, line, message] of cases) {
      const res = await validate(template);
      expect(res.status, template).toBe(422);
      expect(res.body).toEqual({ error: { line, message: expect.stringMatching(message), source: template } });
    }
  });

  it('needs a JSON string body (422 in the validation shape otherwise)', async () => {
    for (const body of [{ template: 'x' }, 42, ['x'], null]) {
      const res = await s.request('POST', '/api/templates/validate', JSON.stringify(body), { 'content-type': 'application/json' });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.exception_message).toBe('Invalid request received.');
    }
    expect((await s.request('POST', '/api/templates/validate', '"unterminated', { 'content-type': 'application/json' })).status).toBe(422);
  });

  it('survives pathological input', async () => {
    const res = await validate(`{{ ${'('.repeat(20_000)} }}`);
    expect(res.status).toBe(422);
    expect(res.body.error.line).toBe(1);
  });
});
