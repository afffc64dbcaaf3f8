import { randomUUID } from 'node:crypto';
import type { FlowRunPolicyT, TaskRunPolicyT } from '../api/models/runs.ts';
import type { StateCreateT, StateDetailsT, StateTypeName } from '../api/models/states.ts';
import { formatDateTime, parseDateTime } from '../lib/time.ts';
import type { Executor } from '../db/connection.ts';
import type { Settings } from '../settings.ts';

export type RunKind = 'flow' | 'task';

/** A state as orchestration sees it: timestamp in µs, details in API shape. */
export interface StateRecord {
  id: string;
  type: StateTypeName;
  name: string;
  timestamp: number;
  message: string | null;
  data: unknown;
  details: StateDetailsT;
}

/** The mutable slice of a run that rules and bookkeeping change; written back in one UPDATE. */
export interface RunRecord {
  kind: RunKind;
  id: string;
  name: string;
  tags: string[];
  state_id: string | null;
  state_type: StateTypeName | null;
  state_name: string | null;
  state_timestamp: number | null;
  run_count: number;
  expected_start_time: number | null;
  next_scheduled_start_time: number | null;
  start_time: number | null;
  end_time: number | null;
  total_run_time: number;
  // flow runs
  flow_id?: string;
  deployment_id?: string | null;
  parent_task_run_id?: string | null;
  infrastructure_pid?: string | null;
  flow_policy?: FlowRunPolicyT;
  /** Set by bookkeeping when the run enters RUNNING: heartbeats of an earlier Running period no longer count. */
  clear_heartbeat?: boolean;
  // task runs
  flow_run_id?: string | null;
  cache_key?: string | null;
  cache_expiration?: number | null;
  flow_run_run_count?: number;
  task_policy?: TaskRunPolicyT;
}

export type Status = 'ACCEPT' | 'REJECT' | 'WAIT' | 'ABORT';

/** A flow run as task rules need it. */
export interface ParentFlowRun {
  id: string;
  run_count: number;
  state: StateRecord | null;
}

export interface OrchestrationStore {
  flowRunForTask(flowRunId: string): Promise<ParentFlowRun | null>;
  cachedState(cacheKey: string, now: number): Promise<StateRecord | null>;
  insertCache(cacheKey: string, expiration: number | null, stateId: string): Promise<void>;
  limitsForTags(tags: string[]): Promise<{ id: string; tag: string; concurrency_limit: number; active_slots: string[] }[]>;
  setActiveSlots(limitId: string, slots: string[]): Promise<void>;
}

export interface OrchestrationEnv {
  trx: Executor;
  store: OrchestrationStore;
  settings: Settings;
  /** Parsed `X-SYNTASK-API-VERSION` (absent = latest). */
  apiVersion: readonly [number, number, number];
}

export class OrchestrationContext {
  status: Status = 'ACCEPT';
  reason: string | null = null;
  delaySeconds = 0;
  /** The state that will be written; null once a rule rejected without a state, waited or aborted. */
  proposed: StateRecord | null;
  /** Cached parent flow run of a task run (loaded on first use). */
  private parent: ParentFlowRun | null | undefined;

  constructor(
    readonly env: OrchestrationEnv,
    readonly run: RunRecord,
    readonly initial: StateRecord | null,
    proposed: StateRecord,
    readonly now: number,
  ) {
    this.proposed = proposed;
  }

  get kind() {
    return this.run.kind;
  }

  reject(reason: string, newState?: StateRecord) {
    this.status = 'REJECT';
    this.reason = reason;
    this.proposed = newState ?? null;
  }

  wait(seconds: number, reason: string) {
    this.status = 'WAIT';
    this.reason = reason;
    this.delaySeconds = Math.max(0, Math.ceil(seconds));
    this.proposed = null;
  }

  abort(reason: string) {
    this.status = 'ABORT';
    this.reason = reason;
    this.proposed = null;
  }

  async parentFlowRun(): Promise<ParentFlowRun | null> {
    if (this.parent === undefined) {
      this.parent = this.run.flow_run_id ? await this.env.store.flowRunForTask(this.run.flow_run_id) : null;
    }
    return this.parent;
  }

