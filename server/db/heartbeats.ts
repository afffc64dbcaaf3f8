import type { Executor } from './connection.ts';

/**
 * Records a heartbeat of a flow run. Only a Running run's heartbeat counts: one for a run
 * in any other state (finished, crashed, not started yet) changes nothing, so a late
 * heartbeat never makes a crashed run look alive. Returns false for an unknown run.
 */
export async function recordHeartbeat(db: Executor, flowRunId: string, workerName: string | null, now: number): Promise<boolean> {
  const updated = await db
    .updateTable('flow_run')
    .set({ last_heartbeat: now, heartbeat_worker: workerName })
    .where('id', '=', flowRunId)
    .where('state_type', '=', 'RUNNING')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return true;
  return (await db.selectFrom('flow_run').select('id').where('id', '=', flowRunId).executeTakeFirst()) !== undefined;
}
