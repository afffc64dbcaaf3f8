import type { FastifyRequest } from 'fastify';
import type { StateCreateT } from '../api/models/states.ts';
import { orchestrationEnv } from '../api/common.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/connection.ts';
import { nowMicros } from '../lib/time.ts';
import { stateFromCreate, type Rule, type RunKind, type RunRecord, type StateRecord } from './context.ts';
import { orchestrate, type Outcome, type WrittenState } from './engine.ts';

export interface SetStateOptions {
  force?: boolean;
  policy?: readonly Rule[];
  req?: FastifyRequest;
}

/** Listeners see writes only after the transaction committed. */
export function emitWrites(ctx: AppContext, writes: WrittenState[]) {
  for (const w of writes) ctx.events.emit('state', w);
  ctx.eventLog.recordStates(writes);
}

/** Orchestrates a proposal in its own transaction. */
export async function setRunState(ctx: AppContext, kind: RunKind, runId: string, input: StateCreateT | StateRecord, options: SetStateOptions = {}): Promise<Outcome> {
  const proposal = 'details' in input ? input : stateFromCreate(input, nowMicros());
  const outcome = await ctx.db.transaction((trx) => orchestrate(orchestrationEnv(ctx, trx, options.req), kind, runId, proposal, options));
  emitWrites(ctx, outcome.writes);
  return outcome;
}

/** Same, inside a caller's transaction (creates with an initial state); the caller emits. */
export function setRunStateIn(ctx: AppContext, trx: Executor, kind: RunKind, runId: string, input: StateCreateT, options: SetStateOptions & { preloaded?: { run: RunRecord; initial: null } } = {}) {
  return orchestrate(orchestrationEnv(ctx, trx, options.req), kind, runId, stateFromCreate(input, nowMicros()), options);
}
