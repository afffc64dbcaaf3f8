import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/testing/harness.ts';
import { Completed, Failed, flow, getRunContext, getRunLogger, RunFailedError, task, z } from './index.ts';
import { parametersJsonSchema } from './parameters.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  process.env.SYNTASK_API_URL = s.api;
  process.env.SYNTASK_LOGGING_TO_CONSOLE = 'false';
});
afterAll(() => s.close());

const latestRun = async (flowName: string) => {
  const runs = (await s.post('/api/flow_runs/filter', { flows: { name: { any_: [flowName] } }, sort: 'EXPECTED_START_TIME_DESC', limit: 1 })).body;
  return runs[0];
};
const taskRunsOf = async (flowRunId: string) => (await s.post('/api/task_runs/filter', { flow_runs: { id: { any_: [flowRunId] } }, sort: 'EXPECTED_START_TIME_ASC' })).body as any[];
const statesOf = async (kind: 'flow' | 'task', id: string) => (await s.get(`/api/${kind}_run_states/?${kind}_run_id=${id}`)).body.map((st: { name: string }) => st.name);

describe('flows and tasks', () => {
  it('a flow that returns completes with its value; task runs and logs are recorded', async () => {
    const double = task({ name: 'double' }, async (n: number) => n * 2);
    const f = flow({ name: 'sdk-basic' }, async () => {
      getRunLogger().info('starting');
      const a = await double(2);
      const b = await double(a);
      return { total: b };
    });
    expect(await f()).toEqual({ total: 8 });
    const run = await latestRun('sdk-basic');
    expect(run).toMatchObject({ state_type: 'COMPLETED', state_name: 'Completed', run_count: 1 });
    expect(run.state.data).toMatchObject({ type: 'json', value: { total: 8 } });
    expect(await statesOf('flow', run.id)).toEqual(['Pending', 'Running', 'Completed']);
    const tasks = await taskRunsOf(run.id);
    expect(tasks.map((t) => `${t.name}:${t.state_type}`)).toEqual(['double-0:COMPLETED', 'double-1:COMPLETED']);
    await new Promise((r) => setTimeout(r, 50));
    const logs = (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } })).body;
    expect(logs.map((l: { message: string }) => l.message)).toContain('starting');
  });

  it('throwing fails the run; returning Failed fails it; a caught task failure does not', async () => {
    const boom = task({ name: 'boom' }, async () => {
      throw new Error('kaput');
    });
    const throws = flow({ name: 'sdk-throws' }, async () => {
      await boom();
    });
    await expect(throws()).rejects.toBeInstanceOf(RunFailedError);
    const failedRun = await latestRun('sdk-throws');
    expect(failedRun.state).toMatchObject({ type: 'FAILED', message: 'Flow run encountered an exception: Error: kaput' });
    expect((await taskRunsOf(failedRun.id))[0].state.message).toBe('Error: kaput');

    const returnsFailed = flow({ name: 'sdk-returns-failed' }, async () => Failed({ message: 'not today' }));
    await expect(returnsFailed()).rejects.toThrow('not today');
    expect((await latestRun('sdk-returns-failed')).state).toMatchObject({ type: 'FAILED', message: 'not today' });

    const handles = flow({ name: 'sdk-handles' }, async () => {
      try {
        await boom();
      } catch {
        return 'recovered';
      }
    });
    expect(await handles()).toBe('recovered');
    const handled = await latestRun('sdk-handles');
    expect(handled.state_type).toBe('COMPLETED');
    expect((await taskRunsOf(handled.id))[0].state_type).toBe('FAILED');

    const custom = flow({ name: 'sdk-custom-state' }, async () => Completed({ name: 'Skipped', message: 'nothing to do' }));
    await custom();
    expect((await latestRun('sdk-custom-state')).state).toMatchObject({ type: 'COMPLETED', name: 'Skipped' });
  });

  it('task retries produce AwaitingRetry and Retrying with the right run_count', async () => {
    let attempts = 0;
    const flaky = task({ name: 'flaky', retries: 2, retryDelaySeconds: [0, 1] }, async () => {
      attempts += 1;
      if (attempts < 3) throw new Error(`attempt ${attempts}`);
      return 'ok';
    });
    const f = flow({ name: 'sdk-task-retries' }, async () => flaky());
    expect(await f()).toBe('ok');
    const [t] = await taskRunsOf((await latestRun('sdk-task-retries')).id);
    expect(t).toMatchObject({ state_type: 'COMPLETED', run_count: 3 });
    expect(await statesOf('task', t.id)).toEqual(['Pending', 'Running', 'AwaitingRetry', 'Retrying', 'AwaitingRetry', 'Retrying', 'Completed']);
  });

  it('flow retries rerun the flow in process', async () => {
    let attempts = 0;
    const f = flow({ name: 'sdk-flow-retries', retries: 1, retryDelaySeconds: 0 }, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('first attempt fails');
      return attempts;
    });
    expect(await f()).toBe(2);
    const run = await latestRun('sdk-flow-retries');
    expect(run).toMatchObject({ state_type: 'COMPLETED', run_count: 2 });
    expect(run.empirical_policy).toMatchObject({ retries: 1 });
    expect(await statesOf('flow', run.id)).toEqual(['Pending', 'Running', 'AwaitingRetry', 'Running', 'Completed']);
  });

  it('a cache hit returns the cached value in a Cached state without running the task', async () => {
    let executions = 0;
    const expensive = task({ name: 'expensive', cacheKeyFn: (_ctx, n: number) => `expensive-${n}`, cacheExpiration: 3600 }, async (n: number) => {
      executions += 1;
      return { squared: n * n };
    });
    const f = flow({ name: 'sdk-cache' }, async () => expensive(7));
    expect(await f()).toEqual({ squared: 49 });
    expect(await f()).toEqual({ squared: 49 });
    expect(executions).toBe(1);
    const [cached] = await taskRunsOf((await latestRun('sdk-cache')).id);
    expect(cached).toMatchObject({ state_type: 'COMPLETED', state_name: 'Cached', run_count: 0, cache_key: 'expensive-7' });
  });

  it('a subflow is a child flow run linked to a parent task run that mirrors it', async () => {
    const child = flow({ name: 'sdk-child', parameters: z.object({ n: z.number() }) }, async ({ n }) => n + 1);
    const parent = flow({ name: 'sdk-parent' }, async () => child({ n: 41 }));
    expect(await parent()).toBe(42);
    const parentRun = await latestRun('sdk-parent');
    const childRun = await latestRun('sdk-child');
    const [parentTask] = await taskRunsOf(parentRun.id);
    expect(childRun.parent_task_run_id).toBe(parentTask.id);
    expect(childRun.parameters).toEqual({ n: 41 });
    expect(parentTask).toMatchObject({ state_type: 'COMPLETED', name: 'sdk-child-0' });
    expect(parentTask.state.state_details.child_flow_run_id).toBe(childRun.id);
    const graph = (await s.get(`/api/flow_runs/${parentRun.id}/graph-v2`)).body;
    expect(graph.nodes[0][1]).toMatchObject({ kind: 'flow-run', id: childRun.id });
  });

  it('records task_inputs for futures and for returned values, so the graph has edges', async () => {
    const extract = task({ name: 'extract' }, async (source: string) => ({ source, rows: [1, 2, 3] }));
    const combine = task({ name: 'combine' }, async (a: { rows: number[] }, b: { rows: number[] }) => [...a.rows, ...b.rows]);
    const load = task({ name: 'load' }, async (rows: number[], table: string) => `${rows.length} rows into ${table}`);
    const f = flow({ name: 'sdk-edges' }, async () => {
      const a = extract.submit('api');
      const b = extract.submit('db');
      const combined = await combine(a, b);
      return load(combined, 'warehouse');
    });
    expect(await f()).toBe('6 rows into warehouse');
    const run = await latestRun('sdk-edges');
    const tasks = await taskRunsOf(run.id);
    const byName = Object.fromEntries(tasks.map((t) => [t.name, t]));
    expect(byName['combine-0'].task_inputs.a).toEqual([{ input_type: 'task_run', id: byName['extract-0'].id }]);
    expect(byName['combine-0'].task_inputs.b).toEqual([{ input_type: 'task_run', id: byName['extract-1'].id }]);
    expect(byName['load-0'].task_inputs).toEqual({ rows: [{ input_type: 'task_run', id: byName['combine-0'].id }], table: [{ input_type: 'constant', type: 'string' }] });
    const graph = (await s.get(`/api/flow_runs/${run.id}/graph-v2`)).body;
    const nodes = new Map<string, any>(graph.nodes);
    expect(nodes.get(byName['combine-0'].id).parents.map((p: { id: string }) => p.id).sort()).toEqual([byName['extract-0'].id, byName['extract-1'].id].sort());
  });

  it('submitted tasks run at the same time; map makes one run per item', async () => {
    const wait = task({ name: 'wait' }, async (ms: number) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms;
    });
    const f = flow({ name: 'sdk-concurrent' }, async () => {
      const futures = wait.map([400, 400, 400]);
      return Promise.all(futures.map((x) => x.result()));
    });
    const started = Date.now();
    expect(await f()).toEqual([400, 400, 400]);
    expect(Date.now() - started).toBeLessThan(1100);
    const tasks = await taskRunsOf((await latestRun('sdk-concurrent')).id);
    expect(tasks).toHaveLength(3);
    const latestStart = Math.max(...tasks.map((t) => Date.parse(t.start_time)));
    const earliestEnd = Math.min(...tasks.map((t) => Date.parse(t.end_time)));
    expect(latestStart).toBeLessThan(earliestEnd);
  });

  it('invalid parameters fail the run with a message naming the field', async () => {
    const f = flow({ name: 'sdk-params', parameters: z.object({ limit: z.number().int(), region: z.enum(['eu', 'us']).default('eu') }) }, async (p) => p);
    expect(await f({ limit: 3 })).toEqual({ limit: 3, region: 'eu' });
    await expect(f({ limit: 'many' } as never)).rejects.toThrow(/'limit'/);
    const run = await latestRun('sdk-params');
    expect(run.state.message).toMatch(/^Validation of flow parameters failed: 'limit'/);
    expect(run.state_type).toBe('FAILED');
  });

  it('a block-document reference passed as a parameter arrives as the block data, secrets in clear', async () => {
    const type = (await s.get('/api/block_types/slug/database-credentials')).body;
    const [schema] = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 })).body;
    const doc = (await s.post('/api/block_documents/', { name: 'sdk-param-creds', data: { user: 'etl', password: 's3cret-pw' }, block_type_id: type.id, block_schema_id: schema.id })).body;
    let seen: unknown;
    const f = flow({ name: 'sdk-block-param', parameters: z.object({ creds: z.object({ user: z.string(), password: z.string() }) }) }, async ({ creds }) => {
      seen = creds;
    });
    await f({ creds: { $ref: { block_document_id: doc.id } } } as never);
    expect(seen).toEqual({ user: 'etl', password: 's3cret-pw' });
    // The run keeps the reference, never the secret.
    const run = await latestRun('sdk-block-param');
    expect(run.parameters).toEqual({ creds: { $ref: { block_document_id: doc.id } } });
    await expect(f({ creds: { $ref: { block_document_id: '00000000-0000-4000-8000-000000000000' } } } as never)).rejects.toThrow(/block document .* does not exist/i);
  });

  it('timeouts fail the task run', async () => {
    const slow = task({ name: 'slow', timeoutSeconds: 0.2 }, () => new Promise((r) => setTimeout(r, 2000)));
    const f = flow({ name: 'sdk-timeout' }, async () => slow());
    await expect(f()).rejects.toThrow(/timeout/);
    const [t] = await taskRunsOf((await latestRun('sdk-timeout')).id);
    expect(t.state.message).toMatch(/TimeoutError: Task run slow-0 exceeded its timeout of 0.2s/);
  });

  it('getRunContext and getRunLogger work in flows and tasks; logPrints captures console.log', async () => {
    let seen: unknown[] = [];
    const inner = task({ name: 'inner', logPrints: true }, async () => {
      const ctx = getRunContext()!;
      seen.push(ctx.kind === 'task' && ctx.taskRun.taskName, ctx.kind === 'task' && ctx.flowRunContext?.parameters);
      console.log('printed inside the task');
    });
    const f = flow({ name: 'sdk-context', parameters: z.object({ who: z.string() }) }, async () => {
      const ctx = getRunContext()!;
      seen.push(ctx.kind, ctx.kind === 'flow' && ctx.flowRun.flowName);
      await inner();
    });
    seen = [];
    await f({ who: 'me' });
    expect(seen).toEqual(['flow', 'sdk-context', 'inner', { who: 'me' }]);
    const run = await latestRun('sdk-context');
    const logs = (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } } })).body;
    expect(logs.find((l: { message: string }) => l.message === 'printed inside the task')).toMatchObject({ task_run_id: expect.any(String), level: 20 });
    expect(() => getRunLogger()).toThrow(/outside of a flow or task run/);
  });

  it('log batching: 10,000 lines arrive, in order', async () => {
    const f = flow({ name: 'sdk-many-logs' }, async () => {
      const logger = getRunLogger();
      for (let i = 0; i < 10_000; i++) logger.info(`line ${i}`);
    });
    await f();
    const run = await latestRun('sdk-many-logs');
    const messages: string[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = (await s.post('/api/logs/filter', { logs: { flow_run_id: { any_: [run.id] } }, limit: 200, offset })).body;
      messages.push(...page.map((l: { message: string }) => l.message));
      if (page.length < 200) break;
    }
    const lines = messages.filter((m) => m.startsWith('line '));
    expect(lines).toHaveLength(10_000);
    expect(lines.every((m, i) => m === `line ${i}`)).toBe(true);
  });
});

