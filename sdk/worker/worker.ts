import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { SyntaskClient, sleep, type FlowRunT, type WorkPoolT } from '../client.ts';
import { ensureProcessWorkPool } from '../work-pools.ts';
import { sinkFor } from '../logging.ts';
import { heartbeatFrequencySeconds, WORKER_NAME_ENV } from '../settings.ts';
import { eventSinkFor } from '../events.ts';
import { isTerminal } from '../states.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'syntask.js');

export interface WorkerOptions {
  pool: string;
  queues?: string[];
  name?: string;
  /** Most flow runs this worker runs at once. */
  limit?: number;
  pollSeconds?: number;
  heartbeatSeconds?: number;
  /** Seconds between heartbeats of the runs this worker started (SYNTASK_RUNNER_HEARTBEAT_FREQUENCY, default 30). */
  runHeartbeatSeconds?: number;
  prefetchSeconds?: number;
  cancelCheckSeconds?: number;
  client?: SyntaskClient;
  log?: (line: string) => void;
}

const num = (v: string | undefined, fallback: number) => (v !== undefined && Number.isFinite(Number(v)) ? Number(v) : fallback);

interface Job {
  run: FlowRunT;
  /** Its deployment's name, for the events that relate it. */
  deploymentName: string | null;
  child: ChildProcess;
  cancelling: boolean;
  exited: Promise<number | null>;
}

/** `{{ name }}` placeholders of a job configuration, filled from the job variables. */
export function renderJobConfiguration(config: unknown, variables: Record<string, unknown>): unknown {
  if (typeof config === 'string') {
    const whole = /^\{\{\s*(\w+)\s*\}\}$/.exec(config);
    if (whole) return variables[whole[1]] ?? null;
    return config.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (variables[name] === undefined || variables[name] === null ? '' : String(variables[name])));
  }
  if (Array.isArray(config)) return config.map((c) => renderJobConfiguration(c, variables));
  if (config && typeof config === 'object') return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, renderJobConfiguration(v, variables)]));
  return config;
}

/**
 * A process worker (contract §7): heartbeats, polls its pool, claims runs with PENDING,
 * runs each in a child process with the run's output streamed into its logs, marks runs
 * Crashed when the process dies without a final state, and cancels runs on request.
 */
/** `ProcessWorker-host-1a2b` → `processworker-host-1a2b` (a worker's resource id). */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

export class ProcessWorker {
  readonly name: string;
  readonly client: SyntaskClient;
  private readonly limit: number;
  private readonly pollMs: number;
  private readonly heartbeatMs: number;
  private readonly runHeartbeatMs: number;
  private readonly prefetchMs: number;
  private readonly cancelMs: number;
  private readonly jobs = new Map<string, Job>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private pool: WorkPoolT | null = null;
  private readonly log: (line: string) => void;
  private startedEventId: string | null = null;

  constructor(private readonly options: WorkerOptions) {
    this.client = options.client ?? new SyntaskClient();
    this.name = options.name ?? `ProcessWorker-${hostname()}-${randomUUID().slice(0, 8)}`;
    this.limit = options.limit ?? num(process.env.SYNTASK_WORKER_LIMIT, 10);
    this.pollMs = (options.pollSeconds ?? num(process.env.SYNTASK_WORKER_QUERY_SECONDS, 10)) * 1000;
    this.heartbeatMs = (options.heartbeatSeconds ?? num(process.env.SYNTASK_WORKER_HEARTBEAT_SECONDS, 30)) * 1000;
    this.runHeartbeatMs = (options.runHeartbeatSeconds ?? heartbeatFrequencySeconds()) * 1000;
    this.prefetchMs = (options.prefetchSeconds ?? num(process.env.SYNTASK_WORKER_PREFETCH_SECONDS, 10)) * 1000;
    this.cancelMs = (options.cancelCheckSeconds ?? 2) * 1000;
    this.log = options.log ?? ((line) => console.log(line));
  }

  get running(): number {
    return this.jobs.size;
  }

  async start(): Promise<void> {
    this.pool = (await ensureProcessWorkPool(this.client, this.options.pool)).pool;
    await this.heartbeat();
    this.startedEventId = this.emit('syntask.worker.started', []);
    this.log(`Worker ${this.name} started on pool "${this.options.pool}" (type ${this.pool.type}); polling every ${this.pollMs / 1000}s for up to ${this.limit} concurrent runs.`);
    this.every(this.heartbeatMs, () => this.heartbeat());
    this.every(this.pollMs, () => this.poll(), true);
    this.every(this.cancelMs, () => this.checkCancellations());
    this.every(this.runHeartbeatMs, () => this.heartbeatRuns());
  }

  private every(ms: number, fn: () => Promise<unknown>, immediately = false) {
    let busy = false;
    const tick = async () => {
      if (busy || this.stopping) return;
      busy = true;
      try {
        await fn();
      } catch (err) {
        this.log(`Worker ${this.name}: ${(err as Error).message}`);
      } finally {
        busy = false;
      }
    };
    if (immediately) void tick();
    this.timers.push(setInterval(tick, ms));
  }

