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
