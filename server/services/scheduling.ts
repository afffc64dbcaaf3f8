import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/connection.ts';
import { toJson } from '../lib/json.ts';
import { randomRunName } from '../lib/names.ts';
import { isoInZone, scheduleDates, type Schedule } from '../lib/schedules/index.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { defaultFlowRunPolicy } from '../db/runs.ts';

/** How far ahead runs are generated (contract §6 defaults; `POST /deployments/{id}/schedule` overrides). */
export interface RunWindow {
  /** µs */
  start: number;
  /** µs */
  end: number;
  /** Keep going until the last date is at least this far (µs) after `start`… */
  minTime: number;
  /** …and at least this many dates exist. */
  minRuns: number;
  maxRuns: number;
}

export const defaultWindow = (now: number, s: { minRuns: number; maxRuns: number; minTimeSeconds: number; maxTimeSeconds: number }): RunWindow => ({
  start: now,
  end: now + s.maxTimeSeconds * 1e6,
  minTime: s.minTimeSeconds * 1e6,
  minRuns: s.minRuns,
  maxRuns: s.maxRuns,
});

/** Dates of one schedule: up to `maxRuns`, stopping once `minRuns` exist and the last is past `start + minTime`. */
export function datesInWindow(schedule: Schedule, w: RunWindow): number[] {
  const all = scheduleDates(schedule, { start: Math.ceil(w.start / 1000), end: Math.floor(w.end / 1000), max: w.maxRuns });
  const out: number[] = [];
  for (const t of all) {
    out.push(t);
    if (out.length >= w.minRuns && t * 1000 >= w.start + w.minTime) break;
  }
  return out;
}

interface DeploymentForRuns {
  id: string;
  flow_id: string;
  version: string | null;
  tags: string;
  parameters: string;
  work_queue_id: string | null;
  work_queue_name: string | null;
  infrastructure_document_id: string | null;
}

/**
 * Inserts the scheduled runs of a deployment's active schedules (contract §6, generated
 * runs). The idempotency key `scheduled <deployment> <date in the schedule's zone>` makes
 * this safe to repeat: a restart mid-pass never duplicates a run.
 */
export async function generateScheduledRuns(trx: Executor, deployment: DeploymentForRuns, schedules: Schedule[], window: RunWindow): Promise<number> {
  const tags = ['auto-scheduled', ...JSON.parse(deployment.tags).filter((t: string) => t !== 'auto-scheduled')];
  const now = nowMicros();
  const runs = [];
  const states = [];
  const seen = new Set<string>();
  for (const schedule of schedules) {
    for (const ms of datesInWindow(schedule, window)) {
      const date = ms * 1000;
      const key = `scheduled ${deployment.id} ${isoInZone(ms, schedule)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const id = randomUUID();
      const state = newState('SCHEDULED', 'Scheduled', now, { message: 'Flow run scheduled', details: { flow_run_id: id, scheduled_time: formatDateTime(date) } });
      runs.push({
        id,
        created: now,
        updated: now,
        name: randomRunName(),
        flow_id: deployment.flow_id,
        state_id: state.id,
        state_type: 'SCHEDULED',
        state_name: 'Scheduled',
        state_timestamp: now,
        run_count: 0,
        expected_start_time: date,
        next_scheduled_start_time: date,
        start_time: null,
        end_time: null,
        total_run_time: 0,
        deployment_id: deployment.id,
        deployment_version: deployment.version,
        work_queue_id: deployment.work_queue_id,
        work_queue_name: deployment.work_queue_name,
        flow_version: null,
        parameters: deployment.parameters,
        idempotency_key: key,
        context: '{}',
        empirical_policy: toJson(defaultFlowRunPolicy()),
        tags: toJson(tags),
        parent_task_run_id: null,
        auto_scheduled: 1,
        infrastructure_document_id: deployment.infrastructure_document_id,
        infrastructure_pid: null,
        created_by: null,
        job_variables: null,
      });
      states.push({ id: state.id, created: now, updated: now, flow_run_id: id, type: 'SCHEDULED', name: 'Scheduled', timestamp: now, message: state.message, data: null, state_details: toJson(state.details) });
    }
  }
  let inserted = 0;
  for (let i = 0; i < runs.length; i += 100) {
    const batch = runs.slice(i, i + 100);
    const ids = (await trx.insertInto('flow_run').values(batch).onConflict((oc) => oc.doNothing()).returning('id').execute()).map((r) => r.id);
    const keep = new Set(ids);
    const batchStates = states.slice(i, i + 100).filter((s) => keep.has(s.flow_run_id));
    if (batchStates.length) await trx.insertInto('flow_run_state').values(batchStates).execute();
    inserted += ids.length;
  }
  return inserted;
}

