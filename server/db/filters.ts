import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type {
  DeploymentFilterT,
  FlowFilterT,
  FlowRunFilterT,
  LogFilterT,
  RunFilters,
  TaskRunFilterT,
  WorkPoolFilterT,
  WorkQueueFilterT,
} from '../api/models/filters.ts';
import { parseDateTime } from '../lib/time.ts';
import type { Db, DialectName } from './connection.ts';

/**
 * Compiles contract filter objects (§4) into SQL conditions. Cross-entity keys become
 * EXISTS joins, so a filter never multiplies rows and indexes on the joined keys apply.
 */
export type Cond = RawBuilder<SqlBool>;
type Op = 'and_' | 'or_' | undefined;

export const TRUE: Cond = sql<SqlBool>`1=1`;
export const FALSE: Cond = sql<SqlBool>`1=0`;

const present = <T>(v: T | null | undefined): v is T => v !== null && v !== undefined;

export function combine(conds: (Cond | null | undefined)[], op: Op = 'and_'): Cond | null {
  const list = conds.filter(present);
  if (list.length === 0) return null;
  if (list.length === 1) return list[0];
  return sql<SqlBool>`(${sql.join(list, op === 'or_' ? sql` or ` : sql` and `)})`;
}

/** Like `combine` but never null: no criteria matches everything. */
export const all = (conds: (Cond | null | undefined)[], op: Op = 'and_'): Cond => combine(conds, op) ?? TRUE;

const micros = (iso: string) => parseDateTime(iso)!;

/**
 * SQLite plans `WHERE <common state> ORDER BY x LIMIT 50` as "find every matching row
 * by the state index, then sort them all", even with statistics: 30+ ms at 100k runs
 * where walking the sort index and stopping after 50 matches takes 0.4 ms. For list
 * queries the compiler therefore demotes low-selectivity predicates on the listed table
 * (`+col` keeps a column out of index selection) unless a state is known to be rare.
 */
export interface ListQueryHints {
  /** Alias of the table being listed; only its own predicates are demoted. */
  alias: string;
  /** The state filter matches few rows: let it drive through its index. */
  rareState: boolean;
}

export class FilterCompiler {
  private counter = 0;
  constructor(
    readonly dialect: DialectName,
    private readonly hints?: ListQueryHints,
  ) {}

  /** A column reference, demoted from index selection when it is a weak filter of a list query. */
  private weak(alias: string, column: string, isState = false) {
    const demote = this.hints && this.dialect === 'sqlite' && alias === this.hints.alias && !(isState && this.hints.rareState);
    return demote ? sql`+${this.col(alias, column)}` : this.col(alias, column);
  }

