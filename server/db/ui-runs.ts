import type { LogFilterT } from '../api/models/filters.ts';
import { STATE_TYPES, type StateTypeName } from '../api/models/states.ts';
import type { Db } from './connection.ts';
import { filterFlowRuns } from './flow-runs.ts';
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

/** `POST /logs/count` (extension). */
export async function countLogs(db: Db, filter: LogFilterT | null | undefined): Promise<number> {
  const row = await db.kysely.selectFrom('log').select((eb) => eb.fn.countAll<number>().as('n')).where(logWhere(db, filter)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Flow runs whose id starts with `prefix` (extension): ids are lowercase text in both
 * databases, so a range on the primary key finds them without scanning the table.
 */
export async function flowRunsByIdPrefix(db: Db, prefix: string, limit: number) {
  const start = prefix.toLowerCase();
  // '~' sorts after every hex digit and '-'.
  const rows = await db.kysely.selectFrom('flow_run').select('id').where('id', '>=', start).where('id', '<', `${start}~`).orderBy('id').limit(limit).execute();
  if (rows.length === 0) return [];
  return filterFlowRuns(db, { flow_runs: { id: { any_: rows.map((r) => r.id) } }, sort: 'ID_DESC' }, limit, 0);
}
