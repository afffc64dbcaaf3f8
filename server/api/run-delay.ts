import type { AppContext } from '../context.ts';
import { explainDelay, type DelayExplanation as DelayExplanationT } from '../db/run-delay.ts';
import { nowMicros } from '../lib/time.ts';
import type { App } from './common.ts';
import { model, Nullable, ref, strict, Type, Uuid } from './models/common.ts';

/** Feature flags of this module (served in `/ui-settings`). */
export const RUN_DELAY_FLAGS = ['flow_run_delay_explanation'];

const DelayAction = model(
  'DelayAction',
  Type.Object({
    kind: Type.Enum(['resume_deployment', 'resume_work_pool', 'resume_work_queue', 'open_work_pool', 'open_global_limits', 'show_runs']),
    deployment_id: Type.Optional(Uuid),
    work_pool_name: Type.Optional(Type.String()),
    work_queue_id: Type.Optional(Uuid),
    work_queue_name: Type.Optional(Type.String()),
    flow_run_ids: Type.Optional(Type.Array(Uuid, { description: 'The runs holding the slots.' })),
  }),
);

const DelayExplanation = model(
  'DelayExplanation',
  Type.Object({
    code: Type.String({ description: 'deployment_paused, work_pool_paused, no_online_worker, work_queue_paused, work_pool_full, work_queue_full, tag_limit_full, global_limit_full, queue_not_polled, awaiting_retry, scheduled_later or pending_start.' }),
    title: Type.String(),
    detail: Type.String(),
    late: Type.Boolean({ description: 'Past its expected start, rather than waiting for a time still ahead.' }),
    action: Nullable(ref(DelayAction)),
  }),
);

export function runDelayRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/ui/flow_runs/delay_explanations',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunDelayExplanations',
        description:
          'Extension: why each Scheduled or Pending flow run has not started, from live facts (the first that applies: deployment paused, pool paused, no online worker, queue paused, pool or queue full, queue not polled, a retry or a time ahead), and what holds a Running one (a task run waiting for a full tag limit, or its code refused by a full global limit), with the action that resolves it. Other runs and unknown ids map to null.',
        body: Type.Object({ flow_run_ids: Type.Array(Uuid, { minItems: 1, maxItems: 50 }) }, strict),
        response: { 200: Type.Record(Type.String(), Nullable(ref(DelayExplanation))) },
      },
    },
    async (req) => {
      const now = nowMicros();
      const out: Record<string, DelayExplanationT | null> = {};
      for (const id of new Set(req.body.flow_run_ids)) out[id] = await explainDelay(ctx.db.kysely, id, now);
      return out;
    },
  );
}
