import type { AppContext } from '../context.ts';
import { hydrateParameters, HydrationError, parameterProblem } from '../db/deployments.ts';
import { insertFlowRun, readFlowRun } from '../db/flow-runs.ts';
import { decodeFlowRun, selectFlowRuns } from '../db/runs.ts';
import { jobVariableErrors, resolveQueue, resolvedTemplateDefaults } from '../db/work-pools.ts';
import { HttpError, notFound } from '../errors.ts';
import { fromJson } from '../lib/json.ts';
import { nowMicros, parseDateTime, parseDuration } from '../lib/time.ts';
import { emitWrites, setRunStateIn } from '../orchestration/set-state.ts';
import { defaultWindow, generateScheduledRuns } from '../services/scheduling.ts';
import { IdParams, pagination, type App } from './common.ts';
import { DateTime, Int, ref, Type, Uuid } from './models/common.ts';
import { DeploymentFlowRunCreate, ScheduleRunsBody } from './models/deployments.ts';
import { FlowRun } from './models/runs.ts';

export function deploymentRunRoutes(app: App, ctx: AppContext) {
  const tags = ['Deployments'];
  const k = ctx.db.kysely;

  app.post(
    '/api/deployments/:id/create_flow_run',
    { schema: { tags, operationId: 'createFlowRunFromDeployment', params: IdParams, body: ref(DeploymentFlowRunCreate), response: { 200: ref(FlowRun), 201: ref(FlowRun) } } },
    async (req, reply) => {
      const body = req.body;
      const { id, created, writes } = await ctx.db.transaction(async (trx) => {
        const deployment = await trx.selectFrom('deployment').selectAll().where('id', '=', req.params.id).executeTakeFirst();
        if (!deployment) throw notFound('Deployment not found');
        const merged = { ...fromJson<Record<string, unknown>>(deployment.parameters, {}), ...(body.parameters ?? {}) };
        let parameters: Record<string, unknown>;
        try {
          parameters = await hydrateParameters(trx, merged);
        } catch (err) {
          if (err instanceof HydrationError) throw new HttpError(400, `Error hydrating flow run parameters: ${err.message}`);
          throw err;
        }
        if (body.enforce_parameter_schema ?? Boolean(deployment.enforce_parameter_schema)) {
          const schema = fromJson<Record<string, unknown> | null>(deployment.parameter_openapi_schema, null);
          if (!schema) throw new HttpError(409, 'Error creating flow run: the deployment has no parameter schema to validate against.');
          const problem = parameterProblem(schema, parameters, true);
          if (problem) throw new HttpError(409, `Error creating flow run: ${problem}`);
        }

        let queueId = deployment.work_queue_id;
        let queueName = deployment.work_queue_name;
        let template: Record<string, unknown> = {};
        const pool = queueId
          ? await trx.selectFrom('work_queue').innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id').select(['work_pool.name', 'work_pool.base_job_template']).where('work_queue.id', '=', queueId).executeTakeFirst()
          : undefined;
        if (pool) template = fromJson(pool.base_job_template, {});
        if (body.work_queue_name && body.work_queue_name !== queueName) {
          const queue = await resolveQueue(trx, pool?.name ?? null, body.work_queue_name);
          queueId = queue?.work_queue_id ?? null;
          queueName = queue?.work_queue_name ?? null;
        }
        const jobVariables = { ...fromJson<Record<string, unknown>>(deployment.infra_overrides, {}), ...(body.job_variables ?? {}) };
        const problem = jobVariableErrors(template, { ...(await resolvedTemplateDefaults(trx, ctx.secrets, template)), ...jobVariables }, true);
        if (problem) throw new HttpError(422, `Error creating flow run: ${problem}`);

        const deploymentTags = fromJson<string[]>(deployment.tags, []);
        const inserted = await insertFlowRun(trx, {
          flow_id: deployment.flow_id,
          name: body.name,
          parameters,
          context: body.context ?? {},
          parent_task_run_id: body.parent_task_run_id,
          infrastructure_document_id: body.infrastructure_document_id ?? deployment.infrastructure_document_id,
          empirical_policy: body.empirical_policy,
          tags: [...new Set([...deploymentTags, ...(body.tags ?? [])])],
          idempotency_key: body.idempotency_key,
          deployment_id: deployment.id,
          deployment_version: deployment.version,
          work_queue_id: queueId,
          work_queue_name: queueName,
          job_variables: body.job_variables ?? null,
        });
        if (!inserted.created) return { ...inserted, writes: [] };
        const outcome = await setRunStateIn(ctx, trx, 'flow', inserted.id, body.state ?? { type: 'SCHEDULED' }, { force: true, req });
        return { ...inserted, writes: outcome.writes };
      });
      emitWrites(ctx, writes);
      return reply.code(created ? 201 : 200).send((await readFlowRun(k, id))!);
    },
  );

  app.post('/api/deployments/:id/schedule', { schema: { tags, operationId: 'scheduleDeployment', params: IdParams, body: ScheduleRunsBody, response: { 200: Type.Null() } } }, async (req) => {
    const s = ctx.settings.services.scheduler;
    const body = req.body;
    const now = nowMicros();
    const window = defaultWindow(now, s);
    if (body.start_time) window.start = parseDateTime(body.start_time)!;
    if (body.end_time) window.end = parseDateTime(body.end_time)!;
    if (body.min_time !== undefined && body.min_time !== null) window.minTime = parseDuration(body.min_time)! * 1e6;
    if (body.min_runs !== undefined && body.min_runs !== null) window.minRuns = body.min_runs;
    if (body.max_runs !== undefined && body.max_runs !== null) window.maxRuns = body.max_runs;
    await ctx.db.transaction(async (trx) => {
      const deployment = await trx.selectFrom('deployment').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!deployment) throw notFound('Deployment not found');
      const schedules = await trx.selectFrom('deployment_schedule').select('schedule').where('deployment_id', '=', deployment.id).where('active', '=', 1).execute();
      await generateScheduledRuns(trx, deployment, schedules.map((r) => JSON.parse(r.schedule)), window);
    });
    return null;
  });

  app.post(
    '/api/deployments/get_scheduled_flow_runs',
    {
      schema: {
        tags,
        operationId: 'getScheduledFlowRunsForDeployments',
        body: Type.Object({ deployment_ids: Type.Array(Uuid, { maxItems: 10000 }), scheduled_before: Type.Optional(DateTime), limit: Type.Optional(Int({ minimum: 0 })) }),
        response: { 200: Type.Array(ref(FlowRun)) },
      },
    },
    async (req) => {
      const { limit } = pagination(ctx, { limit: req.body.limit ?? ctx.settings.defaultLimit });
      const ids = req.body.deployment_ids;
      if (ids.length === 0) return [];
      const now = nowMicros();
      let q = selectFlowRuns(k).where('flow_run.deployment_id', 'in', ids).where('flow_run.state_type', '=', 'SCHEDULED');
      if (req.body.scheduled_before) q = q.where('flow_run.next_scheduled_start_time', '<=', parseDateTime(req.body.scheduled_before)!);
      const rows = await q.orderBy('flow_run.next_scheduled_start_time').limit(limit).execute();
      const ready = await k.updateTable('deployment').set({ status: 'READY' }).where('id', 'in', ids).where('status', '=', 'NOT_READY').returning('id').execute();
      await k.updateTable('deployment').set({ last_polled: now, status: 'READY' }).where('id', 'in', ids).execute();
      ctx.eventLog.recordStatusChanges(ready.map((d) => ({ kind: 'deployment', id: d.id, status: 'READY' })));
      return rows.map((r) => decodeFlowRun(r, now));
    },
  );
}

