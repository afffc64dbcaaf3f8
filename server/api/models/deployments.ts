import { DateTime, Duration, Int, JsonObject, model, Nullable, Opt, ORMBase, ref, SafeName, strict, Tags, Type, Uuid, type Static } from './common.ts';
import { CreatedBy, FlowRunPolicyInput } from './runs.ts';
import { StateCreate } from './states.ts';

const Timezone = Type.String({ maxLength: 100, 'x-check': 'timezone' });

export const IntervalSchedule = model(
  'IntervalSchedule',
  Type.Object(
    {
      interval: Type.Unsafe<number | string>({ anyOf: [{ type: 'number', exclusiveMinimum: 0, maximum: 3.2e9 }, { type: 'string', format: 'duration' }] }),
      anchor_date: Opt(DateTime),
      timezone: Opt(Timezone),
    },
    strict,
  ),
);
export const CronSchedule = model(
  'CronSchedule',
  Type.Object({ cron: Type.String({ maxLength: 1000, 'x-check': 'cron' }), timezone: Opt(Timezone), day_or: Opt(Type.Boolean()) }, strict),
);
export const RRuleSchedule = model('RRuleSchedule', Type.Object({ rrule: Type.String({ maxLength: 6500, 'x-check': 'rrule' }), timezone: Opt(Timezone) }, strict));

/** A schedule as sent: the variant is chosen by its keys; unknown keys are refused. */
export const ScheduleInput = model('ScheduleInput', Type.Union([ref(IntervalSchedule), ref(CronSchedule), ref(RRuleSchedule)]));

/** A schedule as stored and returned, defaults applied. */
export const Schedule = model(
  'Schedule',
  Type.Union([
    Type.Object({ interval: Type.Number(), anchor_date: DateTime, timezone: Nullable(Type.String()) }),
    Type.Object({ cron: Type.String(), timezone: Nullable(Type.String()), day_or: Type.Boolean() }),
    Type.Object({ rrule: Type.String(), timezone: Nullable(Type.String()) }),
  ]),
);

export const DeploymentSchedule = model(
  'DeploymentSchedule',
  Type.Object({
    ...ORMBase,
    deployment_id: Uuid,
    schedule: ref(Schedule),
    active: Type.Boolean(),
    max_active_runs: Nullable(Type.Integer()),
    max_scheduled_runs: Nullable(Type.Integer()),
    catchup: Type.Boolean(),
  }),
);
export type DeploymentScheduleT = Static<typeof DeploymentSchedule>;

export const DeploymentScheduleCreate = model(
  'DeploymentScheduleCreate',
  Type.Object(
    {
      schedule: ref(ScheduleInput),
      active: Opt(Type.Boolean()),
      max_active_runs: Opt(Int({ minimum: 1 })),
      max_scheduled_runs: Opt(Int({ minimum: 1, maximum: 50 })),
      catchup: Opt(Type.Boolean()),
    },
    strict,
  ),
);
export type DeploymentScheduleCreateT = Static<typeof DeploymentScheduleCreate>;

export const DeploymentScheduleUpdate = model(
  'DeploymentScheduleUpdate',
  Type.Object(
    {
      schedule: Type.Optional(ref(ScheduleInput)),
      active: Opt(Type.Boolean()),
      max_active_runs: Opt(Int({ minimum: 1 })),
      max_scheduled_runs: Opt(Int({ minimum: 1, maximum: 50 })),
      catchup: Opt(Type.Boolean()),
    },
    strict,
  ),
);

