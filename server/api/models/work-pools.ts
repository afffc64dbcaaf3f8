import { DateTime, Int, JsonObject, model, Nullable, Opt, ORMBase, ref, strict, Type, Uuid, type Static } from './common.ts';

export const WORK_POOL_STATUSES = ['READY', 'NOT_READY', 'PAUSED'] as const;

export const WorkPool = model(
  'WorkPool',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    description: Nullable(Type.String()),
    type: Type.String(),
    base_job_template: JsonObject,
    is_paused: Type.Boolean(),
    concurrency_limit: Nullable(Type.Integer()),
    status: Nullable(Type.Enum([...WORK_POOL_STATUSES])),
    default_queue_id: Nullable(Uuid),
  }),
);
export type WorkPoolT = Static<typeof WorkPool>;

/** Pool names: no `/ % & > <`; an empty name is a 400 (contract), so no minLength here. */
const PoolName = Type.String({ maxLength: 5000, pattern: '^[^/%&><]*$' });

export const WorkPoolCreate = model(
  'WorkPoolCreate',
  Type.Object(
    {
      name: PoolName,
      description: Opt(Type.String()),
      type: Opt(Type.String({ maxLength: 5000 })),
      base_job_template: Opt(JsonObject),
      is_paused: Opt(Type.Boolean()),
      concurrency_limit: Opt(Int({ minimum: 0 })),
    },
    strict,
  ),
);
export type WorkPoolCreateT = Static<typeof WorkPoolCreate>;

export const WorkPoolUpdate = model(
  'WorkPoolUpdate',
  Type.Object({ description: Opt(Type.String()), is_paused: Opt(Type.Boolean()), base_job_template: Opt(JsonObject), concurrency_limit: Opt(Int({ minimum: 0 })) }, strict),
);
export type WorkPoolUpdateT = Static<typeof WorkPoolUpdate>;

export const QueueFilterCriteria = model('WorkQueueFilterCriteria', Type.Object({ tags: Opt(Type.Array(Type.String())), deployment_ids: Opt(Type.Array(Uuid)) }, strict));

export const WorkQueue = model(
  'WorkQueue',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    description: Type.String(),
    is_paused: Type.Boolean(),
    concurrency_limit: Nullable(Type.Integer()),
    priority: Type.Integer(),
    work_pool_id: Uuid,
    work_pool_name: Type.String(),
    filter: Nullable(ref(QueueFilterCriteria)),
    last_polled: Nullable(DateTime),
    status: Type.Enum([...WORK_POOL_STATUSES]),
  }),
);
export type WorkQueueT = Static<typeof WorkQueue>;

export const WorkQueueCreate = model(
  'WorkQueueCreate',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 5000, pattern: '^[^/%&><]*$' }),
      description: Opt(Type.String()),
      is_paused: Opt(Type.Boolean()),
      concurrency_limit: Opt(Int({ minimum: 0 })),
      priority: Opt(Int({ minimum: 1 })),
    },
    strict,
  ),
);
export type WorkQueueCreateT = Static<typeof WorkQueueCreate>;

export const WorkQueueUpdate = model(
  'WorkQueueUpdate',
  Type.Object(
    {
      name: Opt(Type.String({ minLength: 1, maxLength: 5000, pattern: '^[^/%&><]*$' })),
      description: Opt(Type.String()),
      is_paused: Opt(Type.Boolean()),
      concurrency_limit: Opt(Int({ minimum: 0 })),
      priority: Opt(Int({ minimum: 1 })),
      last_polled: Opt(DateTime),
    },
    strict,
  ),
);
export type WorkQueueUpdateT = Static<typeof WorkQueueUpdate>;

export const Worker = model(
  'Worker',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    work_pool_id: Uuid,
    last_heartbeat_time: DateTime,
    heartbeat_interval_seconds: Nullable(Type.Integer()),
    status: Type.Enum(['ONLINE', 'OFFLINE']),
  }),
);
export type WorkerT = Static<typeof Worker>;

export const WorkerHeartbeat = model('WorkerHeartbeat', Type.Object({ name: Type.String({ minLength: 1, maxLength: 5000 }), heartbeat_interval_seconds: Opt(Int({ minimum: 1 })) }, strict));

const List = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Array(t, { maxItems: 10000 });
const Operator = Type.Union([Type.Literal('and_'), Type.Literal('or_')]);
export const WorkerFilter = model(
  'WorkerFilter',
  Type.Object(
    {
      last_heartbeat_time: Opt(Type.Object({ before_: Opt(DateTime), after_: Opt(DateTime) }, strict)),
      status: Opt(Type.Object({ any_: Opt(List(Type.Enum(['ONLINE', 'OFFLINE']))), not_any_: Opt(List(Type.Enum(['ONLINE', 'OFFLINE']))) }, strict)),
      operator: Type.Optional(Operator),
    },
    strict,
  ),
);
export type WorkerFilterT = Static<typeof WorkerFilter>;

/** `POST /work_pools/{name}/get_scheduled_flow_runs` (contract §7). */
export const PoolPollBody = Type.Object({
  work_queue_names: Opt(Type.Array(Type.String({ maxLength: 5000 }), { maxItems: 1000 })),
  scheduled_before: Opt(DateTime),
  scheduled_after: Opt(DateTime),
  limit: Opt(Int({ minimum: 0 })),
});
