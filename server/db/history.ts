import { sql } from 'kysely';
import type { RunFilters } from '../api/models/filters.ts';
import type { StateTypeName } from '../api/models/states.ts';
import { formatDateTime, nowMicros } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { lateSecondsSql, runSecondsSql } from './flow-runs.ts';
import { FilterCompiler } from './filters.ts';
import { runOrderBy } from './runs.ts';

export interface HistoryInterval {
  interval_start: string;
  interval_end: string;
  states: { state_type: StateTypeName; state_name: string; count_runs: number; sum_estimated_run_time: number; sum_estimated_lateness: number }[];
}

/**
 * `/flow_runs/history` and `/task_runs/history` (contract §3.15): runs bucketed by
 * expected start time, grouped by state, counted and summed in one SQL query.
 */
export async function runHistory(db: Db, kind: 'flow_run' | 'task_run', body: RunFilters, start: number, end: number, widthMicros: number): Promise<HistoryInterval[]> {
  const intervals: HistoryInterval[] = [];
  for (let t = start; t < end; t += widthMicros) intervals.push({ interval_start: formatDateTime(t), interval_end: formatDateTime(t + widthMicros), states: [] });
  if (intervals.length === 0) return intervals;
  // Only runs inside [start, end) are bucketed: a wider width cannot change a bucket, and
  // clamping keeps the arithmetic inside a 64-bit integer.
  const sqlWidth = Math.min(widthMicros, Math.max(1, end - start));
  const compiler = new FilterCompiler(db.dialect);
  const where = kind === 'flow_run' ? compiler.flowRunBody(body, 'flow_run') : compiler.taskRunBody(body, 'task_run');
  const now = nowMicros();
  const col = (c: string) => sql.ref(`${kind}.${c}`);
  const runTime = runSecondsSql(kind, now);
  const late = lateSecondsSql(kind, now);
  const rows = await db.kysely
    .selectFrom(kind)
    .select([
      // Integer division on both databases (better-sqlite3 binds numbers as REAL: a fractional bucket per run).
      sql<number>`(${col('expected_start_time')} - cast(${start} as bigint)) / cast(${sqlWidth} as bigint)`.as('bucket'),
      sql<StateTypeName>`${col('state_type')}`.as('state_type'),
      sql<string>`${col('state_name')}`.as('state_name'),
      sql<number>`count(*)`.as('count_runs'),
      sql<number>`sum(case when ${runTime} > 0 then ${runTime} else 0 end)`.as('run_time'),
      sql<number>`sum(case when ${late} > 0 then ${late} else 0 end)`.as('lateness'),
    ])
    .where(where)
    .where(sql<boolean>`${col('expected_start_time')} >= ${start} and ${col('expected_start_time')} < ${end} and ${col('state_type')} is not null`)
    .groupBy([sql`1`, sql`2`, sql`3`])
    .execute();
  for (const r of rows) {
    const bucket = intervals[Math.floor(Number(r.bucket))];
    if (!bucket) continue;
    bucket.states.push({
      state_type: r.state_type,
      state_name: r.state_name,
      count_runs: Number(r.count_runs),
      sum_estimated_run_time: Number(r.run_time),
      sum_estimated_lateness: Number(r.lateness),
    });
  }
  for (const i of intervals) i.states.sort((a, b) => a.state_type.localeCompare(b.state_type) || a.state_name.localeCompare(b.state_name));
  return intervals;
}

/** `/ui/flow_runs/history`: one point per run for the activity chart. */
export async function uiFlowRunHistory(db: Db, body: RunFilters & { sort?: string }, limit: number, offset: number) {
  const now = nowMicros();
  const where = new FilterCompiler(db.dialect).flowRunBody(body, 'flow_run');
  const sort = body.sort ?? 'EXPECTED_START_TIME_DESC';
  const rows = await db.kysely
    .selectFrom('flow_run')
    .select([
      'flow_run.id',
      'flow_run.state_type',
      sql<number>`coalesce(flow_run.start_time, flow_run.expected_start_time)`.as('ts'),
      runSecondsSql('flow_run', now).as('duration'),
      lateSecondsSql('flow_run', now).as('lateness'),
    ])
    .where(where)
    .orderBy(runOrderBy(sort, 'flow_run'))
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ id: r.id, state_type: r.state_type as StateTypeName | null, timestamp: r.ts === null ? null : formatDateTime(Number(r.ts)), duration: Number(r.duration), lateness: Number(r.lateness) }));
}
