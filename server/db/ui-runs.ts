import { sql } from 'kysely';
import type { RunFilters, LogFilterT } from '../api/models/filters.ts';
import { STATE_TYPES, type StateTypeName } from '../api/models/states.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { FilterCompiler } from './filters.ts';
import { logWhere } from './logs.ts';

export type StateCounts = Record<StateTypeName, number>;

const emptyCounts = (): StateCounts => Object.fromEntries(STATE_TYPES.map((t) => [t, 0])) as StateCounts;

/** Task runs by state for each of many flow runs, in one grouped query (the runs list shows a page at once). */
export async function taskRunCountsByFlowRun(db: Db, flowRunIds: string[]): Promise<Record<string, StateCounts>> {
  const out: Record<string, StateCounts> = {};
  const ids = [...new Set(flowRunIds)];
  for (const id of ids) out[id] = emptyCounts();
  if (ids.length === 0) return out;
  const rows = await db.kysely
    .selectFrom('task_run')
    .select(['flow_run_id', 'state_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_run_id', 'in', ids)
    .where('state_type', 'is not', null)
    .groupBy(['flow_run_id', 'state_type'])
    .execute();
  for (const r of rows) {
    const counts = r.flow_run_id ? out[r.flow_run_id] : undefined;
    if (counts && r.state_type) counts[r.state_type as StateTypeName] = Number(r.n);
  }
  return out;
}

/** `POST /ui/task_runs/count` (contract §3.14): matching task runs by state type. */
export async function taskRunCountsByState(db: Db, body: RunFilters): Promise<StateCounts> {
  const out = emptyCounts();
  const rows = await db.kysely
    .selectFrom('task_run')
    .select(['state_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where(new FilterCompiler(db.dialect).taskRunBody(body, 'task_run'))
    .where('state_type', 'is not', null)
    .groupBy('state_type')
    .execute();
  for (const r of rows) if (r.state_type) out[r.state_type as StateTypeName] = Number(r.n);
  return out;
}

const MINUTE = 60_000_000;
const BUCKETS = 20;

/**
 * `POST /ui/task_runs/dashboard/counts` (contract §3.14): 20 buckets of finished task runs
 * by start time; failed = FAILED + CRASHED, completed = COMPLETED + CANCELLED.
 */
export async function taskRunDashboardCounts(db: Db, body: RunFilters, after: string, before: string | null | undefined) {
  const start = Math.floor(parseDateTime(after)! / MINUTE) * MINUTE;
  const endRaw = before ? parseDateTime(before)! : nowMicros();
  const end = Math.max(start + MINUTE, Math.ceil(endRaw / MINUTE) * MINUTE);
  const width = (end - start) / BUCKETS;
  const buckets = Array.from({ length: BUCKETS }, () => ({ completed: 0, failed: 0 }));
  // The sent state criterion is ignored: only terminal runs are counted.
  const taskRuns = { ...(body.task_runs ?? {}), state: null, start_time: { after_: new Date(start / 1000).toISOString(), before_: new Date(end / 1000).toISOString() } };
  const rows = await db.kysely
    .selectFrom('task_run')
    .select([sql<number>`(task_run.start_time - ${start}) / ${Math.max(1, Math.floor(width))}`.as('bucket'), 'state_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where(new FilterCompiler(db.dialect).taskRunBody({ ...body, task_runs: taskRuns }, 'task_run'))
    .where('state_type', 'in', ['COMPLETED', 'CANCELLED', 'FAILED', 'CRASHED'])
    .groupBy([sql`1`, 'state_type'])
    .execute();
  for (const r of rows) {
    const bucket = buckets[Math.min(BUCKETS - 1, Math.max(0, Math.floor(Number(r.bucket))))];
    if (r.state_type === 'FAILED' || r.state_type === 'CRASHED') bucket.failed += Number(r.n);
    else bucket.completed += Number(r.n);
  }
  return buckets;
}

/** `POST /logs/count` (extension). */
export async function countLogs(db: Db, filter: LogFilterT | null | undefined): Promise<number> {
  const row = await db.kysely.selectFrom('log').select((eb) => eb.fn.countAll<number>().as('n')).where(logWhere(db, filter)).executeTakeFirstOrThrow();
  return Number(row.n);
}
