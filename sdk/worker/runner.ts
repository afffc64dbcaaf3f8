import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SyntaskClient } from '../client.ts';
import type { Flow } from '../flows.ts';
import { sinkFor } from '../logging.ts';
import type { ParameterSchema } from '../parameters.ts';
import { RunAbortedError, RunFailedError } from '../states.ts';

type AnyFlow = Flow<ParameterSchema | undefined, unknown>;

export const isFlow = (value: unknown): value is AnyFlow => typeof value === 'function' && typeof (value as AnyFlow).executeRun === 'function' && typeof (value as AnyFlow).flowName === 'string';

/** `file.ts:exportName` (or `file.ts`, then the export whose flow name matches). */
export async function loadFlow(entrypoint: string, baseDir: string, flowName?: string): Promise<AnyFlow> {
  const split = entrypoint.lastIndexOf(':');
  const [file, exportName] = split > 1 ? [entrypoint.slice(0, split), entrypoint.slice(split + 1)] : [entrypoint, undefined];
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  if (exportName) {
    const found = module[exportName];
    if (!isFlow(found)) throw new Error(`${file} has no flow exported as "${exportName}"`);
    return found;
  }
  const flows = Object.values(module).filter(isFlow);
  const match = flows.find((f) => f.flowName === flowName) ?? (flows.length === 1 ? flows[0] : undefined);
  if (!match) throw new Error(`${file} exports ${flows.length} flows; name one in the entrypoint (${file}:exportName)`);
  return match;
}

/**
 * Executes one flow run of a deployment in this process (what a worker's child process
 * does): loads the deployment's entrypoint and runs the flow with the run's parameters.
 * Exit code 0 when the run finished (even Failed: its state says so), 1 when it could not run.
 */
export async function executeFlowRunById(flowRunId: string, client = new SyntaskClient()): Promise<number> {
  const run = await client.readFlowRun(flowRunId);
  if (!run.deployment_id) throw new Error(`Flow run ${flowRunId} has no deployment: nothing to load it from.`);
  const deployment = await client.readDeployment(run.deployment_id);
  if (!deployment.entrypoint) throw new Error(`Deployment ${deployment.name} has no entrypoint.`);
  const flowName = (await client.readFlow(run.flow_id)).name;
  const flow = await loadFlow(deployment.entrypoint, deployment.path ?? process.cwd(), flowName);
  try {
    await flow.executeRun(run, client);
    return 0;
  } catch (err) {
    if (err instanceof RunFailedError || err instanceof RunAbortedError) return 0;
    throw err;
  } finally {
    await sinkFor(client).flush();
  }
}
