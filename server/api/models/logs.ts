import { DateTime, Int, model, Opt, ORMBase, strict, Type, Uuid, Nullable, type Static } from './common.ts';

export const Log = model(
  'Log',
  Type.Object({
    ...ORMBase,
    name: Type.String(),
    level: Type.Integer(),
    message: Type.String(),
    timestamp: DateTime,
    flow_run_id: Nullable(Uuid),
    task_run_id: Nullable(Uuid),
  }),
);
export type LogT = Static<typeof Log>;

export const LogCreate = model(
  'LogCreate',
  Type.Object(
    {
      name: Type.String({ maxLength: 5000 }),
      level: Int(),
      message: Type.String({ maxLength: 1_000_000 }),
      timestamp: DateTime,
      flow_run_id: Opt(Uuid),
      task_run_id: Opt(Uuid),
    },
    strict,
  ),
);
export type LogCreateT = Static<typeof LogCreate>;
