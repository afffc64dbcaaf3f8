import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeTaskRun, runningFlowRun, setTaskState } from '../testing/fixtures.ts';
import { readFixtureJson, readFixtureLines } from '../testing/shared-fixtures.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const validate = (schema: object, values: object) => s.post('/api/ui/schemas/validate', { schema, values });

describe('/ui/schemas/validate (contract §3.14)', () => {
  it('agrees with every validity case of the fixtures', async () => {
    const cases = readFixtureLines<{ name: string; schema: object; is_valid_cases: { values: object; valid: boolean }[] }>('validation-cases.ndjson');
    const mismatches = [];
    for (const c of cases) {
      for (const v of c.is_valid_cases) {
        const res = await validate(c.schema, v.values);
        if (res.body.valid !== v.valid) mismatches.push({ name: c.name, values: v.values, got: res.body });
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reports messages per field for the message cases', async () => {
    const cases = readFixtureLines<{ schema: object; error_message_cases: { values: object; messages: string[] }[] }>('validation-cases.ndjson');
    const number = cases[0];
    const bad = await validate(number.schema, { param: 'not an integer' });
    expect(bad.body).toEqual({ valid: false, errors: [{ property: 'param', errors: ["'not an integer' is not of type 'integer'"] }] });
    const missing = await validate(number.schema, {});
    expect(missing.body).toEqual({ valid: false, errors: [{ property: 'param', errors: ["'param' is a required property"] }] });
    const total = cases.flatMap((c) => c.error_message_cases.map((m) => ({ schema: c.schema, ...m })));
    for (const m of total) {
      const res = await validate(m.schema, m.values);
      expect(res.body.valid).toBe(m.messages.length === 0);
    }
  });

  it('nests errors by property and index like the fixture shapes', async () => {
    const shapes = readFixtureJson<{ cases: { name: string; expected_error_obj: object }[] }>('validation-error-shapes.json').cases;
    const expected = (name: string) => shapes.find((c) => c.name.endsWith(name))!.expected_error_obj;
    const arrayOfStrings = { type: 'object', properties: { param: { type: 'array', items: { type: 'string' } } } };
    expect((await validate(arrayOfStrings, { param: ['ok', 2, 3] })).body).toEqual(expected('test_array_of_strings'));
    const city = { type: 'object', properties: { population: { type: 'integer' }, name: { type: 'string' } } };
    const arrayOfObjects = { type: 'object', properties: { param: { type: 'array', items: city } } };
    expect((await validate(arrayOfObjects, { param: [{ population: 'not an integer', name: 1 }] })).body).toEqual(expected('test_array_of_objects'));
    const twoFields = { type: 'object', properties: { param: { type: 'string' }, other_param: { type: 'string' } } };
    expect((await validate(twoFields, { param: 1, other_param: 2 })).body).toEqual(expected('test_multiple_field_errors'));
  });

  it('hydrates variables; invalid JSON and missing values are field errors; unrendered Jinja is fine', async () => {
    await s.post('/api/variables/', { name: 'port', value: '5432' });
    const schema = { type: 'object', properties: { port: { type: 'string' }, config: { type: 'object' }, greeting: { type: 'string' }, raw: {} } };
    expect((await validate(schema, { port: { __syntask_kind: 'workspace_variable', variable_name: 'port' } })).body).toEqual({ valid: true, errors: [] });
    const res = await validate(schema, {
      config: { __syntask_kind: 'json', value: '{bad' },
      greeting: { __syntask_kind: 'jinja', template: 'hi {{ name }}' },
      raw: { __syntask_kind: 'none' },
      port: { __syntask_kind: 'workspace_variable', variable_name: 'nope' },
    });
    expect(res.body.valid).toBe(false);
    const byField = Object.fromEntries(res.body.errors.map((e: { property: string; errors: string[] }) => [e.property, e.errors[0]]));
    expect(byField.config).toMatch(/^Invalid JSON/);
    expect(byField.raw).toBe("Missing 'value' key in __syntask object");
    expect(byField.port).toMatch(/Variable 'nope' not found/);
    expect(byField.greeting).toBeUndefined();
  });

  it('refuses invalid and circular schemas with 422', async () => {
    expect((await validate({ type: 'blork' }, {})).status).toBe(422);
    const circular = { type: 'object', properties: { node: { $ref: '#/definitions/Node' } }, definitions: { Node: { type: 'object', properties: { next: { $ref: '#/definitions/Node' } } } } };
    const res = await validate(circular, {});
    expect(res.status).toBe(422);
    expect(res.body.exception_detail[0].loc).toEqual(['body', 'schema']);
  });
});

describe('UI helpers for the dashboard (contract §3.14)', () => {
  it('task-run dashboard counts: 20 buckets of terminal runs; after_ is required', async () => {
    const run = await runningFlowRun(s);
    const finish = async (type: string) => {
      const t = await makeTaskRun(s, { flow_run_id: run.id, tags: ['dash'] });
      await setTaskState(s, t.id, { type: 'RUNNING' });
      await setTaskState(s, t.id, { type }, true);
    };
    for (const type of ['COMPLETED', 'COMPLETED', 'CANCELLED', 'FAILED', 'CRASHED']) await finish(type);
    const still = await makeTaskRun(s, { flow_run_id: run.id, tags: ['dash'] });
    await setTaskState(s, still.id, { type: 'RUNNING' });
    const after = new Date(Date.now() - 3_600_000).toISOString();
    const res = await s.post('/api/ui/task_runs/dashboard/counts', { task_runs: { start_time: { after_: after }, tags: { all_: ['dash'] }, state: { type: { any_: ['RUNNING'] } } } });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(20);
    expect(res.body.reduce((n: number, b: { completed: number }) => n + b.completed, 0)).toBe(3);
    expect(res.body.reduce((n: number, b: { failed: number }) => n + b.failed, 0)).toBe(2);
    expect(res.body[19]).toEqual({ completed: 3, failed: 2 });
    const missing = await s.post('/api/ui/task_runs/dashboard/counts', { task_runs: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.exception_detail[0].msg).toBe('task_runs.start_time.after_ is required');
  });

  it('task-run counts by state, every state present', async () => {
    const run = await runningFlowRun(s);
    const t = await makeTaskRun(s, { flow_run_id: run.id });
    await setTaskState(s, t.id, { type: 'RUNNING' });
    await makeTaskRun(s, { flow_run_id: run.id });
    const res = await s.post('/api/ui/task_runs/count', { flow_runs: { id: { any_: [run.id] } } });
    expect(res.body).toEqual({ COMPLETED: 0, PENDING: 1, RUNNING: 1, FAILED: 0, CANCELLED: 0, CRASHED: 0, PAUSED: 0, CANCELLING: 0, SCHEDULED: 0 });
  });

  it('previews the next runs of an unsaved schedule across a DST change (extension)', async () => {
    const res = await s.post('/api/ui/schedules/preview', { schedule: { cron: '30 2 * * *', timezone: 'America/New_York' }, start: '2024-03-08T12:00:00Z', count: 4 });
    expect(res.body).toEqual({ timezone: 'America/New_York', dates: ['2024-03-09T07:30:00+00:00', '2024-03-10T07:00:00+00:00', '2024-03-11T06:30:00+00:00', '2024-03-12T06:30:00+00:00'] });
    const interval = await s.post('/api/ui/schedules/preview', { schedule: { interval: 86400, anchor_date: '2024-03-08T14:00:00Z', timezone: 'America/New_York' }, start: '2024-03-09T00:00:00Z', count: 2 });
    expect(interval.body.dates).toEqual(['2024-03-09T14:00:00+00:00', '2024-03-10T13:00:00+00:00']);
    const rrule = await s.post('/api/ui/schedules/preview', { schedule: { rrule: 'DTSTART;TZID=Europe/Berlin:20241020T090000\nRRULE:FREQ=WEEKLY' }, start: '2024-10-19T00:00:00Z', count: 2 });
    expect(rrule.body).toEqual({ timezone: 'Europe/Berlin', dates: ['2024-10-20T07:00:00+00:00', '2024-10-27T08:00:00+00:00'] });
    expect((await s.post('/api/ui/schedules/preview', { schedule: { cron: 'nope' } })).status).toBe(422);
    expect((await s.post('/api/ui/schedules/preview', { schedule: { cron: '* * * * *' } })).body.dates).toHaveLength(10);
  });
});
