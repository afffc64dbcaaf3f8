import type { Command } from 'commander';
import { SyntaskClient } from '../client.ts';
import { ProcessWorker } from '../worker/worker.ts';
import { ensureDashboardBuilt } from './ui-build.ts';
import { runServer, settingsFromFlags, type ServerFlags } from './server.ts';

/**
 * `npm start`: build the dashboard when needed, start the server and, unless `--no-demo`,
 * a worker on the `demo` pool with the demo deployments and their first runs.
 */
export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Build the dashboard if needed, start the server, a worker and the demo (what `npm start` runs)')
    .option('--host <host>', 'interface to bind (SYNTASK_SERVER_API_HOST)')
    .option('--port <port>', 'port to listen on (SYNTASK_SERVER_API_PORT)')
    .option('--no-demo', 'only the server: no worker, no demo data')
    .action(async (flags: ServerFlags & { demo: boolean }) => {
      const settings = settingsFromFlags(flags);
      if (settings.uiEnabled) await ensureDashboardBuilt();
      const server = await runServer(settings);
      const stops: (() => Promise<unknown>)[] = [];
      if (flags.demo) {
        const { setUpDemo, startDemoReceiver } = await import('../../examples/setup.ts');
        const receiver = await startDemoReceiver();
        stops.push(() => new Promise((resolve) => receiver.server.close(resolve)));
        const client = new SyntaskClient(`${server.url}/api`);
        const worker = new ProcessWorker({ pool: 'demo', client, pollSeconds: 2, limit: 8 });
        // The worker creates the `demo` pool the deployments go to.
        await worker.start();
        stops.unshift(() => worker.stop());
        await setUpDemo(client, { receiverUrl: receiver.url });
        console.log(`Demo ready: open ${server.url}/runs to watch the runs.`);
      }
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        console.log('Stopping...');
        for (const s of stops) await s();
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
