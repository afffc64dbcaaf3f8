import { DateTime, Int, JsonObject, model, Nullable, Opt, ORMBase, ref, strict, Tags, Type, Uuid, type Static } from './common.ts';
import { State, StateCreate, StateType } from './states.ts';

/** Fields shared by flow runs and task runs (state copies and timing). */
const runStateFields = {
  state_id: Nullable(Uuid),
  state: Nullable(ref(State)),
  state_type: Nullable(ref(StateType)),
  state_name: Nullable(Type.String()),
  run_count: Type.Integer(),
  expected_start_time: Nullable(DateTime),
  next_scheduled_start_time: Nullable(DateTime),
  start_time: Nullable(DateTime),
  end_time: Nullable(DateTime),
  total_run_time: Type.Number(),
  estimated_run_time: Type.Number(),
  estimated_start_time_delta: Type.Number(),
};

const RetryType = Nullable(Type.Enum(['in_process', 'reschedule']));

export const FlowRunPolicy = model(
  'FlowRunPolicy',
  Type.Object({
    max_retries: Type.Integer(),
    retry_delay_seconds: Type.Number(),
    retries: Nullable(Type.Integer()),
    retry_delay: Nullable(Type.Integer()),
    pause_keys: Type.Array(Type.String()),
    resuming: Type.Boolean(),
    retry_type: RetryType,
  }),
);
export type FlowRunPolicyT = Static<typeof FlowRunPolicy>;

export const FlowRunPolicyInput = model(
  'FlowRunPolicyInput',
  Type.Object(
    {
      max_retries: Type.Optional(Int({ minimum: 0 })),
      retry_delay_seconds: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
      retries: Opt(Int({ minimum: 0 })),
      retry_delay: Opt(Int({ minimum: 0 })),
      pause_keys: Opt(Type.Array(Type.String(), { maxItems: 10000 })),
      resuming: Opt(Type.Boolean()),
      retry_type: Type.Optional(RetryType),
    },
    strict,
  ),
);

export const CreatedBy = model(
  'CreatedBy',
  Type.Object({ id: Opt(Uuid), type: Opt(Type.String()), display_value: Opt(Type.String()) }, strict),
);

export const FlowRun = model(
  'FlowRun',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    flow_id: Uuid,
    ...runStateFields,
    deployment_id: Nullable(Uuid),
    deployment_version: Nullable(Type.String()),
    work_queue_id: Nullable(Uuid),
    work_queue_name: Nullable(Type.String()),
    work_pool_id: Nullable(Uuid),
    work_pool_name: Nullable(Type.String()),
    flow_version: Nullable(Type.String()),
    parameters: JsonObject,
    idempotency_key: Nullable(Type.String()),
    context: JsonObject,
    empirical_policy: ref(FlowRunPolicy),
    tags: Type.Array(Type.String()),
    parent_task_run_id: Nullable(Uuid),
    auto_scheduled: Type.Boolean(),
    infrastructure_document_id: Nullable(Uuid),
    infrastructure_pid: Nullable(Type.String()),
    created_by: Nullable(ref(CreatedBy)),
    job_variables: Nullable(JsonObject),
  }),
);
export type FlowRunT = Static<typeof FlowRun>;

/** Worker poll results carry flow runs without the pool keys (contract §7). */
export const FlowRunWithoutPool = model(
  'FlowRunWithoutPool',
  Type.Object(Object.fromEntries(Object.entries(FlowRun.properties).filter(([key]) => key !== 'work_pool_id' && key !== 'work_pool_name')) as Omit<typeof FlowRun.properties, 'work_pool_id' | 'work_pool_name'>),
);

export const FlowRunCreate = model(
  'FlowRunCreate',
  Type.Object(
    {
      flow_id: Uuid,
      name: Opt(Type.String({ maxLength: 5000 })),
      flow_version: Opt(Type.String({ maxLength: 5000 })),
      parameters: Type.Optional(JsonObject),
      context: Type.Optional(JsonObject),
      parent_task_run_id: Opt(Uuid),
      infrastructure_document_id: Opt(Uuid),
      empirical_policy: Opt(ref(FlowRunPolicyInput)),
      tags: Type.Optional(Tags),
      idempotency_key: Opt(Type.String({ maxLength: 5000 })),
      deployment_id: Opt(Uuid),
      state: Opt(ref(StateCreate)),
    },
    strict,
  ),
);
export type FlowRunCreateT = Static<typeof FlowRunCreate>;

