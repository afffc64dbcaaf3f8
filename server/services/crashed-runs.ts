import { orchestrationEnv } from '../api/common.ts';
import type { AppContext } from '../context.ts';
import { ObjectNotFound } from '../errors.ts';
import { nowMicros } from '../lib/time.ts';
import { newState } from '../orchestration/context.ts';
import { orchestrate, type WrittenState } from '../orchestration/engine.ts';
import { emitWrites } from '../orchestration/set-state.ts';
import { claimed } from './claims.ts';

/** Runs claimed per transaction, and at most this many batches per pass. */
const BATCH = 50;
const MAX_BATCHES = 10;

/** How a heartbeat-crash message starts (the dashboard recognises it by this). */
export const NO_HEARTBEAT = 'No heartbeat since';

/** `2026-12-07 01:02:03 UTC` */
const utc = (micros: number) => `${new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export function noHeartbeatMessage(lastHeartbeat: number, worker: string | null, everySeconds: number): string {
  const from = worker ? `from worker "${worker}"` : 'from the flow process';
  return `${NO_HEARTBEAT} ${utc(lastHeartbeat)} ${from} (expected every ${everySeconds} s); the run's process is presumed dead.`;
}

/**
 * Running flow runs that sent heartbeats and then missed 3 in a row become Crashed, and
 * their running and pending task runs with them, in one transaction (core rules: a run
 * that reached a final state meanwhile keeps it).
 * Runs that never sent one (older clients) are left alone. Each run is claimed and the
 * proposal is conditional on RUNNING, so with several replicas every run crashes once.
 */
export async function crashSilentRuns(ctx: AppContext): Promise<number> {
  const { heartbeatSeconds, missedHeartbeats } = ctx.settings.services.crashedRuns;
  const cutoff = nowMicros() - missedHeartbeats * heartbeatSeconds * 1e6;
  let crashed = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const writes: WrittenState[] = [];
    let claimedRows = 0;
    let written = 0;
    await ctx.db.transaction(async (trx) => {
      const env = orchestrationEnv(ctx, trx);
      const rows = await claimed(
        ctx.db,
        trx
          .selectFrom('flow_run')
          .select(['id', 'last_heartbeat', 'heartbeat_worker'])
          .where('state_type', '=', 'RUNNING')
          .where('last_heartbeat', 'is not', null)
          .where('last_heartbeat', '<', cutoff)
          .orderBy('last_heartbeat')
          .limit(BATCH),
      ).execute();
      claimedRows = rows.length;
      for (const row of rows) {
        const message = noHeartbeatMessage(row.last_heartbeat!, row.heartbeat_worker ?? null, heartbeatSeconds);
        try {
          const outcome = await orchestrate(env, 'flow', row.id, newState('CRASHED', 'Crashed', nowMicros(), { message }));
          writes.push(...outcome.writes);
          if (!outcome.written) continue;
          written += 1;
          // Not skipped when locked: orchestration waits for each, and the core rules leave one that finished meanwhile alone.
          const tasks = await trx.selectFrom('task_run').select('id').where('flow_run_id', '=', row.id).where('state_type', 'in', ['RUNNING', 'PENDING']).execute();
          for (const task of tasks) {
            const taskOutcome = await orchestrate(env, 'task', task.id, newState('CRASHED', 'Crashed', nowMicros(), { message }));
            writes.push(...taskOutcome.writes);
          }
        } catch (err) {
          if (!(err instanceof ObjectNotFound)) throw err;
        }
      }
    });
    emitWrites(ctx, writes);
    crashed += written;
    // A batch that wrote nothing would be claimed again: stop (the next pass retries).
    if (claimedRows < BATCH || written === 0) break;
  }
  return crashed;
}
