import { randomUUID } from 'node:crypto';
import type { OrchestrationResultT, StateT } from '../api/models/states.ts';
import { ObjectNotFound } from '../errors.ts';
import { formatDateTime, parseDateTime } from '../lib/time.ts';
import { applyBookkeeping } from './bookkeeping.ts';
import { OrchestrationContext, type OrchestrationEnv, type Rule, type RunKind, type RunRecord, type StateRecord } from './context.ts';
import { AUTONOMOUS_TASK_POLICY, CORE_FLOW_POLICY, CORE_TASK_POLICY, MINIMAL_FLOW_POLICY, MINIMAL_TASK_POLICY } from './policies.ts';
import type { KyselyOrchestrationStore } from './store.ts';

export interface OrchestrateOptions {
  force?: boolean;
  /** The run as just inserted (no state yet): saves reading it back. */
  preloaded?: { run: RunRecord; initial: StateRecord | null };
  /** Overrides the policy (e.g. the late-runs service). */
  policy?: readonly Rule[];
}

/** A state written during orchestration, for listeners after commit (live stream, notifications). */
export interface WrittenState {
  kind: RunKind;
  runId: string;
  state: StateRecord;
  initialType: string | null;
  /** Written by orchestration on this replica (not relayed from another): the state it replaced, what was proposed, the run's name (for its event). */
  initial?: StateRecord | null;
  intendedType?: string;
  runName?: string;
  /** Flow runs: notifications were queued for this state (wakes a sender). */
  notified?: boolean;
}

export interface Outcome {
  result: OrchestrationResultT;
  written: boolean;
  run: RunRecord;
  /** Every state written, this run's and mirrored ones. */
  writes: WrittenState[];
}

export type Env = OrchestrationEnv & { store: KyselyOrchestrationStore };

function policyFor(kind: RunKind, run: RunRecord, options: OrchestrateOptions): readonly Rule[] {
  if (options.policy) return options.policy;
  if (kind === 'flow') return options.force ? MINIMAL_FLOW_POLICY : CORE_FLOW_POLICY;
  if (options.force) return MINIMAL_TASK_POLICY;
  return run.flow_run_id ? CORE_TASK_POLICY : AUTONOMOUS_TASK_POLICY;
}

/** The server fills a state's run ids (a subflow's states point at its parent task). */
function fillRunIds(run: RunRecord, state: StateRecord) {
  if (run.kind === 'flow') {
    state.details.flow_run_id = run.id;
    if (run.parent_task_run_id) state.details.task_run_id = run.parent_task_run_id;
  } else {
    state.details.task_run_id = run.id;
    state.details.flow_run_id = run.flow_run_id ?? null;
  }
}

export function stateToApi(s: StateRecord): StateT {
  return { id: s.id, type: s.type, name: s.name, timestamp: formatDateTime(s.timestamp), message: s.message, data: s.data, state_details: s.details };
}

/**
 * Proposes `proposal` for a run inside the caller's transaction (contract §5): rules in
 * order, cleanup of fizzled rules, bookkeeping and write, `after` hooks, subflow mirror.
 */
export async function orchestrate(env: Env, kind: RunKind, runId: string, proposal: StateRecord, options: OrchestrateOptions = {}): Promise<Outcome> {
  const loaded = options.preloaded ?? (await env.store.loadRun(kind, runId));
  if (!loaded) throw new ObjectNotFound(`${kind === 'flow' ? 'Flow run' : 'Task run'} with id ${runId} not found`);
  const { run, initial } = loaded;
  const now = proposal.timestamp;
  fillRunIds(run, proposal);
  const ctx = new OrchestrationContext(env, run, initial, proposal, now);
  const intendedFrom = initial?.type ?? null;
  const intendedTo = proposal.type;

  const rules = policyFor(kind, run, options).filter((r) => r.from.includes(intendedFrom) && r.to.includes(intendedTo));
  const entered: Rule[] = [];
  for (const rule of rules) {
    if (ctx.proposed?.type !== intendedTo) break;
    await rule.before(ctx);
    entered.push(rule);
  }
  const fizzled = ctx.proposed?.type !== intendedTo;
  if (fizzled) for (const rule of [...entered].reverse()) await rule.cleanup?.(ctx);

  const writes: WrittenState[] = [];
  const toWrite = ctx.proposed;
  if (toWrite) {
    fillRunIds(run, toWrite);
    applyBookkeeping(ctx, toWrite);
    await env.store.insertState(kind, run.id, toWrite);
    for (const rule of entered) if (!fizzled && !rule.universal) await rule.after?.(ctx, toWrite);
    for (const rule of rules) if (rule.universal) await rule.after?.(ctx, toWrite);
    await env.store.saveRun(run, now, toWrite);
    // Queued with the state: a replica dying right after commit loses no notification.
    const notified = kind === 'flow' && (await env.store.queueNotifications(run, toWrite)) > 0;
    writes.push({ kind, runId: run.id, state: toWrite, initialType: intendedFrom, initial, intendedType: intendedTo, runName: run.name, notified });
    if (kind === 'flow' && run.parent_task_run_id) writes.push(...(await mirrorOntoParentTask(env, run, toWrite)));
  }

  const current = toWrite ?? initial;
  const result: OrchestrationResultT = {
    state: current ? stateToApi(current) : null,
    status: ctx.status,
    details:
      ctx.status === 'ACCEPT'
        ? { type: 'accept_details' }
        : ctx.status === 'WAIT'
          ? { type: 'wait_details', delay_seconds: ctx.delaySeconds, reason: ctx.reason }
          : { type: ctx.status === 'REJECT' ? 'reject_details' : 'abort_details', reason: ctx.reason },
  };
  return { result, written: toWrite !== null, run, writes };
}

/** A subflow's state is copied (forced) onto its parent task run (contract §5.4). */
async function mirrorOntoParentTask(env: Env, run: RunRecord, written: StateRecord): Promise<WrittenState[]> {
  const copy: StateRecord = {
    ...written,
    id: randomUUID(),
    details: { ...written.details, child_flow_run_id: run.id, task_run_id: run.parent_task_run_id!, flow_run_id: null },
  };
  try {
    const outcome = await orchestrate(env, 'task', run.parent_task_run_id!, copy, { force: true });
    return outcome.writes;
  } catch (err) {
    if (err instanceof ObjectNotFound) return [];
    throw err;
  }
}

export const scheduledTimeOf = (s: StateRecord) => (s.details.scheduled_time ? parseDateTime(s.details.scheduled_time) : null);
