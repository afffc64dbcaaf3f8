import type { AppContext } from '../context.ts';
import { countLogs, flowRunsByIdPrefix, taskRunCountsByFlowRun } from '../db/ui-runs.ts';
import type { App } from './common.ts';
import { model, Opt, ref, strict, Type, Uuid } from './models/common.ts';
import { LogFilter } from './models/filters.ts';
import { FlowRun } from './models/runs.ts';
import { STATE_TYPES } from './models/states.ts';

/** Task-run totals keyed by state type, every type present. */
const StateCounts = model('StateCounts', Type.Object(Object.fromEntries(STATE_TYPES.map((t) => [t, Type.Integer()])) as Record<(typeof STATE_TYPES)[number], ReturnType<typeof Type.Integer>>));

/** Feature flags of the extensions in this module (served in `/ui-settings`). */
export const UI_RUNS_FLAGS = ['log_search', 'log_flow_only', 'flow_run_task_run_counts', 'flow_run_id_prefix'];

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
    '/api/ui/flow_runs/by_id_prefix',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunsByIdPrefix',
        description: 'Extension: flow runs whose id starts with a fragment (at least 4 characters), to find a run by the start of an id shown on screen.',
        body: Type.Object({ prefix: Type.String({ pattern: '^[0-9a-fA-F-]{4,36}$' }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) }, strict),
        response: { 200: Type.Array(ref(FlowRun)) },
      },
    },
    async (req) => flowRunsByIdPrefix(ctx.db, req.body.prefix, req.body.limit ?? 10),
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
