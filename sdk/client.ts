import type { Static } from 'typebox';
import type { Deployment, DeploymentCreate } from '../server/api/models/deployments.ts';
import type { Flow } from '../server/api/models/flows.ts';
import type { Log, LogCreate } from '../server/api/models/logs.ts';
import type { EventT } from '../server/api/models/events.ts';
import type { AutomationCreateT, AutomationT } from '../server/api/models/automations.ts';
import type { FlowRun, FlowRunCreate, TaskRun, TaskRunCreate } from '../server/api/models/runs.ts';
import type { OrchestrationResult, State, StateCreate } from '../server/api/models/states.ts';
import type { WorkPool } from '../server/api/models/work-pools.ts';
import { apiCredentials, apiUrl, authHeaders, credentialEnv, credentialSource, type ApiCredentials } from './settings.ts';

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
export type { EventT };

/** An API error with the server's status and message (`detail` or the first validation error). */
export class SyntaskApiError extends Error {
  /** Seconds from the answer's `Retry-After` header (a full global concurrency limit answers 423 with one). */
  retryAfterSeconds: number | null = null;

  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly path: string,
    message = `${path} answered ${status}: ${describe(body)}`,
  ) {
    super(message);
  }
}

const GET_A_KEY = 'set SYNTASK_API_KEY (an API key from Settings → API keys or `syntask api-key create`) or SYNTASK_API_AUTH_STRING';

/** 401 and 403 say which setting to fix; retrying cannot help, so they are never retried. */
function refusal(baseUrl: string, credentials: ApiCredentials, status: number, body: unknown, path: string): string {
  const source = credentialSource(credentials);
  if (status === 401) {
    return source
      ? `The Syntask API at ${baseUrl} refused the credentials in ${source} (401: unknown, expired or revoked): ${GET_A_KEY}.`
      : `The Syntask API at ${baseUrl} needs credentials (401: sign-in is on and none are set): ${GET_A_KEY}.`;
  }
  const detail = describe(body);
  const hint = /\brole\b/.test(detail) ? ` Use credentials with that role${source ? ` in ${source}` : ''}.` : '';
  return `The Syntask API at ${baseUrl} refused ${path} (403): ${detail}${hint}`;
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
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

/** Where requests go: a base URL and the `fetch` that reaches it (an embedded API has its own). */
export interface Transport {
  baseUrl: string;
  fetch: typeof fetch;
}

/**
 * The SDK's typed client for its own calls (types come from the server's schemas, the one
 * source of truth). Transient failures (connection refused, 502/503/504) are retried.
 */
export class SyntaskClient {
  // Private fields: the key never shows up when a client is logged or inspected.
  readonly #credentials: ApiCredentials;
  readonly #auth: Record<string, string>;
  /** Decided at the first request when the API is found then (see local-api.ts). */
  readonly #transport: (() => Promise<Transport>) | null;

  constructor(
    readonly baseUrl = apiUrl(),
    credentials: ApiCredentials = apiCredentials(),
    transport: (() => Promise<Transport>) | null = null,
  ) {
    this.#credentials = { ...credentials };
    this.#auth = authHeaders(credentials);
    this.#transport = transport;
  }

  /** Whether the API is found at the first request (a script with no API configured). */
  usesLocalTransport(): boolean {
    return this.#transport !== null;
  }

  /** SYNTASK_API_KEY / SYNTASK_API_AUTH_STRING for a child process that should call the API as this client does. */
  credentialEnv(): Record<string, string | undefined> {
    return credentialEnv(this.#credentials);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { baseUrl, fetch } = this.#transport ? await this.#transport() : { baseUrl: this.baseUrl, fetch: globalThis.fetch };
    let attempt = 0;
    for (;;) {
      attempt += 1;
      let res: Response;
      try {
        res = await fetch(baseUrl + path, {
          method,
          headers: body === undefined ? this.#auth : { ...this.#auth, 'content-type': 'application/json' },
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
      const parsed = parseBody(text);
      if (res.ok) return parsed as T;
      if (res.status === 401 || res.status === 403) throw new SyntaskApiError(res.status, parsed, `${method} ${path}`, refusal(this.baseUrl, this.#credentials, res.status, parsed, `${method} ${path}`));
      if (RETRYABLE.has(res.status) && attempt < 5) {
        await sleep(200 * 2 ** attempt);
        continue;
      }
      const retryAfter = Number.parseFloat(res.headers.get('retry-after') ?? '');
      throw Object.assign(new SyntaskApiError(res.status, parsed, `${method} ${path}`), { retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : null });
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
  /** Tells the server the run's process is alive (only counts while the run is Running). */
  flowRunHeartbeat = (id: string, workerName: string | null = null) => this.post<null>(`/flow_runs/${id}/heartbeat`, { worker_name: workerName });
  createTaskRun = (body: Static<typeof TaskRunCreate>) => this.post<TaskRunT>('/task_runs/', body);
  setTaskRunState = (id: string, state: StateCreateT, force = false) => this.post<OrchestrationResultT>(`/task_runs/${id}/set_state`, { state, force });
  createLogs = (logs: LogCreateT[]) => this.post<null>('/logs/', logs);
  /** Events (events-automations.md A3): 204 when stored, 404 when the server has events off. */
  createEvents = (events: EventT[]) => this.post<null>('/events', events);
  // Automations, as Syntask 2's client offers them.
  createAutomation = (body: AutomationCreateT) => this.post<AutomationT>('/automations/', body);
  readAutomation = (id: string) => this.get<AutomationT>(`/automations/${id}`);
  readAutomationsByName = (name: string) => this.post<AutomationT[]>('/automations/filter', { automations: { name: { any_: [name] } }, sort: 'UPDATED_DESC' });
  pauseAutomation = (id: string) => this.patch(`/automations/${id}`, { enabled: false });
  resumeAutomation = (id: string) => this.patch(`/automations/${id}`, { enabled: true });
  deleteAutomation = (id: string) => this.delete(`/automations/${id}`);
  deleteResourceOwnedAutomations = (resourceId: string) => this.delete(`/automations/owned-by/${encodeURIComponent(resourceId)}`);
  createDeployment = (body: Static<typeof DeploymentCreate>) => this.post<DeploymentT>('/deployments/', body);
  readDeploymentByName = (flow: string, deployment: string) => this.get<DeploymentT>(`/deployments/name/${encodeURIComponent(flow)}/${encodeURIComponent(deployment)}`);
  readDeployment = (id: string) => this.get<DeploymentT>(`/deployments/${id}`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
