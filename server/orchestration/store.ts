import { failureSignature } from '../lib/failure-signature.ts';
import { randomUUID } from 'node:crypto';
import type { FlowRunPolicyT, TaskRunPolicyT } from '../api/models/runs.ts';
import type { StateDetailsT, StateTypeName } from '../api/models/states.ts';
import type { DialectName, Executor } from '../db/connection.ts';
import { insertArtifact, takeResultArtifact } from '../db/artifacts.ts';
import { normalizeFlowRunPolicy, normalizeTaskRunPolicy } from '../db/runs.ts';
import { queueFlowRunNotifications } from '../db/notification-policies.ts';
import type { Selectable } from 'kysely';
import type { FlowRunTable, TaskRunTable } from '../db/schema.ts';
import { fromJson, fromJsonNullable, toJson } from '../lib/json.ts';
import type { OrchestrationStore, ParentFlowRun, RunKind, RunRecord, StateRecord } from './context.ts';

/** Database access for orchestration, always inside the caller's transaction. */
export class KyselyOrchestrationStore implements OrchestrationStore {
  constructor(
    readonly trx: Executor,
    readonly dialect: DialectName,
  ) {}

  async flowRunForTask(flowRunId: string): Promise<ParentFlowRun | null> {
    const row = await this.trx
      .selectFrom('flow_run')
      .leftJoin('flow_run_state as s', 's.id', 'flow_run.state_id')
      .select(['flow_run.id', 'flow_run.run_count', 's.id as s_id', 's.type', 's.name', 's.timestamp', 's.message', 's.data', 's.state_details'])
      .where('flow_run.id', '=', flowRunId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      run_count: row.run_count,
      state: row.s_id ? stateRecord({ id: row.s_id, type: row.type!, name: row.name!, timestamp: row.timestamp!, message: row.message, data: row.data, state_details: row.state_details! }) : null,
    };
  }

  async cachedState(cacheKey: string, now: number): Promise<StateRecord | null> {
    const row = await this.trx
      .selectFrom('task_run_state_cache as c')
      .innerJoin('task_run_state as s', 's.id', 'c.task_run_state_id')
      .select(['s.id', 's.type', 's.name', 's.timestamp', 's.message', 's.data', 's.state_details'])
      .where('c.cache_key', '=', cacheKey)
      .where((eb) => eb.or([eb('c.cache_expiration', 'is', null), eb('c.cache_expiration', '>', now)]))
      .orderBy('c.created', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? stateRecord(row) : null;
  }

  async insertCache(cacheKey: string, expiration: number | null, stateId: string): Promise<void> {
    const now = Date.now() * 1000;
    await this.trx.insertInto('task_run_state_cache').values({ id: randomUUID(), created: now, updated: now, cache_key: cacheKey, cache_expiration: expiration, task_run_state_id: stateId }).execute();
  }

  async limitsForTags(tags: string[]) {
    let q = this.trx.selectFrom('concurrency_limit').select(['id', 'tag', 'concurrency_limit', 'active_slots']).where('tag', 'in', tags).orderBy('tag');
    if (this.dialect === 'postgres') q = q.forUpdate();
    const rows = await q.execute();
    return rows.map((r) => ({ ...r, active_slots: fromJson<string[]>(r.active_slots, []) }));
  }

  async setActiveSlots(limitId: string, slots: string[]): Promise<void> {
    await this.trx.updateTable('concurrency_limit').set({ active_slots: toJson(slots), updated: Date.now() * 1000 }).where('id', '=', limitId).execute();
  }

  /** Loads a run and its current state, locking the run row on PostgreSQL. */
  async loadRun(kind: RunKind, id: string): Promise<{ run: RunRecord; initial: StateRecord | null } | null> {
    // Lock in its own statement: a locking read that waited re-checks joined rows against
    // the new run row (PostgreSQL EvalPlanQual) and would see no current state.
    if (this.dialect === 'postgres') {
      const table = kind === 'flow' ? 'flow_run' : 'task_run';
      const locked = await this.trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!locked) return null;
    }
    if (kind === 'flow') {
      const row = await this.trx
        .selectFrom('flow_run')
        .leftJoin('flow_run_state as s', 's.id', 'flow_run.state_id')
        .selectAll('flow_run')
        .select(['s.message as s_message', 's.data as s_data', 's.state_details as s_state_details'])
        .where('flow_run.id', '=', id)
        .executeTakeFirst();
      return row ? { run: flowRunRecord(row), initial: currentState(row) } : null;
    }
    const row = await this.trx
      .selectFrom('task_run')
      .leftJoin('task_run_state as s', 's.id', 'task_run.state_id')
      .selectAll('task_run')
      .select(['s.message as s_message', 's.data as s_data', 's.state_details as s_state_details'])
      .where('task_run.id', '=', id)
      .executeTakeFirst();
    return row ? { run: taskRunRecord(row), initial: currentState(row) } : null;
  }