  /** Worker events (A2.2: `syntask.worker.*`, sent by the worker itself); answers the event id. */
  private emit(event: string, related: Record<string, string>[], payload: Record<string, unknown> = {}, follows: string | null = null): string {
    const id = randomUUID();
    const pool = this.pool ? [{ 'syntask.resource.id': `syntask.work-pool.${this.pool.id}`, 'syntask.resource.role': 'work-pool', 'syntask.resource.name': this.pool.name }] : [];
    eventSinkFor(this.client).push({
      occurred: new Date().toISOString(),
      event,
      resource: { 'syntask.resource.id': `syntask.worker.${this.pool?.type ?? 'process'}.${slug(this.name)}`, 'syntask.resource.name': this.name, 'syntask.worker-type': this.pool?.type ?? 'process' },
      related: [...related, ...pool],
      payload,
      id,
      follows,
    });
    return id;
  }

  private runRelated({ run, deploymentName }: Pick<Job, 'run' | 'deploymentName'>): Record<string, string>[] {
    const related: Record<string, string>[] = [{ 'syntask.resource.id': `syntask.flow-run.${run.id}`, 'syntask.resource.role': 'flow-run', 'syntask.resource.name': run.name }, { 'syntask.resource.id': `syntask.flow.${run.flow_id}`, 'syntask.resource.role': 'flow' }];
    if (run.deployment_id) related.push({ 'syntask.resource.id': `syntask.deployment.${run.deployment_id}`, 'syntask.resource.role': 'deployment', ...(deploymentName ? { 'syntask.resource.name': deploymentName } : {}) });
    for (const tag of [...new Set(run.tags)].sort()) related.push({ 'syntask.resource.id': `syntask.tag.${tag}`, 'syntask.resource.role': 'tag' });
    return related;
  }

  private heartbeat() {
    return this.client.request('POST', `/work_pools/${encodeURIComponent(this.options.pool)}/workers/heartbeat`, { name: this.name, heartbeat_interval_seconds: Math.round(this.heartbeatMs / 1000) });
  }

  /** For every run whose process is still alive: it is, say so (the server only counts it while the run is Running). */
  private async heartbeatRuns() {
    const alive = [...this.jobs.values()].filter((job) => job.child.exitCode === null && job.child.signalCode === null);
    await Promise.allSettled(alive.map((job) => this.client.flowRunHeartbeat(job.run.id, this.name)));
  }

  /** One poll: fetch what is due, claim each run with PENDING, start the claimed ones. */
  async poll(): Promise<void> {
    const capacity = this.limit - this.jobs.size;
    if (capacity <= 0 || this.stopping) return;
    const due = await this.client.post<{ flow_run: FlowRunT }[]>(`/work_pools/${encodeURIComponent(this.options.pool)}/get_scheduled_flow_runs`, {
      work_queue_names: this.options.queues?.length ? this.options.queues : null,
      scheduled_before: new Date(Date.now() + this.prefetchMs).toISOString(),
      limit: capacity,
    });
    for (const { flow_run: run } of due) {
      if (this.stopping || this.jobs.size >= this.limit) break;
      const claim = await this.client.setFlowRunState(run.id, { type: 'PENDING' });
      if (claim.status !== 'ACCEPT') continue;
      try {
        await this.launch(run);
      } catch (err) {
        await this.client.setFlowRunState(run.id, { type: 'CRASHED', message: `The worker could not start the flow run: ${(err as Error).message}` });
      }
    }
  }

  private async jobConfiguration(run: FlowRunT) {
    const deployment = run.deployment_id ? await this.client.readDeployment(run.deployment_id) : null;
    const template = (this.pool?.base_job_template ?? {}) as { job_configuration?: object; variables?: { properties?: Record<string, { default?: unknown }> } };
    const defaults = Object.fromEntries(Object.entries(template.variables?.properties ?? {}).map(([k, p]) => [k, p?.default]));
    const variables = { ...defaults, ...(deployment?.infra_overrides ?? {}), ...(run.job_variables ?? {}) };
    const config = renderJobConfiguration(template.job_configuration ?? {}, variables) as { command?: string | null; env?: Record<string, string | null> | null; working_dir?: string | null; stream_output?: boolean };
    return { config, deployment };
  }