export const Deployment = model(
  'Deployment',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    flow_id: Uuid,
    version: Nullable(Type.String()),
    description: Nullable(Type.String()),
    path: Nullable(Type.String()),
    entrypoint: Nullable(Type.String()),
    manifest_path: Nullable(Type.String()),
    pull_steps: Nullable(Type.Array(JsonObject)),
    paused: Type.Boolean(),
    is_schedule_active: Type.Boolean(),
    schedules: Type.Array(ref(DeploymentSchedule)),
    schedule: Nullable(ref(Schedule)),
    infra_overrides: JsonObject,
    parameters: JsonObject,
    tags: Type.Array(Type.String()),
    parameter_openapi_schema: Nullable(JsonObject),
    enforce_parameter_schema: Type.Boolean(),
    work_queue_name: Nullable(Type.String()),
    work_pool_name: Nullable(Type.String()),
    last_polled: Nullable(DateTime),
    status: Type.Enum(['READY', 'NOT_READY']),
    storage_document_id: Nullable(Uuid),
    infrastructure_document_id: Nullable(Uuid),
    created_by: Nullable(ref(CreatedBy)),
    updated_by: Nullable(ref(CreatedBy)),
  }),
);
export type DeploymentT = Static<typeof Deployment>;

const sharedFields = {
  paused: Opt(Type.Boolean()),
  is_schedule_active: Opt(Type.Boolean()),
  schedules: Opt(Type.Array(ref(DeploymentScheduleCreate), { maxItems: 100 })),
  schedule: Opt(ref(ScheduleInput)),
  enforce_parameter_schema: Opt(Type.Boolean()),
  parameters: Opt(JsonObject),
  tags: Opt(Tags),
  manifest_path: Opt(Type.String({ maxLength: 5000 })),
  work_queue_name: Opt(Type.String({ maxLength: 5000 })),
  work_pool_name: Opt(Type.String({ maxLength: 5000 })),
  storage_document_id: Opt(Uuid),
  infrastructure_document_id: Opt(Uuid),
  description: Opt(Type.String()),
  path: Opt(Type.String({ maxLength: 5000 })),
  version: Opt(Type.String({ maxLength: 5000 })),
  entrypoint: Opt(Type.String({ maxLength: 5000 })),
  job_variables: Opt(JsonObject),
  infra_overrides: Opt(JsonObject),
  created_by: Opt(ref(CreatedBy)),
  updated_by: Opt(ref(CreatedBy)),
};

export const DeploymentCreate = model(
  'DeploymentCreate',
  Type.Object(
    {
      name: SafeName,
      flow_id: Uuid,
      ...sharedFields,
      parameter_openapi_schema: Opt(JsonObject),
      pull_steps: Opt(Type.Array(JsonObject, { maxItems: 1000 })),
    },
    strict,
  ),
);
export type DeploymentCreateT = Static<typeof DeploymentCreate>;

export const DeploymentUpdate = model('DeploymentUpdate', Type.Object(sharedFields, strict));
export type DeploymentUpdateT = Static<typeof DeploymentUpdate>;

export const DeploymentFlowRunCreate = model(
  'DeploymentFlowRunCreate',
  Type.Object(
    {
      state: Opt(ref(StateCreate)),
      name: Opt(Type.String({ maxLength: 5000 })),
      parameters: Opt(JsonObject),
      enforce_parameter_schema: Opt(Type.Boolean()),
      context: Opt(JsonObject),
      infrastructure_document_id: Opt(Uuid),
      empirical_policy: Opt(ref(FlowRunPolicyInput)),
      tags: Opt(Tags),
      idempotency_key: Opt(Type.String({ maxLength: 5000 })),
      parent_task_run_id: Opt(Uuid),
      work_queue_name: Opt(Type.String({ maxLength: 5000 })),
      job_variables: Opt(JsonObject),
    },
    strict,
  ),
);
export type DeploymentFlowRunCreateT = Static<typeof DeploymentFlowRunCreate>;

export const ScheduleRunsBody = Type.Object({
  start_time: Opt(DateTime),
  end_time: Opt(DateTime),
  min_time: Opt(Duration),
  min_runs: Opt(Int({ minimum: 0, maximum: 10000 })),
  max_runs: Opt(Int({ minimum: 0, maximum: 10000 })),
});
