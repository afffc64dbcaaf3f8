import type { AppContext } from '../context.ts';
import { failureGroups } from '../db/failures.ts';
import { RequestValidationError } from '../errors.ts';
import { parseDateTime } from '../lib/time.ts';
import type { App } from './common.ts';
import { DateTime, model, Nullable, Opt, ref, strict, Type, Uuid } from './models/common.ts';
import { DeploymentFilter, FlowFilter, FlowRunFilter, TaskRunFilter, WorkPoolFilter } from './models/filters.ts';

/** Feature flags of this module (served in `/ui-settings`). */
export const FAILURE_FLAGS = ['failure_groups'];

export const FailureGroup = model(
  'FailureGroup',
  Type.Object({
    signature: Type.String({ description: 'Exception type and message with quoted values, ids, times, paths and numbers replaced by <str>, <uuid>, <time>, <path>, <id>, <n>.' }),
    count: Type.Integer(),
    first_seen: DateTime,
    last_seen: DateTime,
    buckets: Type.Array(Type.Integer(), { description: 'Failures per equal slice of [start, end), for a sparkline.' }),
    flow_ids: Type.Array(Uuid, { description: 'Flows affected (at most 20).' }),
    deployment_ids: Type.Array(Uuid, { description: 'Deployments affected (at most 20).' }),
    example: Type.Object({ run_id: Uuid, run_name: Type.String(), flow_run_id: Nullable(Uuid), message: Nullable(Type.String()), traceback: Nullable(Type.String({ description: 'The run’s last error log line (the engine logs the stack there).' })) }),
  }),
);

export function failureRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/ui/failures',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFailureGroups',
        description: 'Extension: Failed and Crashed flow runs (or task runs) whose state was set in [start, end), grouped by failure signature, largest groups first, with the usual run filters.',
        body: Type.Object(
          {
            kind: Type.Optional(Type.Enum(['flow_runs', 'task_runs'], { default: 'flow_runs' })),
            start: DateTime,
            end: DateTime,
            buckets: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
            flows: Opt(ref(FlowFilter)),
            flow_runs: Opt(ref(FlowRunFilter)),
            task_runs: Opt(ref(TaskRunFilter)),
            deployments: Opt(ref(DeploymentFilter)),
            work_pools: Opt(ref(WorkPoolFilter)),
          },
          strict,
        ),
        response: { 200: Type.Object({ total: Type.Integer({ description: 'Failed and crashed runs in the range, all groups.' }), groups: Type.Array(ref(FailureGroup)) }) },
      },
    },
    async (req) => {
      const { kind, start, end, buckets, limit, ...filters } = req.body;
      const from = parseDateTime(start)!;
      const to = parseDateTime(end)!;
      if (!(to > from)) throw new RequestValidationError(['body', 'end'], 'end must be after start.', 'value_error');
      return failureGroups(ctx.db, kind === 'task_runs' ? 'task_run' : 'flow_run', filters, from, to, buckets ?? 24, limit ?? 50);
    },
  );
}
