import { DateTime, model, Opt, ref, strict, Type, Uuid, type Static, type TSchema } from './common.ts';
import { StateType } from './states.ts';

/**
 * Filter objects of contract §4. Every criterion and every operator value may be null
 * (= no constraint); unknown keys are refused (422).
 */

export const List = <T extends TSchema>(item: T) => Type.Array(item, { maxItems: 10000 });
const Operator = Type.Union([Type.Literal('and_'), Type.Literal('or_')]);

const optional = <P extends Record<string, TSchema>>(ops: P) =>
  Object.fromEntries(Object.entries(ops).map(([k, v]) => [k, Opt(v)])) as { [K in keyof P]: ReturnType<typeof Opt<P[K]>> };

/** A criterion object: strict, every operator optional and nullable. */
export const criterion = <P extends Record<string, TSchema>>(ops: P) => Type.Object(optional(ops), strict);
/** A criterion whose operators combine with `operator` (and_/or_). */
export const opCriterion = <P extends Record<string, TSchema>>(ops: P) => Type.Object({ ...optional(ops), operator: Type.Optional(Operator) }, strict);

// Bounded: SQLite refuses LIKE patterns over 50 kB, and no real name or tag is that long.
export const Str = Type.String({ maxLength: 5000 });
const Tags = opCriterion({ all_: List(Str), is_null_: Type.Boolean() });
const TimeRange = criterion({ before_: DateTime, after_: DateTime });
const TimeRangeNullable = criterion({ before_: DateTime, after_: DateTime, is_null_: Type.Boolean() });
export const IdAny = criterion({ any_: List(Uuid) });
export const NameAnyLike = criterion({ any_: List(Str), like_: Str });
const StateFilter = Type.Object(
  {
    type: Opt(criterion({ any_: List(ref(StateType)) })),
    name: Opt(criterion({ any_: List(Str) })),
    operator: Type.Optional(Operator),
  },
  strict,
);

export const filter = <P extends Record<string, TSchema>>(id: string, props: P) => model(id, opCriterion(props));

export const FlowFilter = filter('FlowFilter', {
  id: IdAny,
  name: NameAnyLike,
  tags: Tags,
  deployment: opCriterion({ is_null_: Type.Boolean() }),
});

export const FlowRunFilter = filter('FlowRunFilter', {
  id: criterion({ any_: List(Uuid), not_any_: List(Uuid) }),
  name: NameAnyLike,
  tags: Tags,
  deployment_id: opCriterion({ any_: List(Uuid), is_null_: Type.Boolean() }),
  work_queue_name: opCriterion({ any_: List(Str), is_null_: Type.Boolean() }),
  state: StateFilter,
  flow_version: criterion({ any_: List(Str) }),
  start_time: TimeRangeNullable,
  expected_start_time: TimeRange,
  next_scheduled_start_time: TimeRange,
  parent_flow_run_id: opCriterion({ any_: List(Uuid) }),
  parent_task_run_id: opCriterion({ any_: List(Uuid), is_null_: Type.Boolean() }),
  idempotency_key: criterion({ any_: List(Str), not_any_: List(Str) }),
});

export const TaskRunFilter = filter('TaskRunFilter', {
  id: IdAny,
  name: NameAnyLike,
  tags: Tags,
  state: StateFilter,
  start_time: TimeRangeNullable,
  expected_start_time: TimeRange,
  subflow_runs: criterion({ exists_: Type.Boolean() }),
  flow_run_id: opCriterion({ any_: List(Uuid), is_null_: Type.Boolean() }),
});

export const DeploymentFilter = filter('DeploymentFilter', {
  id: IdAny,
  name: NameAnyLike,
  paused: criterion({ eq_: Type.Boolean() }),
  is_schedule_active: criterion({ eq_: Type.Boolean() }),
  tags: Tags,
  work_queue_name: criterion({ any_: List(Str) }),
});

export const WorkPoolFilter = filter('WorkPoolFilter', {
  id: IdAny,
  name: criterion({ any_: List(Str) }),
  type: criterion({ any_: List(Str) }),
});

export const WorkQueueFilter = filter('WorkQueueFilter', {
  id: IdAny,
  name: criterion({ any_: List(Str), startswith_: List(Str) }),
});

export const LogFilter = filter('LogFilter', {
  level: criterion({ ge_: Type.Integer(), le_: Type.Integer() }),
  timestamp: TimeRange,
  flow_run_id: criterion({ any_: List(Uuid) }),
  // `is_null_` is an extension (README "API extensions", flag `log_flow_only`): the flow run's own lines.
  task_run_id: criterion({ any_: List(Uuid), is_null_: Type.Boolean() }),
  // Extension (README "API extensions"): case-insensitive substring of the message.
  message: criterion({ like_: Str }),
});

export type FlowFilterT = Static<typeof FlowFilter>;
export type FlowRunFilterT = Static<typeof FlowRunFilter>;
export type TaskRunFilterT = Static<typeof TaskRunFilter>;
export type DeploymentFilterT = Static<typeof DeploymentFilter>;
export type WorkPoolFilterT = Static<typeof WorkPoolFilter>;
export type WorkQueueFilterT = Static<typeof WorkQueueFilter>;
export type LogFilterT = Static<typeof LogFilter>;

const nullableRef = <T extends TSchema>(s: T) => Opt(ref(s));

/** The cross-entity keys shared by run, flow and deployment filter bodies. */
export const RunFilterKeys = {
  flows: nullableRef(FlowFilter),
  flow_runs: nullableRef(FlowRunFilter),
  task_runs: nullableRef(TaskRunFilter),
  deployments: nullableRef(DeploymentFilter),
  work_pools: nullableRef(WorkPoolFilter),
  work_pool_queues: nullableRef(WorkQueueFilter),
};

export interface RunFilters {
  flows?: FlowFilterT | null;
  flow_runs?: FlowRunFilterT | null;
  task_runs?: TaskRunFilterT | null;
  deployments?: DeploymentFilterT | null;
  work_pools?: WorkPoolFilterT | null;
  work_pool_queues?: WorkQueueFilterT | null;
}

export const FlowRunSort = model(
  'FlowRunSort',
  Type.Enum(['ID_DESC', 'START_TIME_ASC', 'START_TIME_DESC', 'EXPECTED_START_TIME_ASC', 'EXPECTED_START_TIME_DESC', 'NAME_ASC', 'NAME_DESC', 'NEXT_SCHEDULED_START_TIME_ASC', 'END_TIME_DESC']),
);
export const TaskRunSort = model(
  'TaskRunSort',
  Type.Enum(['ID_DESC', 'EXPECTED_START_TIME_ASC', 'EXPECTED_START_TIME_DESC', 'NAME_ASC', 'NAME_DESC', 'NEXT_SCHEDULED_START_TIME_ASC', 'END_TIME_DESC']),
);
export const FlowSort = model('FlowSort', Type.Enum(['CREATED_DESC', 'UPDATED_DESC', 'NAME_ASC', 'NAME_DESC']));
export const LogSort = model('LogSort', Type.Enum(['TIMESTAMP_ASC', 'TIMESTAMP_DESC']));
