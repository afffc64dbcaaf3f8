import { createHash, randomUUID } from 'node:crypto';
import { SyntaskClient, sleep, type StateCreateT, type StateT } from './client.ts';
import { currentFlowRunContext, runContextStorage, type FlowRunContext, type TaskRunContext } from './context.ts';
import { resultData, valueOf } from './engine/results.ts';
import { captureConsoleFor, createRunLogger, installConsoleCapture, sinkFor } from './logging.ts';
import { eventSinkFor, taskRunStateEvent } from './events.ts';
import { RunAbortedError, RunFailedError, SyntaskState } from './states.ts';

export interface TaskOptions<A extends unknown[]> {
  name?: string;
  description?: string;
  tags?: string[];
  version?: string;
  retries?: number;
  /** Whole seconds between retries, or one delay per retry (the API counts whole seconds). */
  retryDelaySeconds?: number | number[];
  retryJitterFactor?: number;
  timeoutSeconds?: number;
  /** Same key, same inputs: a COMPLETED run with this key is reused instead of running again. */
  cacheKeyFn?: (context: { taskName: string; parameters: Record<string, unknown> }, ...args: A) => string | null | undefined;
  /** Seconds a cached result stays valid. */
  cacheExpiration?: number;
  refreshCache?: boolean;
  /** Send console.log/warn/error inside the task as log lines. */
  logPrints?: boolean;
  /** Keep the return value (JSON, ≤ 100 kB) as the run's result; default true. */
  persistResult?: boolean;
}

/** A submitted task run: its id once created, and its eventual result. */
export class TaskFuture<R> {
  taskRunId: string | null = null;
  readonly promise: Promise<R>;
  private readonly created: Promise<string>;
  private resolveCreated!: (id: string) => void;

  constructor(run: (future: TaskFuture<R>) => Promise<R>) {
    this.created = new Promise((resolve) => (this.resolveCreated = resolve));
    this.promise = run(this);
    // A failure surfaces where the future is awaited; an unawaited one must not crash the process.
    this.promise.catch(() => undefined);
  }

  onCreated(id: string) {
    this.taskRunId = id;
    this.resolveCreated(id);
  }

  /** Waits for the task run and returns its value (throws if it failed). */
  result(): Promise<R> {
    return this.promise;
  }

  /** The task run id, waiting for the run to be created. */
  id(): Promise<string> {
    return this.created;
  }
}

export interface Task<A extends unknown[], R> {
  (...args: A | MaybeFutures<A>): Promise<R>;
  /** Starts the task and returns at once; several submitted tasks run concurrently. */
  submit(...args: A | MaybeFutures<A>): TaskFuture<R>;
  /** One submitted run per element; non-array arguments are passed to every run. */
  map(...args: { [K in keyof A]: A[K][] | A[K] | TaskFuture<A[K]> }): TaskFuture<R>[];
  readonly taskName: string;
  readonly options: TaskOptions<A>;
}

type MaybeFutures<A extends unknown[]> = { [K in keyof A]: A[K] | TaskFuture<A[K]> };

type TaskInput = { input_type: 'task_run'; id: string } | { input_type: 'constant'; type: string };

const PARAM_NAMES = /^(?:async\s+)?(?:function\s*\w*)?\s*\(([^)]*)\)/;

/** Parameter names for task inputs (simple signatures); `arg<i>` otherwise. */
function parameterNames(fn: (...args: never[]) => unknown, count: number): string[] {
  const match = PARAM_NAMES.exec(fn.toString()) ?? /^(?:async\s+)?(\w+)\s*=>/.exec(fn.toString());
  const names = match ? match[1].split(',').map((p) => p.trim().replace(/[=:].*$/, '').trim()) : [];
  return Array.from({ length: count }, (_, i) => (names[i] && /^[A-Za-z_$][\w$]*$/.test(names[i]) ? names[i] : `arg${i}`));
}

/** Where an argument came from: futures and objects a task of this run returned. */
function upstreamOf(value: unknown, ctx: FlowRunContext | null, depth = 0): string[] {
  if (value instanceof TaskFuture) return value.taskRunId ? [value.taskRunId] : [];
  if (!value || typeof value !== 'object') return [];
  const produced = ctx?.producedBy.get(value);
  if (produced) return [produced];
  if (depth > 0) return [];
  const children = Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype ? Object.values(value) : [];
  return children.flatMap((v) => upstreamOf(v, ctx, depth + 1));
}

function futuresIn(value: unknown, depth = 0): TaskFuture<unknown>[] {
  if (value instanceof TaskFuture) return [value];
  if (depth > 0 || !value || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value : Object.getPrototypeOf(value) === Object.prototype ? Object.values(value) : [];
  return children.flatMap((v) => futuresIn(v, depth + 1));
}

async function resolveArg(value: unknown, depth = 0): Promise<unknown> {
  if (value instanceof TaskFuture) return value.result();
  if (depth > 0 || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.some((v) => v instanceof TaskFuture) ? Promise.all(value.map((v) => resolveArg(v, depth + 1))) : value;
  if (Object.getPrototypeOf(value) === Object.prototype && Object.values(value).some((v) => v instanceof TaskFuture)) {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveArg(v, depth + 1)])));
  }
  return value;
}