  /** A fresh alias for a correlated subquery. */
  alias(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.counter}`;
  }

  col(alias: string, column: string) {
    return sql.ref(`${alias}.${column}`);
  }

  inList(alias: string, column: string, values: readonly unknown[]): Cond {
    if (values.length === 0) return FALSE;
    return sql<SqlBool>`${this.col(alias, column)} in (${sql.join(values.map((v) => sql.val(v)))})`;
  }

  notInList(alias: string, column: string, values: readonly unknown[]): Cond | null {
    if (values.length === 0) return null;
    return sql<SqlBool>`(${this.col(alias, column)} is null or ${this.col(alias, column)} not in (${sql.join(values.map((v) => sql.val(v)))}))`;
  }

  /** Case-insensitive substring; `%` and `_` in the pattern act as wildcards. */
  like(alias: string, column: string, pattern: string): Cond {
    const op = this.dialect === 'postgres' ? sql`ilike` : sql`like`;
    return sql<SqlBool>`${this.col(alias, column)} ${op} ${'%' + pattern + '%'}`;
  }

  startsWithAny(alias: string, column: string, prefixes: readonly string[]): Cond {
    if (prefixes.length === 0) return FALSE;
    const op = this.dialect === 'postgres' ? sql`ilike` : sql`like`;
    return all(prefixes.map((p) => sql<SqlBool>`${this.col(alias, column)} ${op} ${p + '%'}`), 'or_');
  }

  tagsAll(alias: string, column: string, tags: readonly string[]): Cond | null {
    if (tags.length === 0) return null;
    if (this.dialect === 'postgres') return sql<SqlBool>`${this.col(alias, column)} @> ${JSON.stringify(tags)}::jsonb`;
    return all(tags.map((t) => sql<SqlBool>`exists (select 1 from json_each(${this.col(alias, column)}) where value = ${t})`));
  }

  tagsEmpty(alias: string, column: string, isNull: boolean): Cond {
    const empty = this.dialect === 'postgres' ? sql<SqlBool>`${this.col(alias, column)} = '[]'::jsonb` : sql<SqlBool>`${this.weak(alias, column)} = '[]'`;
    return isNull ? empty : sql<SqlBool>`not (${empty})`;
  }

  tags(alias: string, c: { all_?: string[] | null; is_null_?: boolean | null; operator?: Op } | null | undefined): Cond | null {
    if (!c) return null;
    return combine([present(c.all_) ? this.tagsAll(alias, 'tags', c.all_) : null, present(c.is_null_) ? this.tagsEmpty(alias, 'tags', c.is_null_) : null], c.operator);
  }

  timeRange(alias: string, column: string, c: { before_?: string | null; after_?: string | null; is_null_?: boolean | null } | null | undefined): Cond | null {
    if (!c) return null;
    const col = this.col(alias, column);
    return combine([
      present(c.before_) ? sql<SqlBool>`${col} <= ${micros(c.before_)}` : null,
      present(c.after_) ? sql<SqlBool>`${col} >= ${micros(c.after_)}` : null,
      present(c.is_null_) ? (c.is_null_ ? sql<SqlBool>`${col} is null` : sql<SqlBool>`${col} is not null`) : null,
    ]);
  }

  isNull(alias: string, column: string, isNull: boolean): Cond {
    const c = this.weak(alias, column);
    return isNull ? sql<SqlBool>`${c} is null` : sql<SqlBool>`${c} is not null`;
  }

  nameAnyLike(alias: string, c: { any_?: string[] | null; like_?: string | null } | null | undefined, column = 'name'): Cond | null {
    if (!c) return null;
    return combine([present(c.any_) ? this.inList(alias, column, c.any_) : null, present(c.like_) ? this.like(alias, column, c.like_) : null]);
  }

  stateCriteria(alias: string, c: FlowRunFilterT['state'] | null | undefined): Cond | null {
    if (!c) return null;
    const anyOf = (column: string, values: readonly string[]) =>
      values.length === 0 ? FALSE : sql<SqlBool>`${this.weak(alias, column, true)} in (${sql.join(values.map((v) => sql.val(v)))})`;
    return combine([present(c.type?.any_) ? anyOf('state_type', c.type.any_) : null, present(c.name?.any_) ? anyOf('state_name', c.name.any_) : null], c.operator);
  }

  exists(from: Cond | RawBuilder<unknown>, where: Cond): Cond {
    return sql<SqlBool>`exists (select 1 from ${from} where ${where})`;
  }

  // ---- entity filters -------------------------------------------------------------

  flow(f: FlowFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    return combine(
      [
        present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null,
        this.nameAnyLike(a, f.name),
        this.tags(a, f.tags),
        present(f.deployment?.is_null_) ? this.flowHasDeployment(a, !f.deployment.is_null_) : null,
      ],
      f.operator,
    );
  }

  flowRun(f: FlowRunFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    const parentFlowRuns = f.parent_flow_run_id?.any_;
    const tr = this.alias('tr');
    return combine(
      [
        present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null,
        present(f.id?.not_any_) ? this.notInList(a, 'id', f.id.not_any_) : null,
        this.nameAnyLike(a, f.name),
        this.tags(a, f.tags),
        f.deployment_id
          ? combine([present(f.deployment_id.any_) ? this.inList(a, 'deployment_id', f.deployment_id.any_) : null, present(f.deployment_id.is_null_) ? this.isNull(a, 'deployment_id', f.deployment_id.is_null_) : null], f.deployment_id.operator)
          : null,
        f.work_queue_name
          ? combine([present(f.work_queue_name.any_) ? this.inList(a, 'work_queue_name', f.work_queue_name.any_) : null, present(f.work_queue_name.is_null_) ? this.isNull(a, 'work_queue_name', f.work_queue_name.is_null_) : null], f.work_queue_name.operator)
          : null,
        this.stateCriteria(a, f.state),
        present(f.flow_version?.any_) ? this.inList(a, 'flow_version', f.flow_version.any_) : null,
        this.timeRange(a, 'start_time', f.start_time),
        this.timeRange(a, 'expected_start_time', f.expected_start_time),
        this.timeRange(a, 'next_scheduled_start_time', f.next_scheduled_start_time),
        present(parentFlowRuns)
          ? parentFlowRuns.length === 0
            ? FALSE
            : sql<SqlBool>`${this.col(a, 'parent_task_run_id')} in (select ${sql.ref(`${tr}.id`)} from task_run as ${sql.id(tr)} where ${this.inList(tr, 'flow_run_id', parentFlowRuns)})`
          : null,
        f.parent_task_run_id
          ? combine([present(f.parent_task_run_id.any_) ? this.inList(a, 'parent_task_run_id', f.parent_task_run_id.any_) : null, present(f.parent_task_run_id.is_null_) ? this.isNull(a, 'parent_task_run_id', f.parent_task_run_id.is_null_) : null], f.parent_task_run_id.operator)
          : null,
        present(f.idempotency_key?.any_) ? this.inList(a, 'idempotency_key', f.idempotency_key.any_) : null,
        present(f.idempotency_key?.not_any_) ? this.notInList(a, 'idempotency_key', f.idempotency_key.not_any_) : null,
      ],
      f.operator,
    );
  }

  taskRun(f: TaskRunFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    const sub = this.alias('fr');
    const flowRunId = f.flow_run_id;
    return combine(
      [
        present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null,
        this.nameAnyLike(a, f.name),
        this.tags(a, f.tags),
        this.stateCriteria(a, f.state),
        this.timeRange(a, 'start_time', f.start_time),
        this.timeRange(a, 'expected_start_time', f.expected_start_time),
        present(f.subflow_runs?.exists_)
          ? (() => {
              const e = this.exists(sql`flow_run as ${sql.id(sub)}`, sql<SqlBool>`${this.col(sub, 'parent_task_run_id')} = ${this.col(a, 'id')}`);
              return f.subflow_runs.exists_ ? e : sql<SqlBool>`not ${e}`;
            })()
          : null,
        flowRunId
          ? flowRunId.is_null_ === true
            ? this.isNull(a, 'flow_run_id', true)
            : combine([present(flowRunId.any_) ? this.inList(a, 'flow_run_id', flowRunId.any_) : null], flowRunId.operator)
          : null,
      ],
      f.operator,
    );
  }

  log(f: LogFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    return combine(
      [
        f.level
          ? combine([present(f.level.ge_) ? sql<SqlBool>`${this.col(a, 'level')} >= ${f.level.ge_}` : null, present(f.level.le_) ? sql<SqlBool>`${this.col(a, 'level')} <= ${f.level.le_}` : null])
          : null,
        this.timeRange(a, 'timestamp', f.timestamp),
        present(f.flow_run_id?.any_) ? this.inList(a, 'flow_run_id', f.flow_run_id.any_) : null,
        present(f.task_run_id?.any_) ? this.inList(a, 'task_run_id', f.task_run_id.any_) : null,
        present(f.task_run_id?.is_null_) ? this.isNull(a, 'task_run_id', f.task_run_id.is_null_) : null,
        present(f.message?.like_) ? this.like(a, 'message', f.message.like_) : null,
      ],
      f.operator,
    );
  }

  deployment(f: DeploymentFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    return combine(
      [
        present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null,
        this.nameAnyLike(a, f.name),
        present(f.paused?.eq_) ? sql<SqlBool>`${this.col(a, 'paused')} = ${f.paused.eq_ ? 1 : 0}` : null,
        present(f.is_schedule_active?.eq_) ? sql<SqlBool>`${this.col(a, 'paused')} = ${f.is_schedule_active.eq_ ? 0 : 1}` : null,
        this.tags(a, f.tags),
        present(f.work_queue_name?.any_) ? this.inList(a, 'work_queue_name', f.work_queue_name.any_) : null,
      ],
      f.operator,
    );
  }

  workPool(f: WorkPoolFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    return combine(
      [
        present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null,
        present(f.name?.any_) ? this.inList(a, 'name', f.name.any_) : null,
        present(f.type?.any_) ? this.inList(a, 'type', f.type.any_) : null,
      ],
      f.operator,
    );
  }

  workQueue(f: WorkQueueFilterT | null | undefined, a: string): Cond | null {
    if (!f) return null;
    return combine(
      [present(f.id?.any_) ? this.inList(a, 'id', f.id.any_) : null, present(f.name?.any_) ? this.inList(a, 'name', f.name.any_) : null, present(f.name?.startswith_) ? this.startsWithAny(a, 'name', f.name.startswith_) : null],
      f.operator,
    );
  }

  // ---- relations ------------------------------------------------------------------

  flowHasDeployment(flowAlias: string, has: boolean): Cond {
    const d = this.alias('d');
    const e = this.exists(sql`deployment as ${sql.id(d)}`, sql<SqlBool>`${this.col(d, 'flow_id')} = ${this.col(flowAlias, 'id')}`);
    return has ? e : sql<SqlBool>`not ${e}`;
  }

  /** Flow-run conditions of a run filter body, for the flow run aliased `a`. */
  flowRunBody(body: RunFilters, a: string): Cond {
    const conds: (Cond | null)[] = [this.flowRun(body.flow_runs, a)];
    if (present(body.flows)) {
      const f = this.alias('f');
      conds.push(this.exists(sql`flow as ${sql.id(f)}`, all([sql<SqlBool>`${this.col(f, 'id')} = ${this.col(a, 'flow_id')}`, this.flow(body.flows, f)])));
    }
    if (present(body.task_runs)) {
      const t = this.alias('tr');
      conds.push(this.exists(sql`task_run as ${sql.id(t)}`, all([sql<SqlBool>`${this.col(t, 'flow_run_id')} = ${this.col(a, 'id')}`, this.taskRun(body.task_runs, t)])));
    }
    if (present(body.deployments)) {
      const d = this.alias('d');
      conds.push(this.exists(sql`deployment as ${sql.id(d)}`, all([sql<SqlBool>`${this.col(d, 'id')} = ${this.col(a, 'deployment_id')}`, this.deployment(body.deployments, d)])));
    }
    if (present(body.work_pool_queues)) {
      const q = this.alias('wq');
      conds.push(this.exists(sql`work_queue as ${sql.id(q)}`, all([sql<SqlBool>`${this.col(q, 'id')} = ${this.col(a, 'work_queue_id')}`, this.workQueue(body.work_pool_queues, q)])));
    }
    if (present(body.work_pools)) {
      const q = this.alias('wq');
      const p = this.alias('wp');
      conds.push(
        this.exists(
          sql`work_queue as ${sql.id(q)} join work_pool as ${sql.id(p)} on ${this.col(p, 'id')} = ${this.col(q, 'work_pool_id')}`,
          all([sql<SqlBool>`${this.col(q, 'id')} = ${this.col(a, 'work_queue_id')}`, this.workPool(body.work_pools, p)]),
        ),
      );
    }
    return all(conds);
  }

  /** Task-run conditions: its own filter, plus everything else through its flow run. */
  taskRunBody(body: RunFilters, a: string): Cond {
    const conds: (Cond | null)[] = [this.taskRun(body.task_runs, a)];
    const { task_runs: _ignored, ...viaFlowRun } = body;
    if (Object.values(viaFlowRun).some(present)) {
      const fr = this.alias('fr');
      conds.push(this.exists(sql`flow_run as ${sql.id(fr)}`, all([sql<SqlBool>`${this.col(fr, 'id')} = ${this.col(a, 'flow_run_id')}`, this.flowRunBody(viaFlowRun, fr)])));
    }
    return all(conds);
  }

  /** Flow conditions: its own filter and existence of matching runs/deployments. */
  flowBody(body: RunFilters, a: string): Cond {
    const conds: (Cond | null)[] = [this.flow(body.flows, a)];
    if (present(body.flow_runs) || present(body.task_runs)) {
      const fr = this.alias('fr');
      conds.push(this.exists(sql`flow_run as ${sql.id(fr)}`, all([sql<SqlBool>`${this.col(fr, 'flow_id')} = ${this.col(a, 'id')}`, this.flowRunBody({ flow_runs: body.flow_runs, task_runs: body.task_runs }, fr)])));
    }
    if (present(body.deployments) || present(body.work_pools) || present(body.work_pool_queues)) {
      const d = this.alias('d');
      conds.push(
        this.exists(
          sql`deployment as ${sql.id(d)}`,
          all([sql<SqlBool>`${this.col(d, 'flow_id')} = ${this.col(a, 'id')}`, this.deploymentBody({ deployments: body.deployments, work_pools: body.work_pools, work_pool_queues: body.work_pool_queues }, d)]),
        ),
      );
    }
    return all(conds);
  }

  /** Deployment conditions incl. its queue and pool. */
  deploymentBody(body: RunFilters, a: string): Cond {
    const conds: (Cond | null)[] = [this.deployment(body.deployments, a)];
    if (present(body.flows)) {
      const f = this.alias('f');
      conds.push(this.exists(sql`flow as ${sql.id(f)}`, all([sql<SqlBool>`${this.col(f, 'id')} = ${this.col(a, 'flow_id')}`, this.flow(body.flows, f)])));
    }
    if (present(body.flow_runs) || present(body.task_runs)) {
      const fr = this.alias('fr');
      conds.push(this.exists(sql`flow_run as ${sql.id(fr)}`, all([sql<SqlBool>`${this.col(fr, 'deployment_id')} = ${this.col(a, 'id')}`, this.flowRunBody({ flow_runs: body.flow_runs, task_runs: body.task_runs }, fr)])));
    }
    if (present(body.work_pool_queues)) {
      const q = this.alias('wq');
      conds.push(this.exists(sql`work_queue as ${sql.id(q)}`, all([sql<SqlBool>`${this.col(q, 'id')} = ${this.col(a, 'work_queue_id')}`, this.workQueue(body.work_pool_queues, q)])));
    }
    if (present(body.work_pools)) {
      const q = this.alias('wq');
      const p = this.alias('wp');
      conds.push(
        this.exists(
          sql`work_queue as ${sql.id(q)} join work_pool as ${sql.id(p)} on ${this.col(p, 'id')} = ${this.col(q, 'work_pool_id')}`,
          all([sql<SqlBool>`${this.col(q, 'id')} = ${this.col(a, 'work_queue_id')}`, this.workPool(body.work_pools, p)]),
        ),
      );
    }
    return all(conds);
  }
}

/** Below this many matching rows a state filter is cheaper through its index than by a sorted walk. */
const RARE_STATE_ROWS = 2000;

/**
 * Hints for a SQLite list query (see ListQueryHints). A state filter's size is read from
 * its covering index (about a millisecond for 50k entries) to decide which plan wins.
 */
export async function listQueryHints(db: Db, table: 'flow_run' | 'task_run', state: FlowRunFilterT['state'] | null | undefined, rows: number): Promise<ListQueryHints | undefined> {
  if (db.dialect !== 'sqlite') return undefined;
  const types = state?.type?.any_;
  const names = state?.name?.any_;
  let rareState = false;
  if (state && (present(types) || present(names)) && state.operator !== 'or_') {
    const [column, values] = present(types) ? ['state_type', types] : ['state_name', names!];
    const limit = Math.max(RARE_STATE_ROWS, rows * 20);
    const found = await sql<{ n: number }>`select count(*) as n from (select 1 from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(values.length ? values : [''])}) limit ${limit})`.execute(db.kysely);
    rareState = Number(found.rows[0]?.n ?? 0) < limit;
  }
  return { alias: table, rareState };
}
