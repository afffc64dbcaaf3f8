import { z } from 'zod';
import { SyntaskApiError, sleep, type SyntaskClient } from './client.ts';
import { getRunContext, type FlowRunContext } from './context.ts';
import { parametersJsonSchema, type ParameterSchema } from './parameters.ts';
import { RunAbortedError } from './states.ts';

/**
 * Pausing a flow run, optionally until someone gives it typed input (contract §2, §3.2, §5.5).
 * The run stores what it asks for as flow run inputs `<keyset>-schema` and `-description`,
 * proposes PAUSED with its `pause_key` and `run_input_keyset`; resuming validates the input
 * against the schema and stores it as `-response`, which the flow then reads.
 */

export interface PauseOptions<S extends z.ZodType | undefined> {
  /** Seconds to wait for a resume before the run fails (default one hour). */
  timeout?: number;
  /** A zod schema of the input to wait for (an object, or any type, sent as `{value}`); the pause resolves to the parsed input. */
  waitForInput?: S;
  /** Markdown shown to whoever resumes the run. */
  description?: string;
  /** The pause's key; by default its number in this run (`"1"`, `"2"`…), the same again when a suspended run reruns. */
  key?: string;
}

export type PauseResult<S> = S extends z.ZodType ? z.output<S> : void;

/**
 * A suspended run stops its process here; resuming schedules it again and the flow reruns
 * from the start (the suspension then returns its input at once). Never catch it in a flow.
 */
export class FlowRunSuspended extends RunAbortedError {
  constructor() {
    super('The flow run was suspended; it runs again when it is resumed.');
    this.name = 'FlowRunSuspended';
  }
}

/** Pauses the current flow run in this process until it is resumed (from the dashboard or `POST /flow_runs/{id}/resume`). */
export function pauseFlowRun<S extends z.ZodType | undefined = undefined>(options: PauseOptions<S> = {}): Promise<PauseResult<S>> {
  return pause('Paused', options);
}

/**
 * Suspends the current flow run: its process ends and the run waits, holding no
 * infrastructure; resuming schedules it again on its deployment's work pool. Needs a
 * deployment; not for subflows.
 */
export function suspendFlowRun<S extends z.ZodType | undefined = undefined>(options: PauseOptions<S> = {}): Promise<PauseResult<S>> {
  return pause('Suspended', options);
}

const DEFAULT_TIMEOUT_S = 3600;
const FIRST_POLL_MS = 250;
const MAX_POLL_MS = 5000;
const pauseCounts = new WeakMap<FlowRunContext, number>();

/** The schema to store and how to read the answer back. Non-object schemas travel as `{value}`, like Prefect's. */
function runInputOf(schema: z.ZodType) {
  const title = (schema.meta()?.title as string | undefined) ?? 'RunInput';
  if (schema instanceof z.ZodObject) return { jsonSchema: parametersJsonSchema(schema as ParameterSchema, title), parse: (raw: unknown) => schema.parse(raw) };
  const wrapped = z.object({ value: schema });
  return { jsonSchema: parametersJsonSchema(wrapped, title), parse: (raw: unknown) => wrapped.parse(raw).value };
}

export const keysetFor = (stateName: string, key: string) => {
  const base = `${stateName.toLowerCase()}-${key}`;
  return { description: `${base}-description`, response: `${base}-response`, schema: `${base}-schema` };
};

const inputPath = (runId: string, key?: string) => `/flow_runs/${runId}/input${key === undefined ? '' : `/${encodeURIComponent(key)}`}`;

async function deleteInput(client: SyntaskClient, runId: string, key: string) {
  try {
    await client.delete(inputPath(runId, key));
  } catch (err) {
    if (!(err instanceof SyntaskApiError && err.status === 404)) throw err;
  }
}

/** Writes a JSON value under `key`, replacing what an earlier attempt of the run left there. */
async function writeInput(client: SyntaskClient, runId: string, key: string, value: unknown) {
  const body = { key, value: JSON.stringify(value) };
  try {
    await client.post(inputPath(runId), body);
  } catch (err) {
    if (!(err instanceof SyntaskApiError && err.status === 409)) throw err;
    await deleteInput(client, runId, key);
    await client.post(inputPath(runId), body);
  }
}

async function pause<S extends z.ZodType | undefined>(stateName: 'Paused' | 'Suspended', options: PauseOptions<S>): Promise<PauseResult<S>> {
  const verb = stateName === 'Paused' ? 'paused' : 'suspended';
  const ctx = getRunContext();
  if (ctx?.kind === 'task') throw new Error(`Task runs cannot be ${verb}: pause the flow run instead.`);
  if (!ctx) throw new Error(`Only flow runs can be ${verb}: call this inside a flow.`);
  const { client, logger } = ctx;
  const runId = ctx.flowRun.id;
  const count = (pauseCounts.get(ctx) ?? 0) + 1;
  pauseCounts.set(ctx, count);
  const key = options.key ?? String(count);
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_S;
  const input = options.waitForInput ? runInputOf(options.waitForInput) : null;
  const keyset = input ? keysetFor(stateName, key) : null;
  const answer = async () => (input && keyset ? (input.parse(await client.get<unknown>(inputPath(runId, keyset.response))) as PauseResult<S>) : (undefined as PauseResult<S>));

  // Stored before the pause, so whoever sees the run waiting can already read what it asks for.
  if (input && keyset) {
    await writeInput(client, runId, keyset.schema, input.jsonSchema);
    if (options.description) await writeInput(client, runId, keyset.description, options.description);
    else await deleteInput(client, runId, keyset.description);
  }
  const result = await client.setFlowRunState(runId, {
    type: 'PAUSED',
    name: stateName,
    state_details: { pause_key: key, pause_timeout: new Date(Date.now() + timeout * 1000).toISOString(), pause_reschedule: stateName === 'Suspended', run_input_keyset: keyset },
  });
  if (result.status === 'ABORT') throw new Error(`The flow run cannot be ${verb}: ${result.details.reason ?? 'the server refused'}`);
  // This pause fired before and the run was resumed (a suspended run rerunning): carry on with its answer.
  if (result.state?.type === 'RUNNING') return answer();
  if (result.state?.type !== 'PAUSED') throw new Error(`The flow run cannot be ${verb}: it is ${result.state?.name ?? 'without a state'} (${result.details.reason ?? result.status}).`);

  if (stateName === 'Suspended') {
    logger.info(`Suspending the flow run${input ? ' until it gets input' : ''}; it runs again when resumed.`);
    throw new FlowRunSuspended();
  }
  logger.info(`Pausing the flow run${input ? ' until it gets input' : ''}; it continues when resumed.`);
  const deadline = Date.now() + timeout * 1000;
  let delay = FIRST_POLL_MS;
  for (;;) {
    await sleep(Math.max(0, Math.min(delay, deadline - Date.now())));
    delay = Math.min(delay * 1.5, MAX_POLL_MS);
    if (ctx.signal.aborted) throw new Error('The flow run was cancelled while paused.');
    const run = await client.readFlowRun(runId);
    if (run.state_type === 'RUNNING') {
      logger.info('Resuming the flow run.');
      return answer();
    }
    if (run.state_type !== 'PAUSED') throw new Error(`The flow run was paused and never resumed (it is ${run.state_name ?? 'without a state'}).`);
    if (Date.now() >= deadline) throw new Error('The flow run was paused and never resumed.');
  }
}
