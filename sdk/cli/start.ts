import type { Command } from 'commander';
import { ensureDashboardBuilt } from './ui-build.ts';
import { runServer, settingsFromFlags, type ServerFlags } from './server.ts';

/** `npm start`: build the dashboard when missing or stale, then run the server. */
export function registerStartCommand(program: Command) {
  program
    .command('start')
    .description('Build the dashboard if needed and start the server (what `npm start` runs)')
    .option('--host <host>', 'interface to bind (SYNTASK_SERVER_API_HOST)')
    .option('--port <port>', 'port to listen on (SYNTASK_SERVER_API_PORT)')
    .action(async (flags: ServerFlags) => {
      const settings = settingsFromFlags(flags);
      await ensureDashboardBuilt();
      const running = await runServer(settings);
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
