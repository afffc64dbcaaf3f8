import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { percentile } from '../lib.ts';

/**
 * A bounded load generator: a few virtual users, each walking a flow run through its
 * life (create, task runs and their states, logs, dashboard reads, final state). Nothing
 * is retried: every failure is what a client would have seen. Every write answered with
 * 2xx is recorded, to be found in the database afterwards.
 */

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

export interface Answer {
  status: number;
  body: any;
  headers: http.IncomingHttpHeaders;
}

export function request(base: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(base + path);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, agent, timeout: 30_000, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON (an nginx error page)
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface Acknowledged {
  flowRuns: string[];
  taskRuns: string[];
  flowStates: string[];
  taskStates: string[];
  logMessages: string[];
}

export class Recorder {
  readonly latencies: number[] = [];
  /** When each answered request finished (ms since epoch), parallel to `latencies`. */
  readonly finished: number[] = [];
  readonly errors: { at: number; what: string }[] = [];
  readonly acknowledged: Acknowledged = { flowRuns: [], taskRuns: [], flowStates: [], taskStates: [], logMessages: [] };
  requests = 0;

  constructor(readonly base: string) {}

  /** One timed call; null when it failed (the failure is recorded). */
  async call(method: string, path: string, body?: unknown): Promise<Answer | null> {
    const started = performance.now();
    this.requests += 1;
    try {
      const answer = await request(this.base, method, path, body);
      this.latencies.push(performance.now() - started);
      this.finished.push(Date.now());
      if (answer.status >= 300) {
        this.errors.push({ at: Date.now(), what: `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${answer.status}` });
        return null;
      }
      return answer;
    } catch (err) {
      this.errors.push({ at: Date.now(), what: `${method} ${path.replace(/[0-9a-f-]{36}/g, ':id')} → ${(err as Error).message}` });
      return null;
    }
  }

  async setState(kind: 'flow' | 'task', id: string, state: Record<string, unknown>) {
    const answer = await this.call('POST', `/api/${kind}_runs/${id}/set_state`, { state });
    if (answer?.body?.status === 'ACCEPT') (kind === 'flow' ? this.acknowledged.flowStates : this.acknowledged.taskStates).push(answer.body.state.id);
    return answer;
  }

  /** Figures of the requests answered in [from, to) (ms since epoch), or of all of them. */
  summary(seconds: number, from = 0, to = Infinity) {
    const picked = this.latencies.filter((_, i) => this.finished[i] >= from && this.finished[i] < to);
    const sorted = picked.sort((a, b) => a - b);
    if (from > 0) return { requests: picked.length, errors: this.errors.filter((e) => e.at >= from && e.at < to).length, throughput: picked.length / seconds, p50: percentile(sorted, 50) ?? 0, p95: percentile(sorted, 95) ?? 0 };
    return { requests: this.requests, errors: this.errors.length, throughput: this.requests / seconds, p50: percentile(sorted, 50) ?? 0, p95: percentile(sorted, 95) ?? 0 };
  }
}

export interface LoadOptions {
  flowId: string;
  users: number;
  seconds: number;
  /** Tags of the generated runs (a notification policy may match them). */
  tags?: (i: number) => string[];
}

/** One flow run's life through the API, as an SDK client and a dashboard together would drive it. */
async function lifecycle(r: Recorder, flowId: string, tags: string[]) {
  const created = await r.call('POST', '/api/flow_runs/', { flow_id: flowId, name: `load-${randomUUID().slice(0, 8)}`, tags });
  if (!created) return;
  const runId: string = created.body.id;
  r.acknowledged.flowRuns.push(runId);
  if (created.body.state?.id) r.acknowledged.flowStates.push(created.body.state.id);
  if (!(await r.setState('flow', runId, { type: 'RUNNING' }))) return;
  for (let t = 0; t < 2; t++) {
    const task = await r.call('POST', '/api/task_runs/', { flow_run_id: runId, task_key: `task-${t}`, dynamic_key: '0', state: { type: 'PENDING' } });
    if (!task) continue;
    r.acknowledged.taskRuns.push(task.body.id);
    if (task.body.state?.id) r.acknowledged.taskStates.push(task.body.state.id);
    await r.setState('task', task.body.id, { type: 'RUNNING' });
    await r.setState('task', task.body.id, { type: 'COMPLETED' });
  }
  const messages = Array.from({ length: 5 }, (_, i) => `load ${runId} ${i}`);
  const now = new Date().toISOString();
  if (await r.call('POST', '/api/logs/', messages.map((message) => ({ name: 'load', level: 20, message, timestamp: now, flow_run_id: runId })))) r.acknowledged.logMessages.push(...messages);
  // What a dashboard reads around a run.
  await r.call('GET', `/api/flow_runs/${runId}`);
  await r.call('POST', '/api/flow_runs/filter', { sort: 'START_TIME_DESC', limit: 20 });
  await r.call('POST', '/api/flow_runs/count', {});
  await r.call('POST', '/api/task_runs/filter', { flow_runs: { id: { any_: [runId] } }, limit: 50 });
  await r.call('POST', '/api/logs/filter', { logs: { flow_run_id: { any_: [runId] } }, limit: 50 });
  await r.setState('flow', runId, { type: 'COMPLETED' });
}

/** Runs `users` virtual users for `seconds`; returns when the last lifecycle finished. */
export async function runLoad(r: Recorder, options: LoadOptions) {
  const until = Date.now() + options.seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: options.users }, async () => {
      while (Date.now() < until) {
        const i = n++;
        await lifecycle(r, options.flowId, options.tags?.(i) ?? []);
      }
    }),
  );
}
