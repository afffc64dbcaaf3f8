import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/connection.ts';
import {
  deleteAutoScheduledRuns,
  deploymentWhere,
  hydrateParameters,
  HydrationError,
  insertSchedules,
  parameterProblem,
  readDeployment,
  readDeployments,
  replaceSchedules,
  schedulesOf,
  selectDeployments,
} from '../db/deployments.ts';
import { jobVariableErrors, resolveQueue, resolvedTemplateDefaults } from '../db/work-pools.ts';
import { HttpError, notFound, RequestValidationError } from '../errors.ts';
import { fromJson, toJson } from '../lib/json.ts';
import { schemaProblem } from '../lib/json-schema.ts';
import { normalizeSchedule, type ScheduleInput } from '../lib/schedules/index.ts';
import { nowMicros } from '../lib/time.ts';
import { IdParams, pagination, type App } from './common.ts';
import { Pagination, ref, Type } from './models/common.ts';
import {
  Deployment,
  DeploymentCreate,
  DeploymentSchedule,
  DeploymentScheduleCreate,
  DeploymentScheduleUpdate,
  DeploymentUpdate,
  type DeploymentCreateT,
  type DeploymentScheduleCreateT,
  type DeploymentUpdateT,
} from './models/deployments.ts';
import { FlowSort, RunFilterKeys } from './models/filters.ts';

const DEPLOYMENT_NOT_FOUND = 'Deployment not found';
const ScheduleParams = Type.Object({ id: Type.String({ format: 'uuid' }), schedule_id: Type.String({ format: 'uuid' }) });

/** Requests send `job_variables` or `infra_overrides` (both: must be equal). */
function jobVariablesOf(body: { job_variables?: Record<string, unknown> | null; infra_overrides?: Record<string, unknown> | null }): Record<string, unknown> | undefined {
  const { job_variables: jv, infra_overrides: io } = body;
  if (jv !== undefined && io !== undefined && JSON.stringify(jv) !== JSON.stringify(io)) {
    throw new RequestValidationError(['body', 'job_variables'], '`job_variables` and `infra_overrides` are both given and differ; send one of them.');
  }
  const value = jv ?? io;
  return value === null ? {} : value;
}

/** Job variables against the pool's template (template defaults first). Create → 422, update → 409. */
async function checkJobVariables(ctx: AppContext, trx: Executor, queueId: string | null, values: Record<string, unknown>, onCreate: boolean) {
  if (!queueId) return;
  const pool = await trx.selectFrom('work_queue').innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id').select('work_pool.base_job_template').where('work_queue.id', '=', queueId).executeTakeFirst();
  if (!pool) return;
  const template = fromJson<Record<string, unknown>>(pool.base_job_template, {});
  const problem = jobVariableErrors(template, { ...(await resolvedTemplateDefaults(trx, ctx.secrets, template)), ...values });
  if (!problem) return;
  if (onCreate) throw new RequestValidationError(['body', 'job_variables'], `Error creating deployment: ${problem}`);
  throw new HttpError(409, `Error updating deployment: ${problem}`);
}

function pausedFrom(body: { paused?: boolean | null; is_schedule_active?: boolean | null }): boolean | undefined {
  if (body.paused !== undefined && body.paused !== null) return body.paused;
  if (body.is_schedule_active !== undefined && body.is_schedule_active !== null) return !body.is_schedule_active;
  return undefined;
}

function schedulesFrom(body: { schedules?: DeploymentScheduleCreateT[] | null; schedule?: unknown }): DeploymentScheduleCreateT[] | undefined {
  if (body.schedules !== undefined && body.schedules !== null) return body.schedules;
  if (body.schedule !== undefined && body.schedule !== null) return [{ schedule: body.schedule as DeploymentScheduleCreateT['schedule'] }];
  return undefined;
}

