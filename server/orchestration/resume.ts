import type { FastifyRequest } from 'fastify';
import type { OrchestrationResultT } from '../api/models/states.ts';
import { orchestrationEnv } from '../api/common.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/connection.ts';
import { hydrateParameters, HydrationError } from '../db/deployments.ts';
import { readFlowRunInput, replaceFlowRunInput } from '../db/flow-run-input.ts';
import { notFound } from '../errors.ts';
import { compileSchema, describeErrors, hasCircularRefs, SchemaError, validateValues } from '../lib/json-schema.ts';
import { nowMicros } from '../lib/time.ts';
import { newState, type StateRecord } from './context.ts';
import { orchestrate, stateToApi } from './engine.ts';
import { emitWrites } from './set-state.ts';

type Checked = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

/** Hydrates `run_input` and validates it against the schema the paused run stored as `keyset.schema`. */
export async function checkRunInput(trx: Executor, flowRunId: string, schemaKey: string, runInput: Record<string, unknown>): Promise<Checked> {
  let value: Record<string, unknown>;
  try {
    value = await hydrateParameters(trx, runInput);
  } catch (err) {
    if (err instanceof HydrationError) return { ok: false, reason: `Error hydrating run input: ${err.message}` };
    throw err;
  }
  const stored = await readFlowRunInput(trx, flowRunId, schemaKey);
  if (!stored) return { ok: false, reason: 'Run input schema not found.' };
  let schema: unknown;
  try {
    schema = JSON.parse(stored.value);
  } catch {
    return { ok: false, reason: 'Run input schema is not valid JSON.' };
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return { ok: false, reason: 'Run input schema is not a JSON object.' };
  if (hasCircularRefs(schema as Record<string, unknown>)) return { ok: false, reason: 'Invalid schema: Unable to validate schema with circular references.' };
  try {
    compileSchema(schema);
  } catch (err) {
    if (err instanceof SchemaError) return { ok: false, reason: `Invalid schema: ${err.message}` };
    throw err;
  }
  const errors = validateValues(schema, value);
  return errors.length ? { ok: false, reason: `Run input validation failed: ${describeErrors(errors)}` } : { ok: true, value };
}

const result = (state: StateRecord | null, status: 'REJECT' | 'ABORT', reason: string): OrchestrationResultT => ({
  state: state ? stateToApi(state) : null,
  status,
  details: { type: status === 'REJECT' ? 'reject_details' : 'abort_details', reason },
});

/**
 * `POST /flow_runs/{id}/resume` (contract §5.5): a run waiting for input is resumed only with
 * input its schema accepts, and the input is stored as `keyset.response` in the same
 * transaction as the resuming state, so a flow that sees itself running always finds it.
 */
export async function resumeFlowRun(ctx: AppContext, runId: string, runInput: Record<string, unknown> | null | undefined, req?: FastifyRequest): Promise<{ result: OrchestrationResultT; written: boolean }> {
  const outcome = await ctx.db.transaction(async (trx) => {
    const env = orchestrationEnv(ctx, trx, req);
    const loaded = await env.store.loadRun('flow', runId);
    if (!loaded) throw notFound('Flow run not found');
    const paused = loaded.initial;
    if (paused?.type !== 'PAUSED') return { result: result(null, 'ABORT', 'Cannot resume a flow run that is not paused.'), written: false, writes: [] };
    const keyset = paused.details.run_input_keyset;
    let response: Record<string, unknown> | null = null;
    if (keyset) {
      const checked = await checkRunInput(trx, runId, keyset.schema ?? '', runInput ?? {});
      if (!checked.ok) return { result: result(paused, 'REJECT', checked.reason), written: false, writes: [] };
      response = checked.value;
    }
    const now = nowMicros();
    const proposal = paused.details.pause_reschedule ? newState('SCHEDULED', 'Resuming', now) : newState('RUNNING', 'Running', now);
    const done = await orchestrate(env, 'flow', runId, proposal, { preloaded: loaded });
    if (keyset?.response && response && done.result.status === 'ACCEPT') {
      await replaceFlowRunInput(trx, { flow_run_id: runId, key: keyset.response, value: JSON.stringify(response) });
    }
    return done;
  });
  emitWrites(ctx, outcome.writes);
  return outcome;
}
