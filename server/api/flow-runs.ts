import type { AppContext } from '../context.ts';
import { countFlowRuns, filterFlowRuns, flowRunLateness, insertFlowRun, readFlowRun } from '../db/flow-runs.ts';
import { flowRunDependencies, flowRunGraph } from '../db/graph.ts';
import { normalizeFlowRunPolicy } from '../db/runs.ts';
import { HttpError, notFound, RequestValidationError } from '../errors.ts';
import { jobVariableErrors, resolvedTemplateDefaults, templateOfQueue } from '../db/work-pools.ts';
import { toJson } from '../lib/json.ts';
import { nowMicros, parseDateTime } from '../lib/time.ts';
import { resumeFlowRun } from '../orchestration/resume.ts';
import { emitWrites, setRunState, setRunStateIn } from '../orchestration/set-state.ts';
import { IdParams, pagination, type App } from './common.ts';
import { DateTime, JsonObject, model, Nullable, Pagination, ref, Type, Uuid, type Static } from './models/common.ts';
import { FlowRunSort, RunFilterKeys } from './models/filters.ts';
import { FlowRun, FlowRunCreate, FlowRunUpdate } from './models/runs.ts';
import { OrchestrationResult, SetStateBody, State, StateType } from './models/states.ts';

const FilterBody = Type.Object({ ...RunFilterKeys, sort: Type.Optional(ref(FlowRunSort)), ...Pagination });
const CountBody = Type.Object(RunFilterKeys);

const GraphArtifact = model('GraphArtifact', Type.Object({ id: Uuid, created: DateTime, key: Nullable(Type.String()), type: Nullable(Type.String()), is_latest: Type.Boolean() }));
const GraphNode = model(
  'GraphNode',
  Type.Object({
    kind: Type.Enum(['flow-run', 'task-run']),
    id: Uuid,
    label: Type.String(),
    state_type: Nullable(ref(StateType)),
    start_time: DateTime,
    end_time: Nullable(DateTime),
    task_key: Type.String({ description: "The task run's task key (a subflow: its parent task's); runs of one mapped task share it." }),
    // Beyond the contract's node (allowed extras): start to end spans the waits between attempts.
    total_run_time: Type.Number({ description: 'Seconds spent RUNNING, summed over attempts (as on TaskRun).' }),
    estimated_run_time: Type.Number({ description: 'total_run_time plus, while RUNNING, the time since state_timestamp.' }),
    state_timestamp: Nullable(DateTime),
    parents: Type.Array(Type.Object({ id: Uuid })),
    children: Type.Array(Type.Object({ id: Uuid })),
    artifacts: Type.Array(ref(GraphArtifact)),
  }),
);
const Graph = model(
  'Graph',
  Type.Object({
    start_time: DateTime,
    end_time: Nullable(DateTime),
    root_node_ids: Type.Array(Uuid),
    nodes: Type.Array(Type.Unsafe<[string, Static<typeof GraphNode>]>({ type: 'array', prefixItems: [{ type: 'string', format: 'uuid' }, ref(GraphNode)], items: false, minItems: 2, maxItems: 2 })),
    artifacts: Type.Array(ref(GraphArtifact)),
    states: Type.Array(Type.Object({ id: Uuid, timestamp: DateTime, type: ref(StateType), name: Type.String() })),
  }),
);

/** One task run of the superseded v1 graph (`GET /flow_runs/{id}/graph`). */
const TaskRunDependency = model(
  'TaskRunDependency',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    upstream_dependencies: Type.Array(Type.Object({ input_type: Type.Literal('task_run'), id: Uuid })),
    state: Nullable(ref(State)),
    expected_start_time: Nullable(DateTime),
    start_time: Nullable(DateTime),
    end_time: Nullable(DateTime),
    total_run_time: Type.Number(),
    estimated_run_time: Type.Number(),
    untrackable_result: Type.Boolean(),
  }),
);