  async insertState(kind: RunKind, runId: string, state: StateRecord): Promise<void> {
    // Result data becomes an artifact in the same transaction (contract §2); this strips its artifact_* keys from the state.
    const resultArtifact = takeResultArtifact(kind, runId, state);
    const values = {
      id: state.id,
      created: state.timestamp,
      updated: state.timestamp,
      type: state.type,
      name: state.name,
      timestamp: state.timestamp,
      message: state.message,
      data: state.data === null || state.data === undefined ? null : toJson(state.data),
      state_details: toJson(state.details),
    };
    if (kind === 'flow') await this.trx.insertInto('flow_run_state').values({ ...values, flow_run_id: runId }).execute();
    else await this.trx.insertInto('task_run_state').values({ ...values, task_run_id: runId }).execute();
    if (resultArtifact) await insertArtifact(this.trx, resultArtifact, state.timestamp);
  }

  /** Messages for the active notification policies matching a flow run state. */
  queueNotifications(run: RunRecord, state: StateRecord): Promise<number> {
    return queueFlowRunNotifications(this.trx, run.tags, state.id, state.name);
  }

  async saveRun(run: RunRecord, now: number, state: StateRecord): Promise<void> {
    const common = {
      updated: now,
      failure_signature: state.type === 'FAILED' || state.type === 'CRASHED' ? failureSignature(state.message) : null,
      state_id: run.state_id,
      state_type: run.state_type,
      state_name: run.state_name,
      state_timestamp: run.state_timestamp,
      run_count: run.run_count,
      expected_start_time: run.expected_start_time,
      next_scheduled_start_time: run.next_scheduled_start_time,
      start_time: run.start_time,
      end_time: run.end_time,
      total_run_time: run.total_run_time,
    };
    if (run.kind === 'flow') {
      const heartbeat = run.clear_heartbeat ? { last_heartbeat: null, heartbeat_worker: null } : {};
      await this.trx.updateTable('flow_run').set({ ...common, ...heartbeat, empirical_policy: toJson(run.flow_policy) }).where('id', '=', run.id).execute();
    } else {
      await this.trx
        .updateTable('task_run')
        .set({ ...common, empirical_policy: toJson(run.task_policy), flow_run_run_count: run.flow_run_run_count ?? 0 })
        .where('id', '=', run.id)
        .execute();
    }
  }
}

/** The orchestration view of a flow run row (also used right after inserting one). */
export function flowRunRecord(row: Selectable<FlowRunTable>): RunRecord {
  return {
    ...runTiming(row),
    kind: 'flow',
    id: row.id,
    name: row.name,
    tags: fromJson(row.tags, []),
    flow_id: row.flow_id,
    deployment_id: row.deployment_id,
    parent_task_run_id: row.parent_task_run_id,
    infrastructure_pid: row.infrastructure_pid,
    flow_policy: normalizeFlowRunPolicy(fromJson<Partial<FlowRunPolicyT>>(row.empirical_policy, {})),
  };
}

export function taskRunRecord(row: Selectable<TaskRunTable>): RunRecord {
  return {
    ...runTiming(row),
    kind: 'task',
    id: row.id,
    name: row.name,
    tags: fromJson(row.tags, []),
    flow_run_id: row.flow_run_id,
    cache_key: row.cache_key,
    cache_expiration: row.cache_expiration,
    flow_run_run_count: row.flow_run_run_count,
    task_policy: normalizeTaskRunPolicy(fromJson<Partial<TaskRunPolicyT>>(row.empirical_policy, {})),
  };
}

function runTiming(row: {
  state_id: string | null;
  state_type: string | null;
  state_name: string | null;
  state_timestamp: number | null;
  run_count: number;
  expected_start_time: number | null;
  next_scheduled_start_time: number | null;
  start_time: number | null;
  end_time: number | null;
  total_run_time: number;
}) {
  return {
    state_id: row.state_id,
    state_type: row.state_type as StateTypeName | null,
    state_name: row.state_name,
    state_timestamp: row.state_timestamp,
    run_count: row.run_count,
    expected_start_time: row.expected_start_time,
    next_scheduled_start_time: row.next_scheduled_start_time,
    start_time: row.start_time,
    end_time: row.end_time,
    total_run_time: row.total_run_time,
  };
}

function currentState(row: {
  state_id: string | null;
  state_type: string | null;
  state_name: string | null;
  state_timestamp: number | null;
  s_message: string | null;
  s_data: string | null;
  s_state_details: string | null;
}): StateRecord | null {
  if (!row.state_id || row.s_state_details === null) return null;
  return stateRecord({ id: row.state_id, type: row.state_type!, name: row.state_name!, timestamp: row.state_timestamp!, message: row.s_message, data: row.s_data, state_details: row.s_state_details });
}

export function stateRecord(row: { id: string; type: string; name: string; timestamp: number; message: string | null; data: string | null; state_details: string }): StateRecord {
  return {
    id: row.id,
    type: row.type as StateTypeName,
    name: row.name,
    timestamp: row.timestamp,
    message: row.message,
    data: fromJsonNullable(row.data),
    details: JSON.parse(row.state_details) as StateDetailsT,
  };
}
