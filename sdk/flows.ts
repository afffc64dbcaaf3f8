import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SyntaskApiError, SyntaskClient, sleep, type FlowRunT, type StateT } from './client.ts';
import { resolveBlockReferences } from './blocks.ts';
import { currentFlowRunContext, runContextStorage, type FlowRunContext } from './context.ts';
import { resultData } from './engine/results.ts';
import { captureConsoleFor, createRunLogger, installConsoleCapture, sinkFor } from './logging.ts';
import { eventSinkFor } from './events.ts';
import { ParameterValidationError, parametersJsonSchema, validateParameters, type ParameterSchema } from './parameters.ts';
import { RunHeartbeats } from './heartbeats.ts';
import { runnerContext, scriptClient } from './local-api.ts';
import { FlowRunSuspended } from './pause.ts';
import { RunAbortedError, RunFailedError, SyntaskState } from './states.ts';
import { errorMessage, TaskFuture, withTimeout } from './tasks.ts';

export interface FlowOptions<S extends ParameterSchema | undefined> {
  name: string;
  description?: string;
  version?: string;
  tags?: string[];
  /** zod object schema of the parameters: validated at run start, published as the deployment's JSON schema. */
  parameters?: S;
  retries?: number;
  retryDelaySeconds?: number;
  timeoutSeconds?: number;
  logPrints?: boolean;
  persistResult?: boolean;
}

type Params<S> = S extends ParameterSchema ? z.input<S> : Record<string, unknown>;
type Parsed<S> = S extends ParameterSchema ? z.output<S> : Record<string, unknown>;

export interface Flow<S extends ParameterSchema | undefined, R> {
  /** Runs the flow: a new flow run, or a subflow run when called inside another flow. */
  (parameters?: Params<S>): Promise<R>;
  readonly flowName: string;
  readonly options: FlowOptions<S>;
  /** The JSON schema of the parameters (a deployment's `parameter_openapi_schema`). */
  parameterSchema(): Record<string, unknown>;
  /** Runs an existing flow run (the worker's child process does this). */
  executeRun(run: FlowRunT, client?: SyntaskClient): Promise<R>;
}

const flowIds = new Map<string, Promise<string>>();
function flowId(client: SyntaskClient, name: string, tags: string[] | undefined): Promise<string> {
  const key = `${client.baseUrl} ${name}`;
  let id = flowIds.get(key);
  if (!id) {
    id = client.createFlow(name, tags ?? []).then((f) => f.id);
    id.catch(() => flowIds.delete(key));
    flowIds.set(key, id);
  }
  return id;
}

/** Defines a flow: a function whose runs the Syntask server tracks, made of tasks and subflows. */
export function flow<S extends ParameterSchema | undefined = undefined, R = unknown>(options: FlowOptions<S>, fn: (parameters: Parsed<S>) => Promise<R> | R): Flow<S, R> {
  const call = (async (parameters?: Params<S>) => {
    const client = currentFlowRunContext()?.client ?? scriptClient();
    const parent = currentFlowRunContext();
    const raw = (parameters ?? {}) as Record<string, unknown>;
    const flow_id = await flowId(client, options.name, options.tags);
    let parentTaskRunId: string | null = null;
    if (parent) {
      // A subflow runs under a task run of its parent, which mirrors the subflow's states.
      const key = `${options.name}-subflow-${createHash('sha256').update(fn.toString()).digest('hex').slice(0, 8)}`;
      const n = parent.dynamicKeys.get(key) ?? 0;
      parent.dynamicKeys.set(key, n + 1);
      const inputs = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => {
          const from = v instanceof TaskFuture ? v.taskRunId : v && typeof v === 'object' ? parent.producedBy.get(v) : undefined;
          return [k, from ? [{ input_type: 'task_run' as const, id: from }] : [{ input_type: 'parameter' as const, name: k }]];
        }),
      );
      const parentTask = await client.createTaskRun({ flow_run_id: parent.flowRun.id, task_key: key, dynamic_key: String(n), name: `${options.name}-${n}`, task_inputs: inputs });
      parentTaskRunId = parentTask.id;
    }
    const resolved = Object.fromEntries(await Promise.all(Object.entries(raw).map(async ([k, v]) => [k, v instanceof TaskFuture ? await v.result() : v])));
    const run = await client.createFlowRun({
      flow_id,
      context: { runner: await runnerContext(client) },
      parameters: toJsonObject(resolved),
      tags: options.tags ?? [],
      flow_version: options.version ?? null,
      parent_task_run_id: parentTaskRunId,
      empirical_policy: { retries: options.retries ?? 0, retry_delay: Math.ceil(options.retryDelaySeconds ?? 0) },
      state: { type: 'PENDING' },
    });
    const value = await executeFlowRun(options, fn as (p: Record<string, unknown>) => Promise<R> | R, run, client, resolved);
    if (parent && value && typeof value === 'object' && parentTaskRunId) parent.producedBy.set(value as object, parentTaskRunId);
    return value;
  }) as Flow<S, R>;
  Object.assign(call, {
    flowName: options.name,
    options,
    parameterSchema: () => parametersJsonSchema(options.parameters),
    executeRun: (run: FlowRunT, client = new SyntaskClient()) => executeFlowRun(options, fn as (p: Record<string, unknown>) => Promise<R> | R, run, client, run.parameters),
  });
  return call;
}

