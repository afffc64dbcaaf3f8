import { parameterizedReport } from '../examples/parameters.ts';
import type { SyntaskServer } from './fixtures.ts';
import { createFlow } from './data.ts';

/** Deployments made through the API, as `syntask deploy` makes them. */

export interface DeploymentT {
  id: string;
  name: string;
  flow_id: string;
  parameters: Record<string, unknown>;
  schedules: { id: string; schedule: Record<string, unknown>; active: boolean }[];
}

const suffix = () => Math.random().toString(36).slice(2, 8);

export async function createPool(server: SyntaskServer, name = `pool-${suffix()}`) {
  return server.postJson<{ name: string }>('/work_pools/', { name, type: 'process' });
}

/** A deployment of the demo's `parameterized-report` flow, with the parameter schema the SDK generates from its zod schema. */
export async function reportDeployment(server: SyntaskServer, body: Record<string, unknown> = {}) {
  const pool = await createPool(server);
  const flow = await createFlow(server, `report-${suffix()}`);
  const deployment = await server.postJson<DeploymentT>('/deployments/', {
    name: `weekday-${suffix()}`,
    flow_id: flow.id,
    work_pool_name: pool.name,
    parameter_openapi_schema: parameterizedReport.parameterSchema(),
    enforce_parameter_schema: true,
    parameters: { report_date: '2026-01-05', regions: ['eu-west', 'us-east'] },
    ...body,
  });
  return { deployment, flow, pool };
}

export const getDeployment = (server: SyntaskServer, id: string) => server.getJson<DeploymentT>(`/deployments/${id}`);
export const getRun = (server: SyntaskServer, id: string) => server.getJson<{ id: string; name: string; parameters: Record<string, unknown>; deployment_id: string | null; tags: string[] }>(`/flow_runs/${id}`);
