import type { Command } from 'commander';
import { SyntaskClient, type FlowRunT, type LogT } from '../client.ts';
import { executeFlowRunById } from '../worker/runner.ts';

/** `--param k=v`: JSON when it parses, the raw string otherwise. */
export function parseParams(pairs: string[] = [], json?: string): Record<string, unknown> {
  const params: Record<string, unknown> = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--param takes key=value, got "${pair}"`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    params[pair.slice(0, eq)] = value;
  }
  return params;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const time = (iso: string | null) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 19) : '-');
const LEVEL: Record<number, string> = { 10: 'DEBUG', 20: 'INFO', 30: 'WARNING', 40: 'ERROR', 50: 'CRITICAL' };

export function registerRunCommands(program: Command) {
  const client = () => new SyntaskClient();

  program
    .command('deployment')
    .description('Work with deployments')
    .command('run')
    .description('Create a flow run of a deployment (FLOW/DEPLOYMENT); a worker picks it up')
    .argument('<name>', 'flow-name/deployment-name')
    .option('-p, --param <key=value>', 'a parameter (repeatable; values are JSON when they parse)', collect)
    .option('--params <json>', 'all parameters as a JSON object')
    .option('--watch', 'wait for the run to finish and print its state')
    .action(async (name: string, opts: { param?: string[]; params?: string; watch?: boolean }) => {
      const [flowName, deploymentName] = name.split('/');
      if (!flowName || !deploymentName) throw new Error(`Name the deployment as flow-name/deployment-name, got "${name}"`);
      const c = client();
      const deployment = await c.readDeploymentByName(flowName, deploymentName);
      const run = await c.post<FlowRunT>(`/deployments/${deployment.id}/create_flow_run`, { parameters: parseParams(opts.param, opts.params) });
      console.log(`Created flow run ${run.name} (${run.id}) of ${name}, state ${run.state_name}.`);
      if (opts.watch) {
        let current = run;
        while (!['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED'].includes(current.state_type ?? '')) {
          await new Promise((r) => setTimeout(r, 1000));
          current = await c.readFlowRun(run.id);
        }
        console.log(`Flow run ${run.name} finished: ${current.state_name}${current.state?.message ? ` (${current.state.message})` : ''}`);
        if (current.state_type !== 'COMPLETED') process.exitCode = 1;
      }
    });

  const flowRun = program.command('flow-run').description('Inspect and control flow runs');
  flowRun
    .command('ls')
    .description('List recent flow runs')
    .option('-l, --limit <n>', 'how many', '20')
    .option('-s, --state <type...>', 'only these state types (e.g. FAILED RUNNING)')
    .action(async (opts: { limit: string; state?: string[] }) => {
      const runs = await client().post<FlowRunT[]>('/flow_runs/filter', {
        sort: 'EXPECTED_START_TIME_DESC',
        limit: Number(opts.limit),
        flow_runs: opts.state ? { state: { type: { any_: opts.state.map((s) => s.toUpperCase()) } } } : undefined,
      });
      for (const r of runs) console.log(`${r.id}  ${(r.state_name ?? '-').padEnd(13)} ${time(r.expected_start_time)}  ${r.name}`);
      if (runs.length === 0) console.log('No flow runs.');
    });
  flowRun
    .command('inspect')
    .description('Show a flow run as JSON')
    .argument('<id>')
    .action(async (id: string) => console.log(JSON.stringify(await client().readFlowRun(id), null, 2)));
  flowRun
    .command('logs')
    .description('Print the logs of a flow run')
    .argument('<id>')
    .option('--tail <n>', 'only the last n lines')
    .action(async (id: string, opts: { tail?: string }) => {
      const c = client();
      const lines: LogT[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await c.post<LogT[]>('/logs/filter', { logs: { flow_run_id: { any_: [id] } }, limit: 200, offset });
        lines.push(...page);
        if (page.length < 200) break;
      }
      const shown = opts.tail ? lines.slice(-Number(opts.tail)) : lines;
      for (const l of shown) console.log(`${time(l.timestamp)} | ${(LEVEL[l.level] ?? l.level).toString().padEnd(8)} | ${l.message}`);
    });
  flowRun
    .command('cancel')
    .description('Cancel a flow run (its worker stops the process)')
    .argument('<id>')
    .action(async (id: string) => {
      const result = await client().setFlowRunState(id, { type: 'CANCELLING', message: 'Cancelled from the CLI' }, true);
      console.log(`Flow run ${id}: ${result.state?.name ?? result.status}`);
    });
  flowRun
    .command('execute', { hidden: true })
    .description('Execute a flow run in this process (what a worker runs)')
    .argument('<id>')
    .action(async (id: string) => {
      process.exitCode = await executeFlowRunById(id);
    });
}

