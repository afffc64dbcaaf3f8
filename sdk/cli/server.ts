import type { Command } from 'commander';
import { loadSettings, type Settings } from '../../server/settings.ts';
import type { RunningServer } from '../../server/server.ts';

export interface ServerFlags {
  host?: string;
  port?: string;
}

/** CLI flags override SYNTASK_* variables. */
export function settingsFromFlags(flags: ServerFlags): Settings {
  const overrides: Record<string, unknown> = {};
  if (flags.host) overrides.SYNTASK_SERVER_API_HOST = flags.host;
  if (flags.port) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer between 0 and 65535, got "${flags.port}"`);
    overrides.SYNTASK_SERVER_API_PORT = port;
  }
  return loadSettings(process.env, overrides);
}

/** Starts the server, prints where it is, stops cleanly on SIGINT/SIGTERM. */
export async function runServer(settings: Settings, onStarted?: (server: RunningServer) => Promise<void> | void): Promise<RunningServer> {
  // Loaded here, not at the top: every CLI command (a worker's flow processes too) would pay for the whole server.
  const { exposureWarning, startServer } = await import('../../server/server.ts');
  const warning = exposureWarning(settings);
  if (warning) console.warn(`\x1b[33m${warning}\x1b[0m`);
  const server = await startServer(settings);
  console.log(`Syntask server ${server.ctx.version} listening on ${server.url}`);
  console.log(`  Dashboard:  ${server.url}/`);
  console.log(`  API:        ${server.url}/api   (docs: ${server.url}/docs)`);
  console.log(`  Database:   ${server.ctx.db.dialect === 'sqlite' ? settings.databaseUrl : 'PostgreSQL'}`);
  await onStarted?.(server);
  return server;
}

export function registerServerCommands(program: Command) {
  const server = program.command('server').description('Run the Syntask API server');
  server
    .command('start')
    .description('Start the API server and the dashboard (no worker, no demo)')
    .option('--host <host>', 'interface to bind (SYNTASK_SERVER_API_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (SYNTASK_SERVER_API_PORT, default 4200)')
    .action(async (flags: ServerFlags) => {
      const running = await runServer(settingsFromFlags(flags));
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
