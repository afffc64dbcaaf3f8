import { DateTime, Int, model, Nullable, Opt, ref, strict, Type, Uuid } from './common.ts';
import { QueueFilterCriteria, WorkQueueCreate, WorkQueueUpdate } from './work-pools.ts';

/** Legacy agent queues (contract §3.7): the pool-queue bodies plus the deprecated `filter`. */
const filter = Opt(ref(QueueFilterCriteria));

export const LegacyWorkQueueCreate = model('LegacyWorkQueueCreate', Type.Object({ ...WorkQueueCreate.properties, filter }, strict));

export const LegacyWorkQueueUpdate = model('LegacyWorkQueueUpdate', Type.Object({ ...WorkQueueUpdate.properties, filter }, strict));

/** `POST /work_queues/{id}/get_runs`; unknown top-level keys are ignored (multi-key body). */
export const LegacyGetRunsBody = Type.Object({ limit: Opt(Int({ minimum: 0 })), scheduled_before: Opt(DateTime), agent_id: Opt(Uuid) });

export const WorkQueueStatusDetail = model(
  'WorkQueueStatusDetail',
  Type.Object({
    healthy: Type.Boolean(),
    late_runs_count: Type.Integer(),
    last_polled: Nullable(DateTime),
    health_check_policy: Type.Object({ maximum_late_runs: Nullable(Type.Integer()), maximum_seconds_since_last_polled: Nullable(Type.Integer()) }),
  }),
);
