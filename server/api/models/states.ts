import { DateTime, model, Nullable, Opt, ref, strict, Type, Uuid, type Static } from './common.ts';

export const STATE_TYPES = ['SCHEDULED', 'PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED', 'PAUSED', 'CANCELLING'] as const;
export type StateTypeName = (typeof STATE_TYPES)[number];
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED']);

export const StateType = model('StateType', Type.Enum([...STATE_TYPES]));

const detailFields = {
  flow_run_id: Nullable(Uuid),
  task_run_id: Nullable(Uuid),
  child_flow_run_id: Nullable(Uuid),
  scheduled_time: Nullable(DateTime),
  cache_key: Nullable(Type.String()),
  cache_expiration: Nullable(DateTime),
  untrackable_result: Type.Boolean(),
  pause_timeout: Nullable(DateTime),
  pause_reschedule: Type.Boolean(),
  pause_key: Nullable(Type.String()),
  run_input_keyset: Nullable(Type.Record(Type.String(), Type.String())),
  refresh_cache: Nullable(Type.Boolean()),
  retriable: Nullable(Type.Boolean()),
  transition_id: Nullable(Uuid),
  task_parameters_id: Nullable(Uuid),
};

export const StateDetails = model('StateDetails', Type.Object(detailFields));
export type StateDetailsT = Static<typeof StateDetails>;

/** Inbound state details: every key optional, unknown keys refused. */
export const StateDetailsCreate = model(
  'StateDetailsCreate',
  Type.Object(Object.fromEntries(Object.entries(detailFields).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof typeof detailFields]: ReturnType<typeof Type.Optional<(typeof detailFields)[K]>> }, strict),
);

export const State = model(
  'State',
  Type.Object({
    id: Uuid,
    type: ref(StateType),
    name: Type.String(),
    timestamp: DateTime,
    message: Nullable(Type.String()),
    data: Type.Unknown(),
    state_details: ref(StateDetails),
  }),
);
export type StateT = Static<typeof State>;

export const StateCreate = model(
  'StateCreate',
  Type.Object(
    {
      type: ref(StateType),
      name: Opt(Type.String({ maxLength: 5000 })),
      message: Opt(Type.String()),
      data: Type.Optional(Type.Unknown()),
      state_details: Type.Optional(ref(StateDetailsCreate)),
      // Accepted for compatibility and ignored: the server sets both.
      id: Opt(Uuid),
      timestamp: Opt(DateTime),
    },
    strict,
  ),
);
export type StateCreateT = Static<typeof StateCreate>;

export const OrchestrationResult = model(
  'OrchestrationResult',
  Type.Object({
    state: Nullable(ref(State)),
    status: Type.Enum(['ACCEPT', 'REJECT', 'WAIT', 'ABORT']),
    details: Type.Object({
      type: Type.Enum(['accept_details', 'reject_details', 'wait_details', 'abort_details']),
      reason: Type.Optional(Nullable(Type.String())),
      delay_seconds: Type.Optional(Type.Integer()),
    }),
  }),
);
export type OrchestrationResultT = Static<typeof OrchestrationResult>;

export const SetStateBody = Type.Object({ state: ref(StateCreate), force: Type.Optional(Type.Boolean()) });
