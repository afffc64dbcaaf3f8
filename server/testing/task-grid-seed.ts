import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';

/**
 * A flow with `runs` finished runs of `keys` task runs each, written straight into the
 * database (the fast way to get 50,000 task runs) for the task grid's scale test and bench.
 * Task `k` of every run failed in runs where `(run + k) % failEvery === 0`.
 */
export async function seedTaskGrid(db: Db, { runs, keys, failEvery = 7 }: { runs: number; keys: number; failEvery?: number }) {
  const now = Date.now() * 1000;
  const flowId = randomUUID();
  await db.kysely.insertInto('flow').values({ id: flowId, created: now, updated: now, name: `grid-${flowId.slice(0, 8)}`, tags: '[]' }).execute();
  const runIds: string[] = [];
  await db.transaction(async (trx) => {
    for (let r = 0; r < runs; r++) {
      const id = randomUUID();
      runIds.push(id);
      const t = now - (runs - r) * 60_000_000;
      await trx
        .insertInto('flow_run')
        .values({
          id, created: t, updated: t, name: `grid-run-${r}`, flow_id: flowId, state_id: null, state_type: 'COMPLETED', state_name: 'Completed', state_timestamp: t + 30_000_000, run_count: 1,
          expected_start_time: t, next_scheduled_start_time: null, start_time: t, end_time: t + 30_000_000, total_run_time: 30, deployment_id: null, deployment_version: null,
          work_queue_id: null, work_queue_name: null, flow_version: null, parameters: '{}', idempotency_key: null, context: '{}', empirical_policy: '{}', tags: '[]',
          parent_task_run_id: null, auto_scheduled: 0, infrastructure_document_id: null, infrastructure_pid: null, created_by: null, job_variables: null,
        })
        .execute();
      for (let start = 0; start < keys; start += 400) {
        const rows = [];
        for (let k = start; k < Math.min(keys, start + 400); k++) {
          const type = (r + k) % failEvery === 0 ? 'FAILED' : 'COMPLETED';
          const at = t + k * 1000;
          rows.push({
            id: randomUUID(), created: at, updated: at, state_id: null, state_type: type, state_name: type === 'FAILED' ? 'Failed' : 'Completed', state_timestamp: at + 500, run_count: 1,
            expected_start_time: at, next_scheduled_start_time: null, start_time: at, end_time: at + 500, total_run_time: 0.0005, name: `task_${String(k).padStart(3, '0')}-0`,
            flow_run_id: id, task_key: `task_${String(k).padStart(3, '0')}`, dynamic_key: '0', cache_key: null, cache_expiration: null, task_version: null,
            empirical_policy: '{}', tags: '[]', task_inputs: '{}', flow_run_run_count: 1,
          });
        }
        await trx.insertInto('task_run').values(rows).execute();
      }
    }
  });
  return { flowId, runIds };
}
