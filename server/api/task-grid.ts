import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { taskGrid } from '../db/task-grid.ts';
import { RequestValidationError } from '../errors.ts';
import type { App } from './common.ts';
import { DateTime, model, Nullable, ref, strict, Type, Uuid, type Static } from './models/common.ts';
import { STATE_TYPES, StateType } from './models/states.ts';

/** Feature flags of this module (served in `/ui-settings`). */
export const TASK_GRID_FLAGS = ['flow_run_task_grid'];

export const TaskGridCell = model(
  'TaskGridCell',
  Type.Object({
    count: Type.Integer({ description: 'Task runs of this key in this run (a mapped task runs many times).' }),
    states: Type.Partial(Type.Object(Object.fromEntries(STATE_TYPES.map((t) => [t, Type.Integer()])) as Record<(typeof STATE_TYPES)[number], ReturnType<typeof Type.Integer>>), {
      description: 'Those task runs by state type; types with none are left out.',
    }),
    task_run_id: Type.String({ format: 'uuid', description: 'The task run the cell opens: the first failed (or crashed) one, else the latest.' }),
    name: Type.String(),
    state_type: ref(StateType),
    state_name: Nullable(Type.String()),
    duration: Type.Number({ description: 'Run time of that task run in seconds (a running one up to now).' }),
  }),
);

export const TaskGridRow = model(
  'TaskGridRow',
  Type.Object({
    task_key: Type.String(),
    label: Type.String({ description: 'The task run name without its `-<n>` suffix, else the task key.' }),
    depth: Type.Integer({ description: '0 for the runs’ own tasks, 1 for the tasks of their subflows, …' }),
    parent: Nullable(Type.Integer({ description: 'Index in `rows` of the subflow row above this one.' })),
    subflow: Type.Boolean({ description: 'The key’s task runs started child flow runs; their rows follow this one.' }),
    subflow_name: Nullable(Type.String()),
    cells: Type.Array(Nullable(ref(TaskGridCell)), { description: 'One per run, in the order of `runs`; null where the key did not run.' }),
  }),
);

export const TaskGridRun = model(
  'TaskGridRun',
  Type.Object({ id: Uuid, name: Type.String(), state_type: Nullable(ref(StateType)), state_name: Nullable(Type.String()), start_time: Nullable(DateTime), expected_start_time: Nullable(DateTime) }),
);

export const TaskGridResponse = model(
  'TaskGrid',
  Type.Object({
    runs: Type.Array(ref(TaskGridRun), { description: 'Oldest first (the newest column is on the right).' }),
    rows: Type.Array(ref(TaskGridRow), { description: 'Task keys in first-seen order; a subflow row is followed by its own rows.' }),
    omitted_rows: Type.Integer({ description: 'Rows left out beyond 1,000.' }),
  }),
);

export function taskGridRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/ui/flow_runs/task_grid',
    {
      schema: {
        tags: ['UI'],
        operationId: 'uiFlowRunTaskGrid',
        description:
          'Extension: the last `limit` runs of a flow or deployment (scheduled ones left out) × their task keys, each cell the states of that key in that run, aggregated on the server. 404 for an unknown flow or deployment.',
        body: Type.Object({ flow_id: Type.Optional(Uuid), deployment_id: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })) }, strict),
        response: { 200: ref(TaskGridResponse) },
      },
    },
    async (req, reply) => {
      const { flow_id, deployment_id, limit } = req.body;
      if (!flow_id && !deployment_id) throw new RequestValidationError(['body', 'flow_id'], 'A flow_id or a deployment_id is required.');
      const grid: Static<typeof TaskGridResponse> = await taskGrid(ctx.db, { flow_id, deployment_id, limit: limit ?? 25 });
      // Up to 100,000 cells: JSON.stringify is about four times faster than the schema serializer, which picks each cell's
      // `anyOf` branch by validating it. The type above keeps the answer to the documented schema.
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(JSON.stringify(grid));
    },
  );
}