async function upsertDeployment(ctx: AppContext, trx: Executor, body: DeploymentCreateT): Promise<{ id: string; created: boolean }> {
  const flow = await trx.selectFrom('flow').select('id').where('id', '=', body.flow_id).executeTakeFirst();
  if (!flow) throw new HttpError(404, 'Flow not found');
  const schema = body.parameter_openapi_schema ?? null;
  if (schema) {
    const problem = schemaProblem(schema);
    if (problem) throw new RequestValidationError(['body', 'parameter_openapi_schema'], `The parameter schema is not a valid JSON schema: ${problem}`);
  }
  const jobVariables = jobVariablesOf(body) ?? {};
  const parameters = body.parameters ?? {};
  if (body.enforce_parameter_schema && schema) {
    let hydrated: Record<string, unknown>;
    try {
      hydrated = await hydrateParameters(trx, parameters);
    } catch (err) {
      if (err instanceof HydrationError) throw new RequestValidationError(['body', 'parameters'], `Error hydrating parameters: ${err.message}`);
      throw err;
    }
    const problem = parameterProblem(schema, hydrated, false);
    if (problem) throw new RequestValidationError(['body', 'parameters'], problem);
  }
  const queue = await resolveQueue(trx, body.work_pool_name, body.work_queue_name);
  await checkJobVariables(ctx, trx, queue?.work_queue_id ?? null, jobVariables, true);
  await ctx.hooks.checkDocuments(trx, body.storage_document_id, body.infrastructure_document_id);

  const now = nowMicros();
  const values = {
    updated: now,
    version: body.version ?? null,
    description: body.description ?? null,
    path: body.path ?? null,
    entrypoint: body.entrypoint ?? null,
    manifest_path: body.manifest_path ?? null,
    pull_steps: body.pull_steps ? toJson(body.pull_steps) : null,
    paused: pausedFrom(body) ? 1 : 0,
    infra_overrides: toJson(jobVariables),
    parameters: toJson(parameters),
    tags: toJson(body.tags ?? []),
    parameter_openapi_schema: schema ? toJson(schema) : null,
    enforce_parameter_schema: body.enforce_parameter_schema ? 1 : 0,
    work_queue_id: queue?.work_queue_id ?? null,
    work_queue_name: queue?.work_queue_name ?? null,
    storage_document_id: body.storage_document_id ?? null,
    infrastructure_document_id: body.infrastructure_document_id ?? null,
    created_by: body.created_by ? toJson(body.created_by) : null,
    updated_by: body.updated_by ? toJson(body.updated_by) : null,
  };
  const existing = await trx.selectFrom('deployment').select('id').where('flow_id', '=', body.flow_id).where('name', '=', body.name).executeTakeFirst();
  let id: string;
  if (existing) {
    id = existing.id;
    await trx.updateTable('deployment').set(values).where('id', '=', id).execute();
  } else {
    id = randomUUID();
    await trx
      .insertInto('deployment')
      .values({ ...values, id, created: now, name: body.name, flow_id: body.flow_id, last_polled: null, status: 'NOT_READY' })
      .execute();
  }
  const schedules = schedulesFrom(body);
  if (schedules) await replaceSchedules(trx, id, schedules);
  await deleteAutoScheduledRuns(trx, id);
  return { id, created: !existing };
}