  private async launch(run: FlowRunT) {
    const { config, deployment } = await this.jobConfiguration(run);
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [k, v] of Object.entries(config.env ?? {})) {
      if (v === null) delete env[k];
      else env[k] = String(v);
    }
    // The flow process calls the API where the worker does, with the worker's credentials
    // (which may come from code, as with `syntask start`, rather than this process's env).
    for (const [k, v] of Object.entries(this.client.credentialEnv())) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    Object.assign(env, { SYNTASK_API_URL: this.client.baseUrl, SYNTASK__FLOW_RUN_ID: run.id, SYNTASK_LOGGING_TO_CONSOLE: 'false', [WORKER_NAME_ENV]: this.name });
    // The flow process beats as often as its worker unless the job configuration says otherwise.
    if (config.env?.SYNTASK_RUNNER_HEARTBEAT_FREQUENCY === undefined) env.SYNTASK_RUNNER_HEARTBEAT_FREQUENCY = String(this.runHeartbeatMs / 1000);
    const cwd = config.working_dir || deployment?.path || process.cwd();
    // Never `detached`: the flow process stays in the worker's process group, so stopping
    // that group (a service manager, Ctrl-C, `kill -- -<pgid>`) stops its runs too.
    const child = config.command
      ? spawn(config.command, { shell: true, cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [BIN, 'flow-run', 'execute', run.id], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)));
      child.once('error', () => resolve(127));
    });
    const job: Job = { run, deploymentName: deployment?.name ?? null, child, cancelling: false, exited };
    this.jobs.set(run.id, job);
    this.emit('syntask.worker.submitted-flow-run', this.runRelated(job));
    this.log(`Worker ${this.name}: running flow run ${run.name} (${run.id}) as process ${child.pid}`);
    await this.client.updateFlowRun(run.id, { infrastructure_pid: `${hostname()}:${child.pid}` });
    this.stream(job, config.stream_output !== false);
    void exited.then((code) => this.finished(job, code));
  }

  /** The process output becomes the run's logs (stderr as errors). */
  private stream(job: Job, echo: boolean) {
    const sink = sinkFor(this.client);
    const forward = (stream: NodeJS.ReadableStream | null, level: number) => {
      if (!stream) return;
      createInterface({ input: stream }).on('line', (line) => {
        sink.push({ name: 'syntask.worker.output', level, message: line, timestamp: new Date().toISOString(), flow_run_id: job.run.id, task_run_id: null });
        if (echo) this.log(`${job.run.name} | ${line}`);
      });
    };
    forward(job.child.stdout, 20);
    forward(job.child.stderr, 40);
  }

  private async finished(job: Job, code: number | null) {
    this.jobs.delete(job.run.id);
    if (!job.cancelling) this.emit('syntask.worker.executed-flow-run', this.runRelated(job), { status_code: code });
    await sinkFor(this.client).flush();
    if (job.cancelling) return;
    try {
      const run = await this.client.readFlowRun(job.run.id);
      if (!isTerminal(run.state) && run.state_type !== 'PAUSED' && run.state_type !== 'SCHEDULED') {
        await this.client.setFlowRunState(job.run.id, { type: 'CRASHED', message: `Flow run infrastructure exited with code ${code} before the flow run finished.` });
        this.log(`Worker ${this.name}: flow run ${job.run.name} crashed (exit code ${code})`);
      } else {
        this.log(`Worker ${this.name}: flow run ${job.run.name} finished in state ${run.state_name} (exit code ${code})`);
      }
    } catch (err) {
      this.log(`Worker ${this.name}: could not check flow run ${job.run.id} after exit: ${(err as Error).message}`);
    }
  }

  /** Runs of ours that were asked to stop: kill the process, then mark them Cancelled. */
  private async checkCancellations() {
    if (this.jobs.size === 0) return;
    const runs = await this.client.post<FlowRunT[]>('/flow_runs/filter', { flow_runs: { id: { any_: [...this.jobs.keys()] }, state: { type: { any_: ['CANCELLING'] } } } });
    for (const run of runs) {
      const job = this.jobs.get(run.id);
      if (!job || job.cancelling) continue;
      job.cancelling = true;
      await this.kill(job);
      await this.client.setFlowRunState(run.id, { type: 'CANCELLED', message: 'Cancelled: the worker stopped the flow run process.' }, true);
      this.emit('syntask.worker.cancelled-flow-run', this.runRelated(job));
      this.log(`Worker ${this.name}: cancelled flow run ${run.name}`);
    }
  }

  private async kill(job: Job) {
    job.child.kill('SIGTERM');
    const killed = await Promise.race([job.exited.then(() => true), sleep(5000).then(() => false)]);
    if (!killed) {
      job.child.kill('SIGKILL');
      await job.exited;
    }
  }

  /** Stops polling; runs still going are stopped and marked Crashed (nothing will finish them). */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    for (const job of [...this.jobs.values()]) {
      job.cancelling = true;
      await this.kill(job);
      await this.client.setFlowRunState(job.run.id, { type: 'CRASHED', message: 'The worker stopped before the flow run finished.' }).catch(() => undefined);
    }
    if (this.startedEventId) this.emit('syntask.worker.stopped', [], {}, this.startedEventId);
    await Promise.all([sinkFor(this.client).flush(), eventSinkFor(this.client).flush()]);
  }
}
