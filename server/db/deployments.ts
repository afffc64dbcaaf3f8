import { randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { DeploymentScheduleCreateT, DeploymentScheduleT, DeploymentT } from '../api/models/deployments.ts';
import type { RunFilters } from '../api/models/filters.ts';
import { hydrate, HydrationError, referencedVariables } from '../lib/hydration.ts';
import { fromJson, fromJsonNullable, toJson } from '../lib/json.ts';
import { acceptingBlockReferences, describeErrors, validateValues } from '../lib/json-schema.ts';
import { normalizeSchedule, type Schedule, type ScheduleInput } from '../lib/schedules/index.ts';
import { formatDateTime, formatNullable, nowMicros } from '../lib/time.ts';
import type { Db, Executor } from './connection.ts';
import { FilterCompiler } from './filters.ts';
import type { DeploymentScheduleTable, DeploymentTable } from './schema.ts';

export type DeploymentRow = Selectable<DeploymentTable> & { work_pool_name: string | null };

export function selectDeployments(db: Executor) {
  return db
    .selectFrom('deployment')
    .selectAll('deployment')
    .select(sql<string | null>`(select wp.name from work_queue wq join work_pool wp on wp.id = wq.work_pool_id where wq.id = deployment.work_queue_id)`.as('work_pool_name'));
}

export function decodeSchedule(r: Selectable<DeploymentScheduleTable>): DeploymentScheduleT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    deployment_id: r.deployment_id,
    schedule: JSON.parse(r.schedule) as Schedule,
    active: Boolean(r.active),
    max_active_runs: r.max_active_runs,
    max_scheduled_runs: r.max_scheduled_runs,
    catchup: Boolean(r.catchup),
  };
}

/** Schedules of many deployments in one query, newest first (contract §1.4). */
export async function schedulesOf(db: Executor, deploymentIds: string[]): Promise<Map<string, DeploymentScheduleT[]>> {
  const out = new Map<string, DeploymentScheduleT[]>(deploymentIds.map((id) => [id, []]));
  if (deploymentIds.length === 0) return out;
  const rows = await db.selectFrom('deployment_schedule').selectAll().where('deployment_id', 'in', deploymentIds).orderBy('updated', 'desc').orderBy('id').execute();
  for (const r of rows) out.get(r.deployment_id)!.push(decodeSchedule(r));
  return out;
}

export function decodeDeployment(r: DeploymentRow, schedules: DeploymentScheduleT[]): DeploymentT {
  return {
    id: r.id,
    created: formatDateTime(r.created),
    updated: formatDateTime(r.updated),
    name: r.name,
    flow_id: r.flow_id,
    version: r.version,
    description: r.description,
    path: r.path,
    entrypoint: r.entrypoint,
    manifest_path: r.manifest_path,
    pull_steps: fromJsonNullable(r.pull_steps),
    paused: Boolean(r.paused),
    is_schedule_active: !r.paused,
    schedules,
    schedule: schedules[0]?.schedule ?? null,
    infra_overrides: fromJson(r.infra_overrides, {}),
    parameters: fromJson(r.parameters, {}),
    tags: fromJson(r.tags, []),
    parameter_openapi_schema: fromJsonNullable(r.parameter_openapi_schema),
    enforce_parameter_schema: Boolean(r.enforce_parameter_schema),
    work_queue_name: r.work_queue_name,
    work_pool_name: r.work_pool_name,
    last_polled: formatNullable(r.last_polled),
    status: r.status as DeploymentT['status'],
    storage_document_id: r.storage_document_id,
    infrastructure_document_id: r.infrastructure_document_id,
    created_by: fromJsonNullable(r.created_by),
    updated_by: fromJsonNullable(r.updated_by),
  };
}

export async function readDeployments(db: Executor, rows: DeploymentRow[]): Promise<DeploymentT[]> {
  const schedules = await schedulesOf(db, rows.map((r) => r.id));
  return rows.map((r) => decodeDeployment(r, schedules.get(r.id)!));
}

export async function readDeployment(db: Executor, id: string): Promise<DeploymentT | null> {
  const row = await selectDeployments(db).where('deployment.id', '=', id).executeTakeFirst();
  return row ? (await readDeployments(db, [row]))[0] : null;
}

export function deploymentWhere(db: Db, body: RunFilters) {
  return new FilterCompiler(db.dialect).deploymentBody(body, 'deployment');
}

/** A sent list of schedules replaces all of a deployment's schedules. */
export async function replaceSchedules(trx: Executor, deploymentId: string, inputs: DeploymentScheduleCreateT[]): Promise<string[]> {
  await trx.deleteFrom('deployment_schedule').where('deployment_id', '=', deploymentId).execute();
  return insertSchedules(trx, deploymentId, inputs);
}

export async function insertSchedules(trx: Executor, deploymentId: string, inputs: DeploymentScheduleCreateT[]): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) {
    const now = nowMicros();
    const id = randomUUID();
    await trx
      .insertInto('deployment_schedule')
      .values({
        id,
        created: now,
        updated: now,
        deployment_id: deploymentId,
        schedule: toJson(normalizeSchedule(input.schedule as ScheduleInput, now)),
        active: input.active === false ? 0 : 1,
        max_active_runs: input.max_active_runs ?? null,
        max_scheduled_runs: input.max_scheduled_runs ?? null,
        catchup: input.catchup ? 1 : 0,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** Changing a deployment or its schedules removes the runs the scheduler made that have not started. */
export async function deleteAutoScheduledRuns(trx: Executor, deploymentId: string) {
  await trx.deleteFrom('flow_run').where('deployment_id', '=', deploymentId).where('auto_scheduled', '=', 1).where('state_type', '=', 'SCHEDULED').execute();
}

export async function loadVariables(db: Executor, names: Iterable<string>): Promise<Map<string, string>> {
  const list = [...names];
  if (list.length === 0) return new Map();
  const rows = await db.selectFrom('variable').select(['name', 'value']).where('name', 'in', list).execute();
  return new Map(rows.map((r) => [r.name, r.value]));
}

/** Strict hydration (contract §3.5): throws HydrationError with the reason. */
export async function hydrateParameters(db: Executor, parameters: Record<string, unknown>): Promise<Record<string, unknown>> {
  const variables = await loadVariables(db, referencedVariables(parameters));
  return hydrate(parameters, { variables, renderJinja: true, strict: true }) as Record<string, unknown>;
}

/** Why parameters do not satisfy a deployment's schema, naming the field; null when they do. */
export function parameterProblem(schema: Record<string, unknown> | null, parameters: Record<string, unknown>, enforceRequired: boolean): string | null {
  if (!schema) return null;
  const errors = validateValues(acceptingBlockReferences(schema), parameters, { ignoreRequired: !enforceRequired });
  return errors.length ? describeErrors(errors) : null;
}

export { HydrationError };
