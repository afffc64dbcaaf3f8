import type { AppContext } from '../context.ts';
import { countLogs, taskRunCountsByFlowRun } from '../db/ui-runs.ts';
import type { App } from './common.ts';
import { model, Opt, ref, strict, Type, Uuid } from './models/common.ts';
import { LogFilter } from './models/filters.ts';
import { STATE_TYPES } from './models/states.ts';

/** Task-run totals keyed by state type, every type present. */
const StateCounts = model('StateCounts', Type.Object(Object.fromEntries(STATE_TYPES.map((t) => [t, Type.Integer()])) as Record<(typeof STATE_TYPES)[number], ReturnType<typeof Type.Integer>>));

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