export function flowRunRoutes(app: App, ctx: AppContext) {
  const tags = ['Flow Runs'];
  const getOr404 = async (id: string) => (await readFlowRun(ctx.db.kysely, id)) ?? Promise.reject(notFound('Flow run not found'));

  app.post('/api/flow_runs/', { schema: { tags, operationId: 'createFlowRun', body: ref(FlowRunCreate), response: { 200: ref(FlowRun), 201: ref(FlowRun) } } }, async (req, reply) => {
    const { state, ...input } = req.body;
    const { id, created, writes } = await ctx.db.transaction(async (trx) => {
      const inserted = await insertFlowRun(trx, input);
      if (!inserted.created) return { ...inserted, writes: [] };
      const outcome = await setRunStateIn(ctx, trx, 'flow', inserted.id, state ?? { type: 'PENDING' }, { force: true, req });
      return { ...inserted, writes: outcome.writes };
    });
    emitWrites(ctx, writes);
    return reply.code(created ? 201 : 200).send(await getOr404(id));
  });

  app.get('/api/flow_runs/:id', { schema: { tags, operationId: 'readFlowRun', params: IdParams, response: { 200: ref(FlowRun) } } }, async (req) => getOr404(req.params.id));

  app.patch('/api/flow_runs/:id', { schema: { tags, operationId: 'updateFlowRun', params: IdParams, body: ref(FlowRunUpdate) } }, async (req, reply) => {
    const body = req.body;
    const run = await getOr404(req.params.id);
    if (body.job_variables !== undefined && (run.state_type !== 'SCHEDULED' || !run.deployment_id)) {
      throw new HttpError(400, 'Job variables for a flow run can only be updated when the flow run is SCHEDULED and has a deployment.');
    }
    const set: Record<string, unknown> = { updated: nowMicros() };
    if (body.name !== undefined && body.name !== null) set.name = body.name;
    if (body.flow_version !== undefined) set.flow_version = body.flow_version;
    if (body.parameters !== undefined) set.parameters = toJson(body.parameters);
    if (body.empirical_policy !== undefined) set.empirical_policy = toJson(normalizeFlowRunPolicy(body.empirical_policy as never));
    if (body.tags !== undefined) set.tags = toJson(body.tags);
    if (body.infrastructure_pid !== undefined) set.infrastructure_pid = body.infrastructure_pid;
    if (body.job_variables !== undefined) {
      if (body.job_variables) {
        const template = await templateOfQueue(ctx.db.kysely, run.work_queue_id);
        const problem = jobVariableErrors(template, { ...(await resolvedTemplateDefaults(ctx.db.kysely, ctx.secrets, template)), ...body.job_variables });
        if (problem) throw new RequestValidationError(['body', 'job_variables'], problem);
      }
      set.job_variables = body.job_variables === null ? null : toJson(body.job_variables);
    }
    await ctx.db.kysely.updateTable('flow_run').set(set).where('id', '=', req.params.id).execute();
    return reply.code(204).send();
  });

  app.delete('/api/flow_runs/:id', { schema: { tags, operationId: 'deleteFlowRun', params: IdParams } }, async (req, reply) => {
    const res = await ctx.db.kysely.deleteFrom('flow_run').where('id', '=', req.params.id).executeTakeFirst();
    if (!res.numDeletedRows) throw notFound('Flow run not found');
    return reply.code(204).send();
  });

  app.post('/api/flow_runs/filter', { schema: { tags, operationId: 'filterFlowRuns', body: FilterBody, response: { 200: Type.Array(ref(FlowRun)) } } }, async (req) => {
    const { limit, offset } = pagination(ctx, req.body);
    return filterFlowRuns(ctx.db, req.body, limit, offset);
  });

  app.post('/api/flow_runs/count', { schema: { tags, operationId: 'countFlowRuns', body: CountBody, response: { 200: Type.Integer() } } }, async (req) => countFlowRuns(ctx.db, req.body));

  app.post('/api/flow_runs/lateness', { schema: { tags, operationId: 'flowRunLateness', body: CountBody, response: { 200: Nullable(Type.Number()) } } }, async (req) => flowRunLateness(ctx.db, req.body));

  app.post(
    '/api/flow_runs/:id/set_state',
    { schema: { tags, operationId: 'setFlowRunState', params: IdParams, body: SetStateBody, response: { 200: ref(OrchestrationResult), 201: ref(OrchestrationResult) } } },
    async (req, reply) => {
      const outcome = await setRunState(ctx, 'flow', req.params.id, req.body.state, { force: req.body.force ?? false, req });
      return reply.code(outcome.written ? 201 : 200).send(outcome.result);
    },
  );

  app.post(
    '/api/flow_runs/:id/resume',
    {
      schema: {
        tags,
        operationId: 'resumeFlowRun',
        params: IdParams,
        body: Type.Object({ run_input: Type.Optional(Nullable(JsonObject)) }),
        response: { 200: ref(OrchestrationResult), 201: ref(OrchestrationResult) },
      },
    },
    async (req, reply) => {
      const outcome = await resumeFlowRun(ctx, req.params.id, req.body.run_input, req);
      return reply.code(outcome.written ? 201 : 200).send(outcome.result);
    },
  );

  app.get(
    '/api/flow_runs/:id/graph-v2',
    { schema: { tags, operationId: 'flowRunGraphV2', params: IdParams, querystring: Type.Object({ since: Type.Optional(DateTime) }), response: { 200: ref(Graph) } } },
    async (req) => {
      const since = req.query.since ? parseDateTime(req.query.since) : null;
      return flowRunGraph(ctx.db, req.params.id, since, ctx.settings.maxGraphNodes, ctx.settings.maxGraphArtifacts);
    },
  );

  app.get('/api/flow_runs/:id/graph', { schema: { tags, operationId: 'flowRunGraph', params: IdParams, response: { 200: Type.Array(ref(TaskRunDependency)) } } }, async (req) =>
    flowRunDependencies(ctx.db, req.params.id, ctx.settings.maxGraphNodes),
  );
}
