import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { TaskGridCell as TaskGridCellModel, TaskGridResponse, TaskGridRow as TaskGridRowModel, TaskGridRun as TaskGridRunModel } from '../api/task-grid.ts';
import type { StateTypeName } from '../api/models/states.ts';
import { notFound } from '../errors.ts';
import { formatNullable, nowMicros } from '../lib/time.ts';
import type { Db } from './connection.ts';
import { runSecondsSql } from './flow-runs.ts';

/**
 * The runs × tasks grid (extension `POST /ui/flow_runs/task_grid`): the last N runs of a flow
 * or deployment as columns, task keys as rows, each cell the states of that key in that run.
 * Per level of subflows: one grouped query (counts by state; for a key that ran once in a run,
 * also that task run), one ranked query for the keys that ran many times (which task run a
 * cell opens), one for the child flow runs; subflow rows carry their child runs' rows beneath them.
 */

/** The answer's shapes are the route's models (one schema, one type). */
export type TaskGridCell = Static<typeof TaskGridCellModel>;
export type TaskGridRow = Static<typeof TaskGridRowModel>;
export type TaskGridRun = Static<typeof TaskGridRunModel>;
export type TaskGrid = Static<typeof TaskGridResponse>;

/** Rows in one answer; beyond it the latest-seen keys are left out and counted. */
export const MAX_ROWS = 1000;
/** Subflow levels shown beneath a subflow row. */
const MAX_DEPTH = 3;
/** Child runs read for one level of subflows; a level with more is marked, not expanded. */
const MAX_CHILD_RUNS = 5000;
/** Ids per `in (…)` list (both databases take far more; this keeps statements small). */
const CHUNK = 1000;
const FAILURES = ['FAILED', 'CRASHED'];

interface Node {
  task_key: string;
  label: string | null;
  first: number;
  cells: (TaskGridCell | null)[];
  subflow_name: string | null;
  children: Node[];
}

/** Where a flow run's task runs go: its column, and the subflow row whose children they are (null: top level). */
interface Owner {
  col: number;
  parent: Node | null;
}