function toJsonObject(value: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

const POLL_CANCEL_MS = 2000;

/**
 * Runs a flow run to a final state (contract §5): RUNNING (waiting if told to), the
 * function, then the state its outcome decides; a failure with retries left comes back
 * as AwaitingRetry and runs again in this process after the delay.
 */
async function executeFlowRun<R>(options: FlowOptions<ParameterSchema | undefined>, fn: (p: Record<string, unknown>) => Promise<R> | R, run: FlowRunT, client: SyntaskClient, rawParameters: Record<string, unknown>): Promise<R> {
  // While the run is Running this process says it is alive; the server crashes runs whose heartbeats stop.
  const heartbeats = new RunHeartbeats(client, run.id);
  try {
    return await executeFlowRunAttempts(options, fn, run, client, rawParameters, heartbeats);
  } finally {
    heartbeats.stop();
  }
}

async function executeFlowRunAttempts<R>(
  options: FlowOptions<ParameterSchema | undefined>,
  fn: (p: Record<string, unknown>) => Promise<R> | R,
  run: FlowRunT,
  client: SyntaskClient,
  rawParameters: Record<string, unknown>,
  heartbeats: RunHeartbeats,
): Promise<R> {
  const logger = createRunLogger({ client, name: 'syntask.flow_runs', runName: run.name, flowRunId: run.id, taskRunId: null });
  if (options.logPrints) {
    installConsoleCapture();
    captureConsoleFor(logger);
  }
  const finish = async (state: Parameters<SyntaskClient['setFlowRunState']>[1]) => {
    await Promise.all([sinkFor(client).flush(), eventSinkFor(client).flush()]);
    return client.setFlowRunState(run.id, state);
  };

  let parameters: Record<string, unknown>;
  try {
    const resolved = (await resolveBlockReferences(rawParameters, client)) as Record<string, unknown>;
    parameters = validateParameters(options.parameters, resolved);
  } catch (err) {
    if (err instanceof SyntaskApiError && err.status === 404) err = new ParameterValidationError(`A block document passed as a parameter does not exist: ${err.message}`);
    if (!(err instanceof ParameterValidationError)) throw err;
    logger.error(err.message);
    const result = await finish({ type: 'FAILED', message: err.message, data: { type: 'unpersisted' } });
    throw new RunFailedError(err.message, result.state);
  }
  if (options.retries && !run.empirical_policy.retries) {
    await client.updateFlowRun(run.id, { empirical_policy: { ...run.empirical_policy, retries: options.retries, retry_delay: Math.ceil(options.retryDelaySeconds ?? 0) } });
  }

  const controller = new AbortController();
  const ctx: FlowRunContext = {
    kind: 'flow',
    client,
    flowRun: { id: run.id, name: run.name, flowName: options.name, runCount: run.run_count, flowId: run.flow_id },
    parameters,
    logger,
    producedBy: new WeakMap(),
    dynamicKeys: new Map(),
    pending: new Set(),
    signal: controller.signal,
  };

  for (;;) {
    const started = await client.setFlowRunState(run.id, { type: 'RUNNING' });
    if (started.status === 'WAIT') {
      await sleep(Math.max(100, (started.details.delay_seconds ?? 1) * 1000));
      continue;
    }
    if (started.status !== 'ACCEPT') throw new RunAbortedError(started.details.reason ?? `The flow run could not start (${started.state?.name ?? 'no state'}).`);
    heartbeats.start();
    ctx.flowRun.runCount += 1;
    logger.info(`Beginning flow run '${run.name}' for flow '${options.name}'`);

    // Cancelling from the dashboard: stop waiting for the function and finish as Cancelled.
    const cancelled = watchForCancellation(client, run.id, controller);
    let outcome: { ok: true; value: R } | { ok: false; error: unknown };
    try {
      const value = await runContextStorage.run(ctx, async () => {
        const value = await Promise.race([withTimeout(Promise.resolve(fn(parameters)), options.timeoutSeconds, `Flow run ${run.name}`), cancelled.promise]);
        await Promise.allSettled([...ctx.pending]);
        return value as R;
      });
      outcome = { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      cancelled.stop();
    }
    // Suspended: the run stays PAUSED and reruns when resumed; this process just stops.
    if (!outcome.ok && outcome.error instanceof FlowRunSuspended) {
      await Promise.all([sinkFor(client).flush(), eventSinkFor(client).flush()]);
      throw outcome.error;
    }
    if (controller.signal.aborted) {
      const result = await finish({ type: 'CANCELLED', message: 'The flow run was cancelled.' });
      throw new RunFailedError('The flow run was cancelled.', result.state);
    }

    if (outcome.ok && !(outcome.value instanceof SyntaskState && outcome.value.isFailed())) {
      const value = outcome.value;
      const state = value instanceof SyntaskState ? value.toCreate() : { type: 'COMPLETED' as const };
      const payload = value instanceof SyntaskState ? value.data : value;
      logger.info(`Finished in state ${state.name ?? 'Completed'}`);
      await finish({ ...state, data: payload === undefined ? { type: 'unpersisted' } : resultData(payload, options.persistResult ?? true, `Result of flow run ${run.name}`) });
      return payload as R;
    }

    const failure = outcome.ok ? (outcome.value as SyntaskState) : null;
    const message = failure ? (failure.message ?? 'Flow run returned a failed state') : `Flow run encountered an exception: ${errorMessage(outcome.ok ? null : outcome.error)}`;
    logger.error(outcome.ok ? message : `${message}\n${(outcome.error as Error)?.stack ?? ''}`.trim());
    const result = await finish({ type: failure?.type ?? 'FAILED', name: failure?.name ?? undefined, message, data: { type: 'unpersisted' } });
    if (result.status === 'REJECT' && result.state?.type === 'SCHEDULED') {
      logger.info(`Retrying (attempt ${ctx.flowRun.runCount + 1}) at ${result.state.state_details.scheduled_time}`);
      const wait = Date.parse(result.state.state_details.scheduled_time ?? '') - Date.now();
      if (wait > 0) await sleep(wait);
      ctx.dynamicKeys.clear();
      continue;
    }
    throw new RunFailedError(message, (result.state as StateT | null) ?? null);
  }
}

function watchForCancellation(client: SyntaskClient, runId: string, controller: AbortController) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const promise = new Promise<never>((_, reject) => {
    const check = async () => {
      if (stopped) return;
      try {
        const run = await client.readFlowRun(runId);
        if (run.state_type === 'CANCELLING' || run.state_type === 'CANCELLED') {
          controller.abort();
          reject(new Error('cancelled'));
          return;
        }
      } catch {
        // The next check tries again.
      }
      if (!stopped) timer = setTimeout(check, POLL_CANCEL_MS).unref();
    };
    timer = setTimeout(check, POLL_CANCEL_MS).unref();
  });
  promise.catch(() => undefined);
  return {
    promise,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
