import { Duration, Int, model, Opt, ORMBase, SafeName, strict, Type, Uuid } from './common.ts';

/** Global concurrency limits (contract §3.10 v2). */

const base = {
  ...ORMBase,
  active: Type.Boolean(),
  name: Type.String(),
  limit: Type.Integer(),
  active_slots: Type.Integer(),
  denied_slots: Type.Integer(),
};

export const GlobalConcurrencyLimit = model(
  'GlobalConcurrencyLimit',
  Type.Object({ ...base, slot_decay_per_second: Type.Number(), avg_slot_occupancy_seconds: Type.Number() }),
);

/** What `GET /{id_or_name}` answers: the object without its last two fields. */
export const GlobalConcurrencyLimitRead = model('GlobalConcurrencyLimitRead', Type.Object(base));

const Count = Int({ minimum: 0 });
const Decay = Type.Number({ minimum: 0, maximum: 1e9 });

export const GlobalConcurrencyLimitCreate = model(
  'GlobalConcurrencyLimitCreate',
  Type.Object(
    {
      active: Type.Optional(Type.Boolean()),
      name: SafeName,
      limit: Count,
      active_slots: Type.Optional(Count),
      denied_slots: Type.Optional(Count),
      slot_decay_per_second: Type.Optional(Decay),
    },
    strict,
  ),
);

export const GlobalConcurrencyLimitUpdate = model(
  'GlobalConcurrencyLimitUpdate',
  Type.Object(
    { active: Opt(Type.Boolean()), name: Opt(SafeName), limit: Opt(Count), active_slots: Opt(Count), denied_slots: Opt(Count), slot_decay_per_second: Opt(Decay) },
    strict,
  ),
);

export const MinimalConcurrencyLimit = model('MinimalConcurrencyLimitResponse', Type.Object({ id: Uuid, name: Type.String(), limit: Type.Integer() }));

const Names = Type.Array(SafeName, { minItems: 1, maxItems: 1000 });

export const SlotsIncrement = model(
  'GlobalConcurrencyLimitIncrement',
  Type.Object({
    slots: Int({ minimum: 1 }),
    names: Names,
    mode: Type.Optional(Type.Union([Type.Literal('concurrency'), Type.Literal('rate_limit')])),
    flow_run_id: Type.Optional(Type.String({ format: 'uuid', description: 'Extension: the flow run asking. A refusal is remembered so its page can say which limit holds it; getting the slots forgets it.' })),
  }),
);

export const SlotsDecrement = model(
  'GlobalConcurrencyLimitDecrement',
  Type.Object({ slots: Int({ minimum: 1 }), names: Names, occupancy_seconds: Opt(Duration) }),
);
