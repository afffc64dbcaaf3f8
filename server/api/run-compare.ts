import type { AppContext } from '../context.ts';
import { compareRuns } from '../db/run-compare.ts';
import type { App } from './common.ts';
import { DateTime, model, Nullable, ref, strict, Type, Uuid } from './models/common.ts';

/** Feature flags of this module (served in `/ui-settings`). */
export const RUN_COMPARE_FLAGS = ['flow_run_compare'];

export const CompareRunSide = model(
  'CompareRunSide',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    state_type: Nullable(Type.String()),
    state_name: Nullable(Type.String()),
    start_time: Nullable(DateTime),
    end_time: Nullable(DateTime),
    duration: Type.Number({ description: 'Run time in seconds (a running run up to now).' }),
    deployment_id: Nullable(Uuid),
    work_pool_name: Nullable(Type.String()),
    work_queue_name: Nullable(Type.String()),
    infrastructure_pid: Nullable(Type.String()),
    job_variables: Nullable(Type.Record(Type.String(), Type.Unknown())),
    first_failure: Nullable(Type.Object({ task_key: Type.String(), task_run_id: Uuid, name: Type.String(), message: Nullable(Type.String()) })),
  }),
);

export const CompareTaskSide = model(
  'CompareTaskSide',
  Type.Object({ count: Type.Integer(), states: Type.Record(Type.String(), Type.Integer()), start_time: Nullable(DateTime), duration: Type.Number() }),
);

export const RunComparison = model(
  'RunComparison',
  Type.Object({
    left: ref(CompareRunSide),
    right: ref(CompareRunSide),
    parameters: Type.Array(Type.Object({ path: Type.String(), status: Type.Enum(['changed', 'only_left', 'only_right']), left: Type.Optional(Type.Unknown()), right: Type.Optional(Type.Unknown()) })),
    tasks: Type.Array(Type.Object({ task_key: Type.String(), left: Nullable(ref(CompareTaskSide)), right: Nullable(ref(CompareTaskSide)), change_seconds: Nullable(Type.Number()) })),
    logs: Type.Object({ only_left: Type.Array(Type.String()), only_right: Type.Array(Type.String()), lines_compared: Type.Integer({ description: 'Lines read per run (the first ones).' }) }),
  }),
);

export function runCompareRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/ui/flow_runs/compare',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiCompareFlowRuns',
        description:
          'Extension: two flow runs side by side — parameters key by key, each task key in both (state counts, first start, run time; slowest regressions first, keys of one run only last), the first failing task, infrastructure, and the normalized log lines (of the first 5,000 each) found in one run only (200 at most). 404 for an unknown run.',
        body: Type.Object({ left: Uuid, right: Uuid }, strict),
        response: { 200: ref(RunComparison) },
      },
    },
    async (req) => compareRuns(ctx.db, req.body.left, req.body.right),
  );
}