class TimeoutError extends Error {
  name = 'TimeoutError';
}

export function withTimeout<T>(promise: Promise<T>, seconds: number | undefined, what: string): Promise<T> {
  if (!seconds) return promise;
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what} exceeded its timeout of ${seconds}s`)), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const waitUntil = async (iso: string | null | undefined) => {
  if (!iso) return;
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
};

const wholeSeconds = (d: number | number[]) => (Array.isArray(d) ? d.map((x) => Math.ceil(x)) : Math.ceil(d));

export const errorMessage = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** Defines a task: a unit of work inside a flow with its own run, state, retries and cache. */
export function task<A extends unknown[], R>(options: TaskOptions<A>, fn: (...args: A) => Promise<R> | R): Task<A, R>;
export function task<A extends unknown[], R>(fn: (...args: A) => Promise<R> | R): Task<A, R>;
export function task<A extends unknown[], R>(a: TaskOptions<A> | ((...args: A) => Promise<R> | R), b?: (...args: A) => Promise<R> | R): Task<A, R> {
  const options: TaskOptions<A> = typeof a === 'function' ? {} : a;
  const fn = (typeof a === 'function' ? a : b)!;
  const taskName = options.name ?? (fn.name || 'task');
  const taskKey = `${taskName}-${createHash('sha256').update(fn.toString()).digest('hex').slice(0, 8)}`;

  const start = (args: unknown[], future: TaskFuture<R>) => runTask(taskName, taskKey, options as TaskOptions<unknown[]>, fn as (...a: unknown[]) => Promise<R> | R, args, future);
  const submit = (...args: unknown[]) => {
    const future = new TaskFuture<R>((f) => start(args, f));
    const flowCtx = currentFlowRunContext();
    if (flowCtx) {
      flowCtx.pending.add(future.promise);
      void future.promise.finally(() => flowCtx.pending.delete(future.promise)).catch(() => undefined);
    }
    return future;
  };
  const call = ((...args: unknown[]) => submit(...args).result()) as Task<A, R>;
  Object.assign(call, {
    submit,
    map: (...args: unknown[]) => {
      const lengths = args.filter(Array.isArray).map((x) => (x as unknown[]).length);
      const n = lengths.length ? Math.min(...lengths) : 0;
      return Array.from({ length: n }, (_, i) => submit(...args.map((x) => (Array.isArray(x) ? x[i] : x))));
    },
    taskName,
    options,
  });
  return call;
}

async function runTask<R>(taskName: string, taskKey: string, options: TaskOptions<unknown[]>, fn: (...args: unknown[]) => Promise<R> | R, rawArgs: unknown[], future: TaskFuture<R>): Promise<R> {
  const flowCtx = currentFlowRunContext();
  const client = flowCtx?.client ?? new SyntaskClient();
  const names = parameterNames(fn, rawArgs.length);
  // An upstream future may still be creating its task run: its id is needed for the edge.
  await Promise.all(rawArgs.flatMap((arg) => futuresIn(arg)).map((f) => f.id()));
  const taskInputs = Object.fromEntries(
    rawArgs.map((arg, i) => {
      const upstream = upstreamOf(arg, flowCtx);
      const inputs: TaskInput[] = upstream.length
        ? upstream.map((id) => ({ input_type: 'task_run', id }))
        : [{ input_type: 'constant', type: arg === null ? 'null' : Array.isArray(arg) ? 'list' : typeof arg }];
      return [names[i], inputs];
    }),
  );
  let dynamicKey: string;
  if (flowCtx) {
    const n = flowCtx.dynamicKeys.get(taskKey) ?? 0;
    flowCtx.dynamicKeys.set(taskKey, n + 1);
    dynamicKey = String(n);
  } else dynamicKey = randomUUID();

  // Upstream results are needed before this run can start (and before its cache key).
  let args: unknown[];
  let upstreamError: unknown = null;
  try {
    args = await Promise.all(rawArgs.map((a) => resolveArg(a)));
  } catch (err) {
    upstreamError = err;
    args = [];
  }
  const parameters = Object.fromEntries(names.map((n, i) => [n, args[i]]));
  const cacheKey = upstreamError ? null : (options.cacheKeyFn?.({ taskName, parameters }, ...args) ?? null);
  const cacheExpiration = options.cacheExpiration ? new Date(Date.now() + options.cacheExpiration * 1000).toISOString() : null;

  const run = await client.createTaskRun({
    flow_run_id: flowCtx?.flowRun.id ?? null,
    task_key: taskKey,
    dynamic_key: dynamicKey,
    name: `${taskName}-${dynamicKey.slice(0, 8)}`,
    tags: options.tags ?? [],
    task_version: options.version ?? null,
    task_inputs: taskInputs,
    cache_key: cacheKey,
    cache_expiration: cacheExpiration,
    empirical_policy: { retries: options.retries ?? 0, retry_delay: wholeSeconds(options.retryDelaySeconds ?? 0), retry_jitter_factor: options.retryJitterFactor ?? null },
    state: upstreamError ? { type: 'PENDING', name: 'NotReady', message: `Upstream task run did not complete: ${errorMessage(upstreamError)}` } : { type: 'PENDING' },
  });
  future.onCreated(run.id);
  // Task run state events come from the client (the server emits flow-run ones only, as Syntask 2 does).
  const events = eventSinkFor(client);
  let current = (run.state as StateT | null) ?? null;
  if (current) events.push(taskRunStateEvent(run, null, current, current.type, flowCtx));
  const propose = async (state: StateCreateT) => {
    const result = await client.setTaskRunState(run.id, state);
    if (result.state && (result.status === 'ACCEPT' || result.status === 'REJECT') && result.state.id !== current?.id) {
      events.push(taskRunStateEvent(run, current, result.state as StateT, state.type, flowCtx));
      current = result.state as StateT;
    }
    return result;
  };
  // Inside a flow its end sends what is left; a task run on its own sends its events before returning.
  const flushEvents = () => (flowCtx ? undefined : events.flush());
  if (upstreamError) {
    await flushEvents();
    throw upstreamError;
  }

  const logger = createRunLogger({ client, name: 'syntask.task_runs', runName: run.name, flowRunId: flowCtx?.flowRun.id ?? run.id, taskRunId: run.id });
  if (options.logPrints) {
    installConsoleCapture();
    captureConsoleFor(logger);
  }
  const ctx: TaskRunContext = { kind: 'task', client, flowRunContext: flowCtx, taskRun: { id: run.id, name: run.name, taskName, runCount: 0 }, parameters, logger };
  const cacheDetails = cacheKey ? { cache_key: cacheKey, cache_expiration: cacheExpiration } : {};

  for (;;) {
    const started = await propose({ type: 'RUNNING', state_details: { ...cacheDetails, refresh_cache: options.refreshCache ?? null } });
    if (started.status === 'WAIT') {
      await sleep(Math.max(100, (started.details.delay_seconds ?? 1) * 1000));
      continue;
    }
    if (started.status === 'ABORT') throw new RunAbortedError(started.details.reason ?? 'The server aborted the task run.');
    if (started.status === 'REJECT') {
      const state = started.state as StateT;
      if (state.type === 'COMPLETED') return remember(flowCtx, valueOf(state) as R, run.id);
      if (state.type === 'PAUSED') {
        await sleep(2000);
        continue;
      }
      throw new RunAbortedError(started.details.reason ?? `The task run could not start (${state.name}).`);
    }
    ctx.taskRun.runCount += 1;
    let outcome: { ok: true; value: R } | { ok: false; error: unknown };
    try {
      const value = await runContextStorage.run(ctx, () => withTimeout(Promise.resolve(fn(...args)), options.timeoutSeconds, `Task run ${run.name}`));
      outcome = { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error };
    }

    if (outcome.ok && !(outcome.value instanceof SyntaskState && outcome.value.isFailed())) {
      const value = outcome.value;
      const state = value instanceof SyntaskState ? value.toCreate() : { type: 'COMPLETED' as const };
      const data = value instanceof SyntaskState ? (value.data === undefined ? null : resultData(value.data, options.persistResult ?? true, `Result of task run ${run.name}`)) : resultData(value, options.persistResult ?? true, `Result of task run ${run.name}`);
      await propose({ ...state, data, state_details: cacheDetails });
      await Promise.all([sinkFor(client).flush(), flushEvents()]);
      return remember(flowCtx, (value instanceof SyntaskState ? value.data : value) as R, run.id);
    }

    const failure = outcome.ok ? (outcome.value as SyntaskState) : null;
    const message = failure ? (failure.message ?? 'Task run returned a failed state') : errorMessage(outcome.ok ? null : outcome.error);
    if (!outcome.ok) logger.error(`Task run failed: ${outcome.error instanceof Error ? (outcome.error.stack ?? message) : message}`);
    const result = await propose({ type: failure?.type ?? 'FAILED', name: failure?.name ?? undefined, message, data: { type: 'unpersisted' } });
    if (result.status === 'REJECT' && result.state?.type === 'SCHEDULED') {
      logger.info(`Retrying after failure (${message}); next attempt at ${result.state.state_details.scheduled_time}`);
      await waitUntil(result.state.state_details.scheduled_time);
      continue;
    }
    await Promise.all([sinkFor(client).flush(), flushEvents()]);
    if (!outcome.ok) throw outcome.error;
    throw new RunFailedError(message, result.state);
  }
}

/** Objects a task returned remember their task run, so passing them on draws an edge. */
function remember<R>(ctx: FlowRunContext | null, value: R, taskRunId: string): R {
  if (ctx && value && typeof value === 'object') ctx.producedBy.set(value as object, taskRunId);
  return value;
}
