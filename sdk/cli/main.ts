import { Command, CommanderError } from 'commander';
import { registerServerCommands } from './server.ts';
import { registerStartCommand } from './start.ts';

const program = new Command();
program.name('syntask').description('Syntask: orchestrate TypeScript workflows and watch them in the dashboard').showHelpAfterError().exitOverride();
registerServerCommands(program);
registerStartCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`Error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
