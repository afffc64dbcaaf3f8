import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { SyntaskClient } from '../client.ts';
import { deploy, type DeployOptions } from '../deploy.ts';
import { loadFlow } from '../worker/runner.ts';

/** One entry of `syntask.yaml` `deployments:`. */
export interface DeploymentConfig {
  name: string;
  entrypoint: string;
  description?: string;
  version?: string;
  tags?: string[];
  parameters?: Record<string, unknown>;
  enforce_parameter_schema?: boolean;
  paused?: boolean;
  schedules?: DeployOptions['schedules'];
  work_pool?: { name: string; work_queue_name?: string; job_variables?: Record<string, unknown> };
}

export function readConfig(path: string): DeploymentConfig[] {
  const doc = parse(readFileSync(path, 'utf8')) as { deployments?: DeploymentConfig[] } | null;
  if (!doc?.deployments?.length) throw new Error(`${path} has no "deployments:" list`);
  for (const [i, d] of doc.deployments.entries()) {
    if (!d.name || !d.entrypoint) throw new Error(`${path}: deployments[${i}] needs a name and an entrypoint (file.ts:flowExport)`);
  }
  return doc.deployments;
}

/** Deploys the entries of a config file (all, or the named ones). */
export async function deployFromConfig(path: string, names: string[] = [], log: (line: string) => void = console.log, client = new SyntaskClient()) {
  const base = dirname(resolve(path));
  const entries = readConfig(path).filter((d) => names.length === 0 || names.includes(d.name));
  if (names.length && entries.length !== names.length) throw new Error(`Unknown deployment name(s): ${names.filter((n) => !entries.some((d) => d.name === n)).join(', ')}`);
  const deployed = [];
  for (const d of entries) {
    const flow = await loadFlow(d.entrypoint, base);
    const result = await deploy({
      flow,
      name: d.name,
      entrypoint: d.entrypoint,
      path: base,
      description: d.description,
      version: d.version,
      tags: d.tags,
      parameters: d.parameters,
      enforceParameterSchema: d.enforce_parameter_schema,
      paused: d.paused,
      schedules: d.schedules,
      workPool: d.work_pool?.name,
      workQueue: d.work_pool?.work_queue_name,
      jobVariables: d.work_pool?.job_variables,
    }, client);
    log(`Deployed ${flow.flowName}/${d.name} (${result.id})${d.work_pool ? ` to pool "${d.work_pool.name}"` : ''}`);
    deployed.push(result);
  }
  return deployed;
}

export function registerDeployCommand(program: Command) {
  program
    .command('deploy')
    .description('Register the deployments listed in a config file (default ./syntask.yaml)')
    .argument('[names...]', 'only these deployments')
    .option('-c, --config <path>', 'config file', 'syntask.yaml')
    .action(async (names: string[], opts: { config: string }) => {
      await deployFromConfig(opts.config, names);
    });
}
