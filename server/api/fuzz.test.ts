import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/harness.ts';
import { makeTaskRun, runningFlowRun, setFlowState, setTaskState } from '../testing/fixtures.ts';
import { fuzzPathValue, mutate, SchemaSampler, seededRng } from '../testing/fuzz.ts';

const SEED = Number(process.env.SYNTASK_FUZZ_SEED ?? 20261124);
const BODIES_PER_OPERATION = 50;
/** Fuzzed like the rest, but never confirmed: a real clear or drop would end the test. */
const DESTRUCTIVE = new Set(['clearDatabase', 'dropDatabase', 'createDatabase']);
const unconfirmed = (body: string) => body.replace(/"confirm"\s*:\s*true/g, '"confirm":false');

let s: TestServer;
let baseline: { path: string; body: unknown }[] = [];

/** Reads that must return exactly the same thing after the fuzzing. */
async function snapshot(paths: string[]) {
  return Promise.all(paths.map(async (path) => ({ path, body: (await s.get(path)).body })));
}

beforeAll(async () => {
  s = await startTestServer();
  const run = await runningFlowRun(s, { name: 'baseline-run', tags: ['baseline'], parameters: { a: 1 } });
  const task = await makeTaskRun(s, { flow_run_id: run.id, name: 'baseline-task' });
  await setTaskState(s, task.id, { type: 'RUNNING' });
  await setTaskState(s, task.id, { type: 'COMPLETED' });
  // Finished, so no field changes with the clock.
  await setFlowState(s, run.id, { type: 'COMPLETED' });
  await s.post('/api/logs/', [{ name: 'base', level: 20, message: 'baseline log', timestamp: '2026-01-01T00:00:00Z', flow_run_id: run.id }]);
  await s.post('/api/concurrency_limits/', { tag: 'baseline', concurrency_limit: 3 });
  // Holds a slot: increments and decrements with fuzzed names must leave it alone.
  await s.post('/api/v2/concurrency_limits/', { name: 'baseline-global', limit: 2, active_slots: 1 });
  await s.post(`/api/flow_runs/${run.id}/input`, { key: 'baseline-input', value: '{"answer": 42}' });
  await s.post('/api/work_queues/', { name: 'baseline-queue', concurrency_limit: 1 });
  baseline = await snapshot([
    `/api/flow_runs/${run.id}`,
    `/api/flows/${run.flow_id}`,
    `/api/task_runs/${task.id}`,
    `/api/flow_run_states/?flow_run_id=${run.id}`,
    '/api/concurrency_limits/tag/baseline',
    '/api/v2/concurrency_limits/baseline-global',
    `/api/flow_runs/${run.id}/input/baseline-input`,
    '/api/work_queues/name/baseline-queue',
  ]);
  baseline.push({ path: 'logs', body: (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } })).body });
}, 60_000);
afterAll(() => s.close());

describe(`fuzzing every API operation (seed ${SEED})`, () => {
  it(`${BODIES_PER_OPERATION}+ malformed or random requests per operation never get a 5xx`, async () => {
    const doc = (await s.get('/api/openapi.json')).body;
    const rng = seededRng(SEED);
    const sampler = new SchemaSampler(doc.components.schemas, rng);
    const failures: string[] = [];
    let operations = 0;
    let requests = 0;
    for (const [template, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        operations += 1;
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        const queryParams = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'query');
        for (let i = 0; i < BODIES_PER_OPERATION; i++) {
          const path = template.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(fuzzPathValue(rng, name)));
          const query = queryParams.length && rng() < 0.7 ? '?' + queryParams.map((p: { name: string }) => `${p.name}=${encodeURIComponent(fuzzPathValue(rng, p.name))}`).join('&') : '';
          const mutation = bodySchema || method !== 'get' ? mutate(rng, bodySchema ? sampler.sample(bodySchema) : {}) : null;
          if (mutation && DESTRUCTIVE.has(op.operationId)) mutation.body = unconfirmed(mutation.body);
          const res = await fetch(s.url + path + query, {
            method: method.toUpperCase(),
            headers: mutation ? { 'content-type': 'application/json' } : {},
            body: mutation && method !== 'get' ? mutation.body : undefined,
          });
          // A live stream that opened never ends: its status is the answer.
          if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
          else await res.arrayBuffer();
          requests += 1;
          if (res.status >= 500) failures.push(`${method.toUpperCase()} ${template} [${mutation?.kind}] → ${res.status}: ${mutation?.body.slice(0, 200)}`);
        }
      }
    }
    expect(operations).toBeGreaterThan(30);
    // The routes of the later contract sections are fuzzed too.
    for (const path of ['/api/work_queues/{id}/get_runs', '/api/flow_runs/{id}/graph', '/api/templates/validate', '/api/admin/database/drop', '/api/collections/views/{view}']) expect(doc.paths).toHaveProperty([path]);
    expect(requests).toBeGreaterThanOrEqual(operations * BODIES_PER_OPERATION);
    expect(failures).toEqual([]);
    expect((await s.get('/api/health')).body).toBe(true);
  }, 300_000);

  it('earlier data is intact after the fuzzing', async () => {
    const after = await snapshot(baseline.filter((b) => b.path !== 'logs').map((b) => b.path));
    expect((await s.post('/api/flows/count', {})).body).toBeGreaterThan(0);
    for (const [i, entry] of after.entries()) expect(entry).toEqual(baseline[i]);
    const runId = (baseline[0].body as { id: string }).id;
    expect((await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [runId] } } })).body).toEqual(baseline.at(-1)!.body);
  });
});
