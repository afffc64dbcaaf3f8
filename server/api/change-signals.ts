import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { requirementOf } from '../security/index.ts';
import { isWrite } from '../security/roles.ts';
import type { App } from './common.ts';

/** Stored log lines have their own signal ('logs'); sign-in and keys are nobody's list. */
const UNSIGNALLED = new Set(['logs', 'auth', 'api_keys', 'users', 'admin']);

/** Writes that change nothing a list shows, made every few seconds by every worker and run: signalling them would refetch every tab's lists all the time. */
const QUIET_OPERATIONS = new Set(['flowRunHeartbeat', 'getScheduledFlowRunsForPool', 'getScheduledFlowRunsForDeployments', 'getLegacyWorkQueueRuns']);

/**
 * What a write through the API changed, for live lists: the resource of its route
 * (`/api/flow_runs/{id}/set_state` → `flow_runs`), plus runs for a deployment's
 * `create_flow_run` and a pool's workers for a heartbeat. Empty for reads.
 */
export function changedResources(route: string): string[] {
  const parts = route.split('/').filter(Boolean);
  if (parts[0] !== 'api' || parts.length < 2) return [];
  const resource = parts[1] === 'v2' ? `v2/${parts[2] ?? ''}` : parts[1];
  if (UNSIGNALLED.has(resource)) return [];
  const out = [resource];
  if (parts.includes('create_flow_run')) out.push('flow_runs');
  return out;
}

/** After every successful write, `ctx.events` 'changed' (streams coalesce them; the change feed carries them to other replicas). */
export function registerChangeSignals(app: App, ctx: AppContext) {
  app.addHook('onResponse', async (req: FastifyRequest, reply) => {
    if (reply.statusCode >= 300 || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const route = req.routeOptions.url;
    const { operation } = requirementOf(req);
    if (!route || !isWrite(operation) || QUIET_OPERATIONS.has(operation)) return;
    const resources = changedResources(route);
    if (resources.length) ctx.events.emit('changed', { resources });
  });
}
