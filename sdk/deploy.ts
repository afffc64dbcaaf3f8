import { ensureProcessWorkPool } from './work-pools.ts';
import { SyntaskClient, type DeploymentT } from './client.ts';
import type { Flow } from './flows.ts';
import type { ParameterSchema } from './parameters.ts';

type ScheduleInput = { interval: number | string; anchor_date?: string; timezone?: string } | { cron: string; timezone?: string; day_or?: boolean } | { rrule: string; timezone?: string };

export interface DeployOptions {
  flow: Flow<ParameterSchema | undefined, unknown>;
  name: string;
  /** `path/to/file.ts:exportName`, relative to `path`. */
  entrypoint: string;
  /** Directory the worker resolves the entrypoint from (default: the current directory). */
  path?: string;
  workPool?: string;
  workQueue?: string;
  schedules?: (ScheduleInput | { schedule: ScheduleInput; active?: boolean })[];
  parameters?: Record<string, unknown>;
  tags?: string[];
  description?: string;
  version?: string;
  enforceParameterSchema?: boolean;
  jobVariables?: Record<string, unknown>;
  paused?: boolean;
}

/**
 * Registers the flow and a deployment of it (an upsert: deploying again updates it).
 * A work pool that does not exist yet is created as a `process` pool.
 */
export async function deploy(options: DeployOptions, client = new SyntaskClient()): Promise<DeploymentT> {
  if (options.workPool) await ensureProcessWorkPool(client, options.workPool);
  const flow = await client.createFlow(options.flow.flowName, options.flow.options.tags ?? []);
  return client.createDeployment({
    name: options.name,
    flow_id: flow.id,
    entrypoint: options.entrypoint,
    path: options.path ?? process.cwd(),
    work_pool_name: options.workPool ?? null,
    work_queue_name: options.workQueue ?? null,
    schedules: (options.schedules ?? []).map((s) => ('schedule' in s ? { schedule: s.schedule, active: s.active ?? true } : { schedule: s })),
    parameters: options.parameters ?? {},
    parameter_openapi_schema: options.flow.parameterSchema(),
    enforce_parameter_schema: options.enforceParameterSchema ?? false,
    tags: options.tags ?? [],
    description: options.description ?? options.flow.options.description ?? null,
    version: options.version ?? options.flow.options.version ?? null,
    job_variables: options.jobVariables ?? {},
    paused: options.paused ?? false,
  });
}