async function updateDeployment(ctx: AppContext, trx: Executor, id: string, body: DeploymentUpdateT) {
  const row = await trx.selectFrom('deployment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(DEPLOYMENT_NOT_FOUND);
  const scheduleCount = (await schedulesOf(trx, [id])).get(id)!.length;
  if (scheduleCount > 1 && ((body.schedule !== undefined && body.schedules === undefined) || (body.is_schedule_active !== undefined && body.paused === undefined))) {
    throw new RequestValidationError(['body', body.schedule !== undefined ? 'schedule' : 'is_schedule_active'], 'This deployment has several schedules: use `schedules` and `paused` instead.');
  }
  const now = nowMicros();
  const set: Record<string, unknown> = { updated: now };
  const copy = ['version', 'description', 'path', 'entrypoint', 'manifest_path', 'storage_document_id', 'infrastructure_document_id'] as const;
  for (const key of copy) if (body[key] !== undefined) set[key] = body[key];
  if (body.tags !== undefined) set.tags = toJson(body.tags ?? []);
  if (body.created_by !== undefined) set.created_by = body.created_by ? toJson(body.created_by) : null;
  if (body.updated_by !== undefined) set.updated_by = body.updated_by ? toJson(body.updated_by) : null;
  if (body.enforce_parameter_schema !== undefined) set.enforce_parameter_schema = body.enforce_parameter_schema ? 1 : 0;
  const paused = pausedFrom(body);
  if (paused !== undefined) set.paused = paused ? 1 : 0;

  let queueId = row.work_queue_id;
  if (body.work_pool_name !== undefined || body.work_queue_name !== undefined) {
    const currentPool = row.work_queue_id
      ? (await trx.selectFrom('work_queue').innerJoin('work_pool', 'work_pool.id', 'work_queue.work_pool_id').select('work_pool.name').where('work_queue.id', '=', row.work_queue_id).executeTakeFirst())?.name
      : undefined;
    const queue = await resolveQueue(trx, body.work_pool_name !== undefined ? body.work_pool_name : currentPool, body.work_queue_name !== undefined ? body.work_queue_name : row.work_queue_name);
    queueId = queue?.work_queue_id ?? null;
    set.work_queue_id = queueId;
    set.work_queue_name = queue?.work_queue_name ?? null;
  }
  const jobVariables = jobVariablesOf(body);
  if (jobVariables !== undefined) set.infra_overrides = toJson(jobVariables);
  await checkJobVariables(ctx, trx, queueId, jobVariables ?? fromJson(row.infra_overrides, {}), false);

  const parameters = body.parameters !== undefined ? (body.parameters ?? {}) : fromJson<Record<string, unknown>>(row.parameters, {});
  if (body.parameters !== undefined) set.parameters = toJson(parameters);
  const enforce = body.enforce_parameter_schema ?? Boolean(row.enforce_parameter_schema);
  if (body.parameters !== undefined || body.enforce_parameter_schema) {
    let hydrated: Record<string, unknown>;
    try {
      hydrated = await hydrateParameters(trx, parameters);
    } catch (err) {
      if (err instanceof HydrationError) throw new HttpError(400, `Error hydrating parameters: ${err.message}`);
      throw err;
    }
    const problem = enforce ? parameterProblem(fromJson(row.parameter_openapi_schema, null), hydrated, false) : null;
    if (problem) throw new HttpError(409, `Error updating deployment: ${problem}`);
  }
  await ctx.hooks.checkDocuments(trx, body.storage_document_id, body.infrastructure_document_id);
  await trx.updateTable('deployment').set(set).where('id', '=', id).execute();

  const schedules = schedulesFrom(body);
  if (schedules) await replaceSchedules(trx, id, schedules);
  else if (paused !== undefined && scheduleCount === 1 && body.is_schedule_active !== undefined) {
    await trx.updateTable('deployment_schedule').set({ active: paused ? 0 : 1, updated: now }).where('deployment_id', '=', id).execute();
  }
  await deleteAutoScheduledRuns(trx, id);
}

/** pause_deployment / resume_deployment (and their legacy aliases). */
async function setPaused(trx: Executor, id: string, paused: boolean) {
  const row = await trx.selectFrom('deployment').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(DEPLOYMENT_NOT_FOUND);
  const schedules = (await schedulesOf(trx, [id])).get(id)!;
  if (schedules.length > 1) throw new HttpError(422, 'This deployment has several schedules: pause or resume them one by one, or PATCH `paused`.');
  const now = nowMicros();
  await trx.updateTable('deployment').set({ paused: paused ? 1 : 0, updated: now }).where('id', '=', id).execute();
  await trx.updateTable('deployment_schedule').set({ active: paused ? 0 : 1, updated: now }).where('deployment_id', '=', id).execute();
  if (paused) await deleteAutoScheduledRuns(trx, id);
}

export function deploymentRoutes(app: App, ctx: AppContext) {
  const tags = ['Deployments'];
  const k = ctx.db.kysely;
  const getOr404 = async (id: string) => (await readDeployment(k, id)) ?? Promise.reject(notFound(DEPLOYMENT_NOT_FOUND));

  app.post('/api/deployments/', { schema: { tags, operationId: 'createDeployment', body: ref(DeploymentCreate), response: { 200: ref(Deployment), 201: ref(Deployment) } } }, async (req, reply) => {
    const { id, created } = await ctx.db.transaction((trx) => upsertDeployment(ctx, trx, req.body));
    return reply.code(created ? 201 : 200).send(await getOr404(id));
  });

  app.get('/api/deployments/:id', { schema: { tags, operationId: 'readDeployment', params: IdParams, response: { 200: ref(Deployment) } } }, async (req) => getOr404(req.params.id));

  app.get(
    '/api/deployments/name/:flow_name/:deployment_name',
    { schema: { tags, operationId: 'readDeploymentByName', params: Type.Object({ flow_name: Type.String(), deployment_name: Type.String() }), response: { 200: ref(Deployment) } } },
    async (req) => {
      const row = await selectDeployments(k)
        .innerJoin('flow', 'flow.id', 'deployment.flow_id')
        .where('flow.name', '=', req.params.flow_name)
        .where('deployment.name', '=', req.params.deployment_name)
        .executeTakeFirst();
      if (!row) throw notFound(DEPLOYMENT_NOT_FOUND);
      return (await readDeployments(k, [row]))[0];
    },
  );

  app.patch('/api/deployments/:id', { schema: { tags, operationId: 'updateDeployment', params: IdParams, body: ref(DeploymentUpdate) } }, async (req, reply) => {
    await ctx.db.transaction((trx) => updateDeployment(ctx, trx, req.params.id, req.body));
    return reply.code(204).send();
  });

  app.delete('/api/deployments/:id', { schema: { tags, operationId: 'deleteDeployment', params: IdParams } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => {
      const res = await trx.deleteFrom('deployment').where('id', '=', req.params.id).executeTakeFirst();
      if (!res.numDeletedRows) throw notFound(DEPLOYMENT_NOT_FOUND);
      // Only its runs that have not started go with it (contract §3.17).
      await trx.deleteFrom('flow_run').where('deployment_id', '=', req.params.id).where('state_type', '=', 'SCHEDULED').execute();
    });
    return reply.code(204).send();
  });

  app.post(
    '/api/deployments/filter',
    { schema: { tags, operationId: 'filterDeployments', body: Type.Object({ ...RunFilterKeys, sort: Type.Optional(ref(FlowSort)), ...Pagination }), response: { 200: Type.Array(ref(Deployment)) } } },
    async (req) => {
      const { limit, offset } = pagination(ctx, req.body);
      const sort = req.body.sort;
      const order = sort === 'CREATED_DESC' ? sql`deployment.created desc` : sort === 'UPDATED_DESC' ? sql`deployment.updated desc` : sort === 'NAME_DESC' ? sql`deployment.name desc` : sql`deployment.name asc`;
      const rows = await selectDeployments(k).where(deploymentWhere(ctx.db, req.body)).orderBy(order).limit(limit).offset(offset).execute();
      return readDeployments(k, rows);
    },
  );

  app.post('/api/deployments/count', { schema: { tags, operationId: 'countDeployments', body: Type.Object(RunFilterKeys), response: { 200: Type.Integer() } } }, async (req) => {
    const row = await k.selectFrom('deployment').select((eb) => eb.fn.countAll<number>().as('n')).where(deploymentWhere(ctx.db, req.body)).executeTakeFirstOrThrow();
    return Number(row.n);
  });

  for (const [path, paused] of [
    ['pause_deployment', true],
    ['set_schedule_inactive', true],
    ['resume_deployment', false],
    ['set_schedule_active', false],
  ] as const) {
    app.post(`/api/deployments/:id/${path}`, { schema: { tags, operationId: path.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), params: IdParams, response: { 200: Type.Null() } } }, async (req) => {
      await ctx.db.transaction((trx) => setPaused(trx, req.params.id, paused));
      return null;
    });
  }

  // ---- schedules ----

  app.get('/api/deployments/:id/schedules', { schema: { tags, operationId: 'readDeploymentSchedules', params: IdParams, response: { 200: Type.Array(ref(DeploymentSchedule)) } } }, async (req) => {
    await getOr404(req.params.id);
    return (await schedulesOf(k, [req.params.id])).get(req.params.id)!;
  });

  app.post(
    '/api/deployments/:id/schedules',
    { schema: { tags, operationId: 'createDeploymentSchedules', params: IdParams, body: Type.Array(ref(DeploymentScheduleCreate), { maxItems: 100 }), response: { 201: Type.Array(ref(DeploymentSchedule)) } } },
    async (req, reply) => {
      const created = await ctx.db.transaction(async (trx) => {
        if (!(await trx.selectFrom('deployment').select('id').where('id', '=', req.params.id).executeTakeFirst())) throw notFound(DEPLOYMENT_NOT_FOUND);
        const ids = new Set(await insertSchedules(trx, req.params.id, req.body));
        await trx.updateTable('deployment').set({ updated: nowMicros() }).where('id', '=', req.params.id).execute();
        return (await schedulesOf(trx, [req.params.id])).get(req.params.id)!.filter((s) => ids.has(s.id));
      });
      return reply.code(201).send(created);
    },
  );

  app.patch('/api/deployments/:id/schedules/:schedule_id', { schema: { tags, operationId: 'updateDeploymentSchedule', params: ScheduleParams, body: ref(DeploymentScheduleUpdate) } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => {
      const now = nowMicros();
      const set: Record<string, unknown> = { updated: now };
      const b = req.body;
      if (b.schedule) set.schedule = toJson(normalizeSchedule(b.schedule as ScheduleInput, now));
      if (b.active !== undefined && b.active !== null) set.active = b.active ? 1 : 0;
      if (b.max_active_runs !== undefined) set.max_active_runs = b.max_active_runs;
      if (b.max_scheduled_runs !== undefined) set.max_scheduled_runs = b.max_scheduled_runs;
      if (b.catchup !== undefined && b.catchup !== null) set.catchup = b.catchup ? 1 : 0;
      const res = await trx.updateTable('deployment_schedule').set(set).where('id', '=', req.params.schedule_id).where('deployment_id', '=', req.params.id).executeTakeFirst();
      if (!res.numUpdatedRows) throw notFound('Schedule not found.');
      await trx.updateTable('deployment').set({ updated: now }).where('id', '=', req.params.id).execute();
      await deleteAutoScheduledRuns(trx, req.params.id);
    });
    return reply.code(204).send();
  });

  app.delete('/api/deployments/:id/schedules/:schedule_id', { schema: { tags, operationId: 'deleteDeploymentSchedule', params: ScheduleParams } }, async (req, reply) => {
    await ctx.db.transaction(async (trx) => {
      const res = await trx.deleteFrom('deployment_schedule').where('id', '=', req.params.schedule_id).where('deployment_id', '=', req.params.id).executeTakeFirst();
      if (!res.numDeletedRows) throw notFound('Schedule not found.');
      await trx.updateTable('deployment').set({ updated: nowMicros() }).where('id', '=', req.params.id).execute();
      await deleteAutoScheduledRuns(trx, req.params.id);
    });
    return reply.code(204).send();
  });
}
