import type { AppContext } from '../context.ts';
import { runHistory, uiFlowRunHistory } from '../db/history.ts';
import { RequestValidationError } from '../errors.ts';
import { parseDateTime, parseDuration } from '../lib/time.ts';
import { pagination, type App } from './common.ts';
import { DateTime, Duration, model, Nullable, Opt, Pagination, ref, Type, Uuid } from './models/common.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, FlowRunSort, RunFilterKeys, TaskRunFilter, WorkPoolFilter, WorkQueueFilter } from './models/filters.ts';
import { StateType } from './models/states.ts';

const HistoryResponse = model(
  'HistoryResponse',
  Type.Object({
    interval_start: DateTime,
    interval_end: DateTime,
    states: Type.Array(
      Type.Object({ state_type: ref(StateType), state_name: Type.String(), count_runs: Type.Integer(), sum_estimated_run_time: Type.Number(), sum_estimated_lateness: Type.Number() }),
    ),
  }),
);

const historyWindow = { history_start: DateTime, history_end: DateTime, history_interval_seconds: Duration };

const FlowRunHistoryBody = Type.Object({
  ...historyWindow,
  flows: Opt(ref(FlowFilter)),
  flow_runs: Opt(ref(FlowRunFilter)),
  task_runs: Opt(ref(TaskRunFilter)),
  deployments: Opt(ref(DeploymentFilter)),
  work_pools: Opt(ref(WorkPoolFilter)),
  work_queues: Opt(ref(WorkQueueFilter)),
});
const TaskRunHistoryBody = Type.Object({
  ...historyWindow,
  flows: Opt(ref(FlowFilter)),
  flow_runs: Opt(ref(FlowRunFilter)),
  task_runs: Opt(ref(TaskRunFilter)),
  deployments: Opt(ref(DeploymentFilter)),
});

const MAX_INTERVALS = 500;

function window(body: { history_start: string; history_end: string; history_interval_seconds: number | string }) {
  const seconds = parseDuration(body.history_interval_seconds)!;
  if (!(seconds >= 1)) throw new RequestValidationError(['body', 'history_interval_seconds'], 'History interval must not be less than 1 second.', 'value_error');
  const start = parseDateTime(body.history_start)!;
  const end = parseDateTime(body.history_end)!;
  const width = Math.round(seconds * 1e6);
  if (end > start && Math.ceil((end - start) / width) > MAX_INTERVALS) {
    throw new RequestValidationError(['body', 'history_interval_seconds'], `History interval is too small: at most ${MAX_INTERVALS} intervals are returned.`, 'value_error');
  }
  return { start, end, width };
}

export function historyRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/flow_runs/history',
    { schema: { tags: ['Flow Runs'], operationId: 'flowRunHistory', body: FlowRunHistoryBody, response: { 200: Type.Array(ref(HistoryResponse)) } } },
    async (req) => {
      const { start, end, width } = window(req.body);
      const { work_queues, ...rest } = req.body;
      return runHistory(ctx.db, 'flow_run', { ...rest, work_pool_queues: work_queues }, start, end, width);
    },
  );
  app.post(
    '/api/task_runs/history',
    { schema: { tags: ['Task Runs'], operationId: 'taskRunHistory', body: TaskRunHistoryBody, response: { 200: Type.Array(ref(HistoryResponse)) } } },
    async (req) => {
      const { start, end, width } = window(req.body);
      return runHistory(ctx.db, 'task_run', req.body, start, end, width);
    },
  );
  app.post(
    '/api/ui/flow_runs/history',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunHistory',
        body: Type.Object({ ...RunFilterKeys, sort: Type.Optional(ref(FlowRunSort)), ...Pagination }),
        response: {
          200: Type.Array(Type.Object({ id: Uuid, state_type: Nullable(ref(StateType)), timestamp: Nullable(DateTime), duration: Type.Number(), lateness: Type.Number() })),
        },
      },
    },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body, 1000);
      return uiFlowRunHistory(ctx.db, req.body, limit, offset);
    },
  );
}
