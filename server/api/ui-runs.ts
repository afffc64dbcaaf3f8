import type { AppContext } from '../context.ts';
import { countLogs, taskRunCountsByFlowRun, taskRunCountsByState, taskRunDashboardCounts } from '../db/ui-runs.ts';
import { HttpError } from '../errors.ts';
import type { App } from './common.ts';
import { model, Opt, ref, strict, Type, Uuid } from './models/common.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, LogFilter, TaskRunFilter, WorkPoolFilter, WorkQueueFilter } from './models/filters.ts';
import { STATE_TYPES } from './models/states.ts';

/** Task-run totals keyed by state type, every type present. */
const StateCounts = model('StateCounts', Type.Object(Object.fromEntries(STATE_TYPES.map((t) => [t, Type.Integer()])) as Record<(typeof STATE_TYPES)[number], ReturnType<typeof Type.Integer>>));

const TaskRunKeys = {
  flows: Opt(ref(FlowFilter)),
  flow_runs: Opt(ref(FlowRunFilter)),
  task_runs: Opt(ref(TaskRunFilter)),
  deployments: Opt(ref(DeploymentFilter)),
};

/** Feature flags of the extensions in this module (served in `/ui-settings`). */
export const UI_RUNS_FLAGS = ['log_search', 'flow_run_task_run_counts'];

export function uiRunRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/ui/flow_runs/task_run_counts',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunTaskRunCounts',
        description: 'Extension: task runs by state type for each of the given flow runs, in one request.',
        body: Type.Object({ flow_run_ids: Type.Array(Uuid, { maxItems: 1000 }) }, strict),
        response: { 200: Type.Record(Type.String(), ref(StateCounts)) },
      },
    },
    async (req) => taskRunCountsByFlowRun(ctx.db, req.body.flow_run_ids),
  );

  app.post(
    '/api/ui/task_runs/count',
    { schema: { tags: ['UI'], operationId: 'uiTaskRunCounts', body: Type.Object(TaskRunKeys), response: { 200: ref(StateCounts) } } },
    async (req) => taskRunCountsByState(ctx.db, req.body),
  );

  app.post(
    '/api/ui/task_runs/dashboard/counts',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiTaskRunDashboardCounts',
        body: Type.Object({ ...TaskRunKeys, work_pools: Opt(ref(WorkPoolFilter)), work_queues: Opt(ref(WorkQueueFilter)) }),
        response: { 200: Type.Array(Type.Object({ completed: Type.Integer(), failed: Type.Integer() })) },
      },
    },
    async (req) => {
      const after = req.body.task_runs?.start_time?.after_;
      if (!after) throw new HttpError(422, 'task_runs.start_time.after_ is required');
      const { work_queues, ...rest } = req.body;
      return taskRunDashboardCounts(ctx.db, { ...rest, work_pool_queues: work_queues }, after, req.body.task_runs?.start_time?.before_);
    },
  );

  app.post(
    '/api/logs/count',
    {
      schema: {
        tags: ['Logs'],
        operationId: 'countLogs',
        description: 'Extension: the number of log lines matching a log filter.',
        body: Type.Object({ logs: Opt(ref(LogFilter)) }),
        response: { 200: Type.Integer() },
      },
    },
    async (req) => countLogs(ctx.db, req.body.logs),
  );
}