  apiAtLeast(major: number, minor: number, patch: number): boolean {
    const [a, b, c] = this.env.apiVersion;
    return a !== major ? a > major : b !== minor ? b > minor : c >= patch;
  }
}

export interface Rule {
  name: string;
  /** Current state types (null = the run has no state) the rule applies from. */
  from: readonly (StateTypeName | null)[];
  to: readonly StateTypeName[];
  before(ctx: OrchestrationContext): Promise<void> | void;
  /** After the proposed state is written, unless the rule fizzled (the proposal's type changed). */
  after?(ctx: OrchestrationContext, written: StateRecord): Promise<void> | void;
  /** Undo `before` side effects when the rule fizzled. */
  cleanup?(ctx: OrchestrationContext): Promise<void> | void;
  /** Universal transforms run `after` on every write, fizzled or not. */
  universal?: boolean;
}

export const ALL_TYPES: readonly StateTypeName[] = ['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED', 'PAUSED', 'CANCELLING'];
export const ALL_FROM: readonly (StateTypeName | null)[] = [null, ...ALL_TYPES];
export const TERMINAL: readonly StateTypeName[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'];
export const isTerminal = (t: StateTypeName | null | undefined) => t !== null && t !== undefined && TERMINAL.includes(t);

const DETAIL_DEFAULTS: StateDetailsT = {
  flow_run_id: null,
  task_run_id: null,
  child_flow_run_id: null,
  scheduled_time: null,
  cache_key: null,
  cache_expiration: null,
  untrackable_result: false,
  pause_timeout: null,
  pause_reschedule: false,
  pause_key: null,
  run_input_keyset: null,
  refresh_cache: null,
  retriable: null,
  transition_id: null,
  task_parameters_id: null,
};

const DATETIME_DETAILS = ['scheduled_time', 'cache_expiration', 'pause_timeout'] as const;

export const titleCase = (type: string) => type.charAt(0) + type.slice(1).toLowerCase();

/** A complete state record from an inbound StateCreate (timestamp assigned now). */
export function stateFromCreate(input: StateCreateT, now: number): StateRecord {
  const details: StateDetailsT = { ...DETAIL_DEFAULTS };
  for (const [key, value] of Object.entries(input.state_details ?? {})) {
    if (value !== undefined) (details as Record<string, unknown>)[key] = value;
  }
  for (const key of DATETIME_DETAILS) {
    const v = details[key];
    if (v) details[key] = formatDateTime(parseDateTime(v)!);
  }
  if (input.type === 'SCHEDULED' && !details.scheduled_time) details.scheduled_time = formatDateTime(now);
  return {
    id: randomUUID(),
    type: input.type as StateTypeName,
    name: input.name ?? titleCase(input.type),
    timestamp: now,
    message: input.message ?? null,
    data: input.data === undefined ? null : input.data,
    details,
  };
}

/** A new state of `type`, e.g. AwaitingRetry or Cancelled, written instead of a proposal. */
export function newState(type: StateTypeName, name: string, now: number, overrides: Partial<Omit<StateRecord, 'details'>> & { details?: Partial<StateDetailsT> } = {}): StateRecord {
  const { details, ...rest } = overrides;
  const state: StateRecord = {
    id: randomUUID(),
    type,
    name,
    timestamp: now,
    message: null,
    data: null,
    details: { ...DETAIL_DEFAULTS, ...details },
    ...rest,
  };
  if (type === 'SCHEDULED' && !state.details.scheduled_time) state.details.scheduled_time = formatDateTime(now);
  return state;
}

export const detailTime = (iso: string | null | undefined): number | null => (iso ? parseDateTime(iso) : null);

export const newTransitionId = () => randomUUID();

/** Persisted result data: anything but null and `{"type": "unpersisted"}`. */
export function hasPersistedData(state: StateRecord | null): boolean {
  if (!state || state.data === null || state.data === undefined) return false;
  return !(typeof state.data === 'object' && (state.data as { type?: unknown }).type === 'unpersisted');
}