const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export async function taskGrid(db: Db, query: { flow_id?: string; deployment_id?: string; limit: number }): Promise<TaskGrid> {
  let runsQuery = db.kysely
    .selectFrom('flow_run')
    .select(['id', 'name', 'state_type', 'state_name', 'start_time', 'expected_start_time'])
    // Scheduled runs (upcoming or late) have no task runs yet: the grid is about runs that ran.
    .where((eb) => eb.or([eb('state_type', 'is', null), eb('state_type', '!=', 'SCHEDULED')]));
  if (query.flow_id) runsQuery = runsQuery.where('flow_id', '=', query.flow_id);
  if (query.deployment_id) runsQuery = runsQuery.where('deployment_id', '=', query.deployment_id);
  const newestFirst = await runsQuery.orderBy(sql`coalesce(expected_start_time, created)`, 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  if (newestFirst.length === 0) await mustExist(db, query);
  const runs = newestFirst.reverse();
  const owners = new Map<string, Owner>(runs.map((r, col) => [r.id, { col, parent: null }]));
  const top: Node[] = [];
  await readLevel(db, owners, runs.length, top, 0);
  const rows: TaskGridRow[] = [];
  let omitted = 0;
  const flatten = (nodes: Node[], depth: number, parent: number | null) => {
    for (const node of nodes.sort((a, b) => a.first - b.first || (a.task_key < b.task_key ? -1 : a.task_key > b.task_key ? 1 : 0))) {
      if (rows.length >= MAX_ROWS) {
        omitted += 1 + countNodes(node.children);
        continue;
      }
      const index = rows.length;
      rows.push({ task_key: node.task_key, label: node.label ?? node.task_key, depth, parent, subflow: node.subflow_name !== null, subflow_name: node.subflow_name, cells: node.cells });
      flatten(node.children, depth + 1, index);
    }
  };
  flatten(top, 0, null);
  return {
    runs: runs.map((r) => ({
      id: r.id,
      name: r.name,
      state_type: r.state_type as StateTypeName | null,
      state_name: r.state_name,
      start_time: formatNullable(r.start_time === null ? null : Number(r.start_time)),
      expected_start_time: formatNullable(r.expected_start_time === null ? null : Number(r.expected_start_time)),
    })),
    rows,
    omitted_rows: omitted,
  };
}

const countNodes = (nodes: Node[]): number => nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

async function mustExist(db: Db, query: { flow_id?: string; deployment_id?: string }) {
  if (query.flow_id && !(await db.kysely.selectFrom('flow').select('id').where('id', '=', query.flow_id).executeTakeFirst())) throw notFound('Flow not found');
  if (query.deployment_id && !(await db.kysely.selectFrom('deployment').select('id').where('id', '=', query.deployment_id).executeTakeFirst())) throw notFound('Deployment not found');
}

/** The rows of the task runs of `owners`' flow runs, added under their parent rows; then the next level of subflows. */
async function readLevel(db: Db, owners: Map<string, Owner>, columns: number, top: Node[], depth: number): Promise<void> {
  const ids = [...owners.keys()];
  if (ids.length === 0) return;
  const nodes = new Map<Node | null, Map<string, Node>>();
  const nodeOf = (owner: Owner, taskKey: string, first: number) => {
    let byKey = nodes.get(owner.parent);
    if (!byKey) nodes.set(owner.parent, (byKey = new Map()));
    let node = byKey.get(taskKey);
    if (!node) {
      node = { task_key: taskKey, label: null, first, cells: new Array(columns).fill(null), subflow_name: null, children: [] };
      byKey.set(taskKey, node);
      (owner.parent ? owner.parent.children : top).push(node);
    } else if (first < node.first) node.first = first;
    return node;
  };
  const now = nowMicros();
  const stateOf = (type: string | null) => (type ?? 'PENDING') as StateTypeName;
  const failure = sql.join(FAILURES.map((t) => sql.lit(t)));
  const when = sql`coalesce(start_time, expected_start_time, created)`;
  // Task runs of several flow runs (a subflow that ran twice in one parent run) can share a cell: counts add up, the cell opens one of them.
  const cellsOf = new Map<TaskGridCell, { failed: boolean; when: number }>();
  const firstRun = new Map<TaskGridCell, string>();

  for (const part of chunks(ids)) {
    // Counts by state. Where a key ran once in a run (the common case) the min()s are that task run: one pass over the rows.
    const groups = await db.kysely
      .selectFrom('task_run')
      .select([
        'flow_run_id',
        'task_key',
        'state_type',
        sql<number>`count(*)`.as('n'),
        sql<number>`min(coalesce(expected_start_time, created))`.as('first'),
        sql<string>`min(id)`.as('id'),
        sql<string>`min(name)`.as('name'),
        sql<string | null>`min(state_name)`.as('state_name'),
        sql<number>`min(${runSecondsSql('task_run', now)})`.as('duration'),
      ])
      .where('flow_run_id', 'in', part)
      .groupBy(['flow_run_id', 'task_key', 'state_type'])
      .execute();
    const many = new Set<TaskGridCell>();
    const manyRuns = new Set<string>();
    const manyKeys = new Set<string>();
    for (const r of groups) {
      const owner = owners.get(r.flow_run_id!)!;
      const node = nodeOf(owner, r.task_key, Number(r.first));
      node.label ??= r.name.replace(/-\d+$/, '') || null;
      const n = Number(r.n);
      const type = stateOf(r.state_type);
      let cell = node.cells[owner.col];
      if (!cell) {
        cell = node.cells[owner.col] = { count: 0, states: {}, task_run_id: r.id, name: r.name, state_type: type, state_name: r.state_name, duration: Math.max(0, Number(r.duration)) };
        // Only subflow levels put several flow runs into one column.
        if (depth > 0) firstRun.set(cell, r.flow_run_id!);
      }
      cell.count += n;
      cell.states[type] = (cell.states[type] ?? 0) + n;
      if (cell.count > 1) {
        many.add(cell);
        // A subflow that ran twice in one parent run: both child runs' task runs compete for the cell.
        manyRuns.add(firstRun.get(cell) ?? r.flow_run_id!).add(r.flow_run_id!);
        manyKeys.add(r.task_key);
      }
    }
    if (many.size === 0) continue;
    // Keys that ran many times in a run: the task run a cell opens is the first failure, else the latest.
    const keyFilter = manyKeys.size <= CHUNK ? sql`and task_key in (${sql.join([...manyKeys])})` : sql``;
    const chosen = await sql<{ id: string; flow_run_id: string; task_key: string; name: string; state_type: string | null; state_name: string | null; duration: number; rank_when: number; failed: number }>`
      select id, flow_run_id, task_key, name, state_type, state_name, duration, rank_when, failed from (
        select id, flow_run_id, task_key, name, state_type, state_name, ${runSecondsSql('task_run', now)} as duration,
          case when state_type in (${failure}) then 1 else 0 end as failed,
          ${when} as rank_when,
          row_number() over (
            partition by flow_run_id, task_key
            order by case when state_type in (${failure}) then 0 else 1 end,
              case when state_type in (${failure}) then ${when} else -${when} end,
              id
          ) as rn
        from task_run where flow_run_id in (${sql.join([...manyRuns])}) ${keyFilter}
      ) ranked where rn = 1`.execute(db.kysely);
    for (const r of chosen.rows) {
      const owner = owners.get(r.flow_run_id)!;
      const cell = nodes.get(owner.parent)?.get(r.task_key)?.cells[owner.col];
      if (!cell || !many.has(cell)) continue;
      // Across flow runs sharing the cell: a failure beats a success, an earlier failure a later one, a later success an earlier one.
      const candidate = { failed: Number(r.failed) === 1, when: Number(r.rank_when) };
      const held = cellsOf.get(cell);
      if (held && (held.failed !== candidate.failed ? held.failed : held.failed ? held.when <= candidate.when : held.when >= candidate.when)) continue;
      cellsOf.set(cell, candidate);
      Object.assign(cell, { task_run_id: r.id, name: r.name, state_type: stateOf(r.state_type), state_name: r.state_name, duration: Math.max(0, Number(r.duration)) });
    }
  }

  // Subflows: task runs with a child flow run. Their rows are marked, and the child runs' task runs become the next level.
  const next = new Map<string, Owner>();
  let expand = depth < MAX_DEPTH;
  for (const part of chunks(ids)) {
    const children = await db.kysely
      .selectFrom('flow_run as child')
      .innerJoin('task_run', 'task_run.id', 'child.parent_task_run_id')
      .innerJoin('flow', 'flow.id', 'child.flow_id')
      .select(['child.id', 'task_run.flow_run_id', 'task_run.task_key', 'flow.name as flow_name'])
      .where('task_run.flow_run_id', 'in', part)
      .execute();
    for (const c of children) {
      const owner = owners.get(c.flow_run_id!)!;
      const node = nodes.get(owner.parent)?.get(c.task_key);
      if (!node) continue;
      node.subflow_name ??= c.flow_name;
      if (expand) next.set(c.id, { col: owner.col, parent: node });
    }
    if (next.size > MAX_CHILD_RUNS) expand = false;
  }
  if (expand) await readLevel(db, next, columns, top, depth + 1);
}
