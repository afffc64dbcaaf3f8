import { Command, CommanderError } from 'commander';
import { registerApiKeyCommands } from './api-keys.ts';
import { registerDeployCommand } from './deploy.ts';
import { applyProfile } from '../../server/profiles.ts';
import { registerProfileCommands } from './profiles.ts';
import { registerRunCommands } from './runs.ts';
import { registerServerCommands } from './server.ts';
import { registerStartCommand } from './start.ts';
import { registerUserCommands } from './users.ts';
import { registerWorkerCommands } from './worker.ts';

// The active profile fills in what the environment does not set, for this process and the ones it starts.
const originalEnv = { ...process.env };
try {
  applyProfile(process.env);
} catch (err) {
  console.error(`Error: ${(err as Error).message}`);
  process.exit(1);
}

const program = new Command();
program.name('syntask').description('Syntask: orchestrate TypeScript workflows and watch them in the dashboard').showHelpAfterError().exitOverride();
registerServerCommands(program);
registerStartCommand(program);
registerWorkerCommands(program);
registerDeployCommand(program);
registerRunCommands(program);
registerUserCommands(program);
registerApiKeyCommands(program);
registerProfileCommands(program, originalEnv);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
