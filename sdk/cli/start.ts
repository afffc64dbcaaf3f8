import type { Command } from 'commander';
import type { RunningServer } from '../../server/server.ts';
import { nowMicros } from '../../server/lib/time.ts';
import { createApiKey, deleteApiKey, parseExpiry } from '../../server/security/accounts.ts';
import { SyntaskClient } from '../client.ts';
import type { ApiCredentials } from '../settings.ts';
import { ensureProcessWorkPool } from '../work-pools.ts';
import { ProcessWorker } from '../worker/worker.ts';
import { ensureDashboardBuilt } from './ui-build.ts';
import { runServer, settingsFromFlags, type ServerFlags } from './server.ts';

/** Credentials and how to take them back. */
interface Grant {
  credentials: ApiCredentials;
  revoke(): Promise<void>;
}

/**
 * `admin` sets up the demo (deployments, pools, blocks); `worker` (operator) runs it.
 * The server's auth string when there is one. Otherwise keys minted straight in the
 * database (1 day), also while sign-in is off: `syntask user create` may turn it on while
 * this runs, and the worker must keep working. Revoked once no longer needed.
 */
async function demoCredentials(server: RunningServer): Promise<{ admin: Grant; worker: Grant }> {
  const { settings, db } = server.ctx;
  if (settings.authString) {
    const grant = { credentials: { authString: settings.authString }, revoke: async () => undefined };
    return { admin: grant, worker: grant };
  }
  const expires = nowMicros() + parseExpiry('1d');
  const mint = async (name: string, role: 'admin' | 'operator'): Promise<Grant> => {
    const key = await createApiKey(db.kysely, { name, role, creatorRole: 'admin', createdBy: 'syntask start', expires });
    return { credentials: { apiKey: key.key }, revoke: () => deleteApiKey(db.kysely, key.id).catch(() => undefined) };
  };
  return { admin: await mint('syntask start demo setup', 'admin'), worker: await mint('syntask start worker', 'operator') };
}

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
        const { admin, worker: workerGrant } = await demoCredentials(server);
        stops.push(() => workerGrant.revoke());
        const adminClient = new SyntaskClient(`${server.url}/api`, admin.credentials);
        const worker = new ProcessWorker({ pool: 'demo', client: new SyntaskClient(`${server.url}/api`, workerGrant.credentials), pollSeconds: 2, limit: 8 });
        try {
          // The worker's operator credentials may not create its pool: the admin does it first.
          await ensureProcessWorkPool(adminClient, 'demo');
          await worker.start();
          stops.unshift(() => worker.stop());
          await setUpDemo(adminClient, { receiverUrl: receiver.url });
        } finally {
          await admin.revoke();
        }
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
