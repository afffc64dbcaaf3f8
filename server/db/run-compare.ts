import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { CompareRunSide, CompareTaskSide, RunComparison as RunComparisonModel } from '../api/run-compare.ts';
import { HttpError } from '../errors.ts';
import { normalizeLine } from '../lib/failure-signature.ts';
import { fromJson } from '../lib/json.ts';
import { jsonDiff } from '../lib/json-diff.ts';
import { formatNullable, nowMicros } from '../lib/time.ts';
import type { Db } from './connection.ts';

/**
 * Two flow runs side by side: parameters key by key, each task key's state and time in
 * both (slowest regressions first), the first failing task, infrastructure, and the log
 * lines (normalized like failure signatures) found in one run only.
 */

const LOG_LINES = 5_000;
const LOG_DIFF = 200;

type RunSide = Static<typeof CompareRunSide>;
type TaskSide = Static<typeof CompareTaskSide>;
export type RunComparison = Static<typeof RunComparisonModel>;

async function side(db: Db, id: string, now: number) {
  const run = await db.kysely
    .selectFrom('flow_run')
    .leftJoin('work_queue as q', 'q.id', 'flow_run.work_queue_id')
    .leftJoin('work_pool as p', 'p.id', 'q.work_pool_id')
    .select(['flow_run.id', 'flow_run.name', 'flow_run.state_type', 'flow_run.state_name', 'flow_run.start_time', 'flow_run.end_time', 'flow_run.total_run_time', 'flow_run.deployment_id', 'flow_run.work_queue_name', 'flow_run.infrastructure_pid', 'flow_run.job_variables', 'flow_run.parameters', 'p.name as work_pool_name'])
    .where('flow_run.id', '=', id)
    .executeTakeFirst();
  if (!run) throw new HttpError(404, `Flow run ${id} not found.`);
  const running = run.state_type === 'RUNNING' && run.start_time ? (now - run.start_time) / 1e6 : 0;
  const failure = await db.kysely
    .selectFrom('task_run')
    .leftJoin('task_run_state as s', 's.id', 'task_run.state_id')
    .select(['task_run.id', 'task_run.task_key', 'task_run.name', 's.message'])
    .where('task_run.flow_run_id', '=', id)
    .where('task_run.state_type', 'in', ['FAILED', 'CRASHED'])
    .orderBy('task_run.state_timestamp')
    .limit(1)
    .executeTakeFirst();
  const taskRows = await db.kysely
    .selectFrom('task_run')
    .select([
      'task_key',
      'state_type',
      sql<number>`count(*)`.as('n'),
      sql<number | null>`min(start_time)`.as('start'),
      sql<number>`sum(total_run_time)`.as('run_time'),
    ])
    .where('flow_run_id', '=', id)
    .groupBy(['task_key', 'state_type'])
    .execute();
  const tasks = new Map<string, TaskSide & { startMicros: number | null }>();
  for (const r of taskRows) {
    const t = tasks.get(r.task_key) ?? { count: 0, states: {}, start_time: null, duration: 0, startMicros: null };
    t.count += Number(r.n);
    if (r.state_type) t.states[r.state_type] = (t.states[r.state_type] ?? 0) + Number(r.n);
    t.duration += Number(r.run_time);
    if (r.start !== null && (t.startMicros === null || Number(r.start) < t.startMicros)) t.startMicros = Number(r.start);
    tasks.set(r.task_key, t);
  }
  const logs = await db.kysely.selectFrom('log').select('message').where('flow_run_id', '=', id).orderBy('timestamp').limit(LOG_LINES).execute();
  const out: RunSide = {
    id: run.id,
    name: run.name,
    state_type: run.state_type,
    state_name: run.state_name,
    start_time: formatNullable(run.start_time),
    end_time: formatNullable(run.end_time),
    duration: Number(run.total_run_time) + running,
    deployment_id: run.deployment_id,
    work_pool_name: run.work_pool_name ?? null,
    work_queue_name: run.work_queue_name,
    infrastructure_pid: run.infrastructure_pid,
    job_variables: fromJson<Record<string, unknown> | null>(run.job_variables, null),
    first_failure: failure ? { task_key: failure.task_key, task_run_id: failure.id, name: failure.name, message: failure.message ?? null } : null,
  };
  return { run: out, parameters: fromJson<Record<string, unknown>>(run.parameters, {}), tasks, logs: logs.map((l) => normalizeLine(l.message)) };
}

const onlyIn = (mine: string[], theirs: string[]) => {
  const other = new Set(theirs);
  return [...new Set(mine.filter((l) => !other.has(l)))].slice(0, LOG_DIFF);
};

export async function compareRuns(db: Db, leftId: string, rightId: string): Promise<RunComparison> {
  const now = nowMicros();
  const [a, b] = [await side(db, leftId, now), await side(db, rightId, now)];
  const keys = [...new Set([...a.tasks.keys(), ...b.tasks.keys()])];
  const strip = (t: (TaskSide & { startMicros: number | null }) | undefined): TaskSide | null => (t ? { count: t.count, states: t.states, start_time: formatNullable(t.startMicros), duration: t.duration } : null);
  const tasks = keys.map((task_key) => {
    const left = strip(a.tasks.get(task_key));
    const right = strip(b.tasks.get(task_key));
    return { task_key, left, right, change_seconds: left && right ? right.duration - left.duration : null };
  });
  // Slowest regressions first, then the keys only one run has, then the rest by name.
  tasks.sort((x, y) => (y.change_seconds ?? -Infinity) - (x.change_seconds ?? -Infinity) || x.task_key.localeCompare(y.task_key));
  return {
    left: a.run,
    right: b.run,
    parameters: jsonDiff(a.parameters, b.parameters),
    tasks,
    logs: { only_left: onlyIn(a.logs, b.logs), only_right: onlyIn(b.logs, a.logs), lines_compared: LOG_LINES },
  };
}
