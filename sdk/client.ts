import type { Static } from 'typebox';
import type { Deployment, DeploymentCreate } from '../server/api/models/deployments.ts';
import type { Flow } from '../server/api/models/flows.ts';
import type { Log, LogCreate } from '../server/api/models/logs.ts';
import type { FlowRun, FlowRunCreate, TaskRun, TaskRunCreate } from '../server/api/models/runs.ts';
import type { OrchestrationResult, State, StateCreate } from '../server/api/models/states.ts';
import type { WorkPool } from '../server/api/models/work-pools.ts';
import { apiUrl } from './settings.ts';

export type FlowT = Static<typeof Flow>;
export type FlowRunT = Static<typeof FlowRun>;
export type TaskRunT = Static<typeof TaskRun>;
export type StateT = Static<typeof State>;
export type StateCreateT = Static<typeof StateCreate>;
export type OrchestrationResultT = Static<typeof OrchestrationResult>;
export type DeploymentT = Static<typeof Deployment>;
export type WorkPoolT = Static<typeof WorkPool>;
export type LogT = Static<typeof Log>;
export type LogCreateT = Static<typeof LogCreate>;

/** An API error with the server's status and message (`detail` or the first validation error). */
export class SyntaskApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly path: string,
  ) {
    super(`${path} answered ${status}: ${describe(body)}`);
  }
}

function describe(body: unknown): string {
  if (!body || typeof body !== 'object') return String(body);
  const b = body as { detail?: unknown; exception_detail?: { loc: unknown[]; msg: string }[]; exception_message?: string };
  if (b.exception_detail?.length) return b.exception_detail.map((d) => `${d.loc.slice(1).join('.')}: ${d.msg}`).join('; ');
  if (b.detail !== undefined) return typeof b.detail === 'string' ? b.detail : JSON.stringify(b.detail);
  return b.exception_message ?? JSON.stringify(body);
}

const RETRYABLE = new Set([502, 503, 504]);

/**
 * The SDK's typed client for its own calls (types come from the server's schemas, the one
 * source of truth). Transient failures (connection refused, 502/503/504) are retried.
 */
export class SyntaskClient {
  constructor(readonly baseUrl = apiUrl()) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let attempt = 0;
    for (;;) {
      attempt += 1;
      let res: Response;
      try {
        res = await fetch(this.baseUrl + path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        if (attempt < 5) {
          await sleep(200 * 2 ** attempt);
          continue;
        }
        throw new Error(`Cannot reach the Syntask API at ${this.baseUrl} (${(err as Error).message}). Is the server running? Set SYNTASK_API_URL.`);
      }
      const text = await res.text();
      const parsed = text ? JSON.parse(text) : null;
      if (res.ok) return parsed as T;
      if (RETRYABLE.has(res.status) && attempt < 5) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      throw new SyntaskApiError(res.status, parsed, `${method} ${path}`);
    }
  }

  get = <T>(path: string) => this.request<T>('GET', path);
  post = <T>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = (path: string, body: unknown) => this.request<null>('PATCH', path, body);
  delete = (path: string) => this.request<null>('DELETE', path);

  createFlow = (name: string, tags: string[] = []) => this.post<FlowT>('/flows/', { name, tags });
  readFlow = (id: string) => this.get<FlowT>(`/flows/${id}`);
  createFlowRun = (body: Static<typeof FlowRunCreate>) => this.post<FlowRunT>('/flow_runs/', body);
  readFlowRun = (id: string) => this.get<FlowRunT>(`/flow_runs/${id}`);
  updateFlowRun = (id: string, body: Record<string, unknown>) => this.patch(`/flow_runs/${id}`, body);
  setFlowRunState = (id: string, state: StateCreateT, force = false) => this.post<OrchestrationResultT>(`/flow_runs/${id}/set_state`, { state, force });
  createTaskRun = (body: Static<typeof TaskRunCreate>) => this.post<TaskRunT>('/task_runs/', body);
  setTaskRunState = (id: string, state: StateCreateT, force = false) => this.post<OrchestrationResultT>(`/task_runs/${id}/set_state`, { state, force });
  createLogs = (logs: LogCreateT[]) => this.post<null>('/logs/', logs);
  createDeployment = (body: Static<typeof DeploymentCreate>) => this.post<DeploymentT>('/deployments/', body);
  readDeploymentByName = (flow: string, deployment: string) => this.get<DeploymentT>(`/deployments/name/${encodeURIComponent(flow)}/${encodeURIComponent(deployment)}`);
  readDeployment = (id: string) => this.get<DeploymentT>(`/deployments/${id}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
