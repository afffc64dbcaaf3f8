import { Command, CommanderError } from 'commander';
import { registerDeployCommand } from './deploy.ts';
import { registerRunCommands } from './runs.ts';
import { registerServerCommands } from './server.ts';
import { registerStartCommand } from './start.ts';
import { registerWorkerCommands } from './worker.ts';

const program = new Command();
program.name('syntask').description('Syntask: orchestrate TypeScript workflows and watch them in the dashboard').showHelpAfterError().exitOverride();
registerServerCommands(program);
registerStartCommand(program);
registerWorkerCommands(program);
registerDeployCommand(program);
registerRunCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
