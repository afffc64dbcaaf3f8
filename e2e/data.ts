import type { SyntaskServer } from './fixtures.ts';

/** Test data made through the API, as a worker or the SDK would make it. */

export interface Run {
  id: string;
  name: string;
  flow_id: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function createFlow(server: SyntaskServer, name: string, tags: string[] = []) {
  return server.postJson<{ id: string; name: string }>('/flows/', { name, tags });
}

export async function createFlowRun(server: SyntaskServer, flowId: string, body: Record<string, unknown> = {}) {
  return server.postJson<Run>('/flow_runs/', { flow_id: flowId, ...body });
}

export const setFlowState = (server: SyntaskServer, id: string, state: Record<string, unknown>, force = true) => server.postJson(`/flow_runs/${id}/set_state`, { state, force });
export const setTaskState = (server: SyntaskServer, id: string, state: Record<string, unknown>, force = true) => server.postJson(`/task_runs/${id}/set_state`, { state, force });

export async function createTaskRun(server: SyntaskServer, flowRunId: string, key: string, parents: string[] = [], body: Record<string, unknown> = {}) {
  return server.postJson<{ id: string; name: string }>('/task_runs/', {
    flow_run_id: flowRunId,
    task_key: key,
    dynamic_key: '0',
    name: key,
    task_inputs: parents.length ? { data: parents.map((id) => ({ input_type: 'task_run', id })) } : {},
    ...body,
  });
}

export async function log(server: SyntaskServer, lines: { message: string; level?: number; at: number; flowRunId: string; taskRunId?: string | null }[]) {
  await server.postJson(
    '/logs/',
    lines.map((l) => ({ name: 'syntask.test', level: l.level ?? 20, message: l.message, timestamp: iso(l.at), flow_run_id: l.flowRunId, task_run_id: l.taskRunId ?? null })),
  );
}

/**
 * An ETL run that failed: extract → transform → load (failed), with a report task fed by
 * extract; logs for each task, the error on `load`.
 */
export async function failedEtlRun(server: SyntaskServer, flowName = `etl-${Math.random().toString(36).slice(2, 8)}`) {
  const flow = await createFlow(server, flowName, ['etl']);
  const run = await createFlowRun(server, flow.id, { name: `${flowName}-run`, tags: ['nightly'], parameters: { batch_size: 500, source: 's3://bucket/in' } });
  await setFlowState(server, run.id, { type: 'RUNNING' });
  const t0 = Date.now() - 60_000;
  const tasks: Record<string, { id: string; name: string }> = {};
  const plan: [string, string[], 'COMPLETED' | 'FAILED'][] = [
    ['extract', [], 'COMPLETED'],
    ['transform', ['extract'], 'COMPLETED'],
    ['report', ['extract'], 'COMPLETED'],
    ['load', ['transform'], 'FAILED'],
  ];
  for (const [key, parents, final] of plan) {
    const task = await createTaskRun(server, run.id, key, parents.map((p) => tasks[p].id));
    tasks[key] = task;
    await setTaskState(server, task.id, { type: 'RUNNING' });
    await setTaskState(server, task.id, final === 'FAILED' ? { type: 'FAILED', message: 'Task run encountered an exception: ConnectionError: warehouse refused the connection' } : { type: 'COMPLETED' });
  }
  await log(server, [
    { message: 'Beginning flow run', at: t0, flowRunId: run.id },
    { message: 'Downloading 500 records', at: t0 + 1000, flowRunId: run.id, taskRunId: tasks.extract.id },
    { message: 'Transforming records', at: t0 + 2000, flowRunId: run.id, taskRunId: tasks.transform.id },
    { message: 'Writing the report', at: t0 + 2500, flowRunId: run.id, taskRunId: tasks.report.id },
    { message: 'Loading into the warehouse', at: t0 + 3000, flowRunId: run.id, taskRunId: tasks.load.id },
    { message: 'ConnectionError: warehouse refused the connection (port 5439)', level: 40, at: t0 + 4000, flowRunId: run.id, taskRunId: tasks.load.id },
    { message: 'Finished in state Failed', level: 40, at: t0 + 5000, flowRunId: run.id },
  ]);
  await setFlowState(server, run.id, { type: 'FAILED', message: 'Flow run encountered an exception: ConnectionError' });
  return { flow, run, tasks };
}

/** Many flow runs through the API, `concurrency` requests at a time (there is no bulk endpoint); returns them in `names` order. */
export async function createFlowRuns(server: SyntaskServer, flowId: string, names: string[], concurrency = 16): Promise<Run[]> {
  const runs: Run[] = new Array(names.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < names.length) {
        const i = next++;
        runs[i] = await createFlowRun(server, flowId, { name: names[i] });
      }
    }),
  );
  return runs;
}