export const FlowRunUpdate = model(
  'FlowRunUpdate',
  Type.Object(
    {
      name: Opt(Type.String({ maxLength: 5000 })),
      flow_version: Opt(Type.String({ maxLength: 5000 })),
      parameters: Type.Optional(JsonObject),
      empirical_policy: Type.Optional(ref(FlowRunPolicyInput)),
      tags: Type.Optional(Tags),
      infrastructure_pid: Opt(Type.String({ maxLength: 5000 })),
      job_variables: Opt(JsonObject),
    },
    strict,
  ),
);

export const TaskRunPolicy = model(
  'TaskRunPolicy',
  Type.Object({
    max_retries: Type.Integer(),
    retry_delay_seconds: Type.Number(),
    retries: Nullable(Type.Integer()),
    retry_delay: Type.Unsafe<number | number[] | null>({ anyOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }, { type: 'null' }] }),
    retry_jitter_factor: Nullable(Type.Number()),
  }),
);
export type TaskRunPolicyT = Static<typeof TaskRunPolicy>;

export const TaskRunPolicyInput = model(
  'TaskRunPolicyInput',
  Type.Object(
    {
      max_retries: Type.Optional(Int({ minimum: 0 })),
      retry_delay_seconds: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
      retries: Opt(Int({ minimum: 0 })),
      retry_delay: Type.Optional(
        Type.Unsafe<number | number[] | null>({
          anyOf: [{ type: 'integer', minimum: 0, maximum: 2147483647 }, { type: 'array', items: { type: 'integer', minimum: 0, maximum: 2147483647 }, maxItems: 50 }, { type: 'null' }],
        }),
      ),
      retry_jitter_factor: Opt(Type.Number({ minimum: 0, maximum: 1e9 })),
    },
    strict,
  ),
);

export const TaskRunInput = model(
  'TaskRunInput',
  Type.Unsafe<{ input_type: 'task_run'; id: string } | { input_type: 'parameter'; name: string } | { input_type: 'constant'; type: string }>({
    oneOf: [
      { type: 'object', properties: { input_type: { const: 'task_run' }, id: { type: 'string', format: 'uuid' } }, required: ['input_type', 'id'], additionalProperties: false },
      { type: 'object', properties: { input_type: { const: 'parameter' }, name: { type: 'string' } }, required: ['input_type', 'name'], additionalProperties: false },
      { type: 'object', properties: { input_type: { const: 'constant' }, type: { type: 'string' } }, required: ['input_type', 'type'], additionalProperties: false },
    ],
  }),
);

const TaskInputs = Type.Record(Type.String(), Type.Array(ref(TaskRunInput), { maxItems: 10000 }));

export const TaskRun = model(
  'TaskRun',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    flow_run_id: Nullable(Uuid),
    task_key: Type.String(),
    dynamic_key: Type.String(),
    cache_key: Nullable(Type.String()),
    cache_expiration: Nullable(DateTime),
    task_version: Nullable(Type.String()),
    empirical_policy: ref(TaskRunPolicy),
    tags: Type.Array(Type.String()),
    task_inputs: TaskInputs,
    flow_run_run_count: Type.Integer(),
    ...runStateFields,
  }),
);
export type TaskRunT = Static<typeof TaskRun>;

export const TaskRunCreate = model(
  'TaskRunCreate',
  Type.Object(
    {
      id: Opt(Uuid),
      task_key: Type.String({ maxLength: 5000 }),
      dynamic_key: Type.String({ maxLength: 5000 }),
      flow_run_id: Opt(Uuid),
      name: Opt(Type.String({ maxLength: 5000 })),
      cache_key: Opt(Type.String({ maxLength: 2000 })),
      cache_expiration: Opt(DateTime),
      task_version: Opt(Type.String({ maxLength: 5000 })),
      empirical_policy: Opt(ref(TaskRunPolicyInput)),
      tags: Type.Optional(Tags),
      task_inputs: Type.Optional(TaskInputs),
      state: Opt(ref(StateCreate)),
    },
    strict,
  ),
);
export type TaskRunCreateT = Static<typeof TaskRunCreate>;

export const TaskRunUpdate = model('TaskRunUpdate', Type.Object({ name: Opt(Type.String({ maxLength: 5000 })) }, strict));