describe('parameter schemas from zod', () => {
  it('carry titles, descriptions, defaults, enums, nested objects, arrays, unions, dates and positions', () => {
    const schema = parametersJsonSchema(
      z.object({
        region: z.enum(['eu', 'us']).default('eu').describe('Where to run'),
        day: z.iso.date().meta({ title: 'Run date' }),
        config: z.object({ retries: z.number().int().default(2), mode: z.union([z.literal('fast'), z.literal('safe')]) }),
        tables: z.array(z.string()).default(['orders']),
        limit: z.number().nullable().default(null),
        id: z.union([z.string(), z.number()]).optional(),
      }),
    );
    const p = schema.properties as Record<string, any>;
    expect(schema).toMatchObject({ title: 'Parameters', type: 'object', required: ['day', 'config'] });
    expect(p.region).toMatchObject({ title: 'region', description: 'Where to run', default: 'eu', enum: ['eu', 'us'], position: 0 });
    expect(p.day).toEqual({ title: 'Run date', type: 'string', format: 'date', position: 1 });
    const config = (schema.definitions as Record<string, any>).Config;
    expect(p.config).toEqual({ title: 'config', $ref: '#/definitions/Config', position: 2 });
    expect(config.properties.mode.anyOf).toHaveLength(2);
    expect(config.properties.retries).toEqual({ title: 'retries', type: 'integer', default: 2 });
    expect(p.tables).toMatchObject({ type: 'array', items: { type: 'string' }, default: ['orders'] });
    expect(p.limit).toMatchObject({ default: null, position: 4 });
    expect(p.id.position).toBe(5);
  });
});
