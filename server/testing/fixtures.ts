import { randomUUID } from 'node:crypto';
import type { TestServer } from './harness.ts';

/** Small builders for API tests; every call goes through HTTP. */
export async function makeFlow(s: TestServer, name = `flow-${randomUUID().slice(0, 8)}`, tags: string[] = []) {
  const res = await s.post('/api/flows/', { name, tags });
  if (res.status >= 300) throw new Error(`createFlow ${res.status} ${res.text}`);
  return res.body as { id: string; name: string };
}

export async function makeFlowRun(s: TestServer, body: Record<string, unknown> = {}) {
  const flowId = (body.flow_id as string | undefined) ?? (await makeFlow(s)).id;
  const res = await s.post('/api/flow_runs/', { ...body, flow_id: flowId });
  if (res.status >= 300) throw new Error(`createFlowRun ${res.status} ${res.text}`);
  return res.body;
}

export async function makeTaskRun(s: TestServer, body: Record<string, unknown> = {}) {
  const res = await s.post('/api/task_runs/', { task_key: `task-${randomUUID().slice(0, 8)}`, dynamic_key: '0', ...body });
  if (res.status >= 300) throw new Error(`createTaskRun ${res.status} ${res.text}`);
  return res.body;
}

export function setFlowState(s: TestServer, id: string, state: Record<string, unknown>, force = false, headers?: Record<string, string>) {
  return s.request('POST', `/api/flow_runs/${id}/set_state`, { state, force }, headers);
}

export function setTaskState(s: TestServer, id: string, state: Record<string, unknown>, force = false) {
  return s.post(`/api/task_runs/${id}/set_state`, { state, force });
}

/** A flow run in RUNNING state (task runs need a running parent to start). */
export async function runningFlowRun(s: TestServer, body: Record<string, unknown> = {}) {
  const run = await makeFlowRun(s, body);
  const res = await setFlowState(s, run.id, { type: 'RUNNING' });
  if (res.body.status !== 'ACCEPT') throw new Error(`flow run did not start: ${res.text}`);
  return run;
}

export const isoIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
export const secondsUntil = (iso: string) => (Date.parse(iso) - Date.now()) / 1000;

/** The input schema the SDK stores for its `Approval` example (reason, choice, an optional note). */
export const APPROVAL_SCHEMA = {
  title: 'Approval',
  type: 'object',
  properties: {
    reason: { title: 'reason', type: 'string', minLength: 3 },
    choice: { title: 'choice', type: 'string', enum: ['ship', 'hold'] },
    note: { title: 'note', anyOf: [{ type: 'string' }, { type: 'null' }], default: null },
  },
  required: ['reason', 'choice'],
};

/** The input keys of a run's first pause. */
export const PAUSED_KEYSET = { schema: 'paused-1-schema', response: 'paused-1-response', description: 'paused-1-description' };

export const resumeFlowRun = (s: TestServer, id: string, run_input?: unknown) => s.post(`/api/flow_runs/${id}/resume`, run_input === undefined ? {} : { run_input });

/** A stored flow run input, parsed. */
export const flowRunInput = async (s: TestServer, id: string, key: string) => JSON.parse((await s.get(`/api/flow_runs/${id}/input/${key}`)).text);

/**
 * A running run that paused waiting for input, with its schema (`null`: none) stored as the
 * SDK does; `reschedule` makes it a suspended run of a deployment.
 */
export async function pausedForInput(s: TestServer, options: { reschedule?: boolean; schema?: unknown } = {}) {
  const run = await runningFlowRun(s, options.reschedule ? { deployment_id: randomUUID() } : {});
  if (options.schema !== null) {
    const stored = await s.post(`/api/flow_runs/${run.id}/input`, { key: PAUSED_KEYSET.schema, value: JSON.stringify(options.schema ?? APPROVAL_SCHEMA) });
    if (stored.status >= 300) throw new Error(`input schema not stored: ${stored.status} ${stored.text}`);
  }
  const paused = await setFlowState(s, run.id, {
    type: 'PAUSED',
    name: options.reschedule ? 'Suspended' : 'Paused',
    state_details: { pause_key: '1', run_input_keyset: PAUSED_KEYSET, pause_reschedule: options.reschedule ?? false, pause_timeout: isoIn(3600) },
  });
  if (paused.body.status !== 'ACCEPT') throw new Error(`flow run did not pause: ${paused.text}`);
  return run;
}

/** A block document of a built-in block type (`webhook`, `custom-webhook-notification`…). */
export async function blockDocument(s: TestServer, slug: string, data: Record<string, unknown>): Promise<string> {
  const type = (await s.get(`/api/block_types/slug/${slug}`)).body;
  const schema = (await s.post('/api/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } } })).body[0];
  const res = await s.post('/api/block_documents/', { name: `${slug}-${randomUUID().slice(0, 8)}`, data, block_schema_id: schema.id, block_type_id: type.id });
  if (res.status !== 201) throw new Error(`block document: ${res.status} ${res.text}`);
  return res.body.id as string;
}
