import type { Command } from 'commander';
import { ProcessWorker } from '../worker/worker.ts';

export function registerWorkerCommands(program: Command) {
  const worker = program.command('worker').description('Run workers that execute deployment runs');
  worker
    .command('start')
    .description('Start a process worker: polls a work pool and runs each flow run in a child process')
    .requiredOption('-p, --pool <name>', 'work pool to poll (created as a "process" pool if missing)')
    .option('-q, --queue <name...>', 'only these work queues (default: all of the pool)')
    .option('-n, --name <name>', 'worker name (default: ProcessWorker-<host>-<id>)')
    .option('-l, --limit <n>', 'most flow runs at once (SYNTASK_WORKER_LIMIT, default 10)')
    .option('--poll-seconds <s>', 'seconds between polls (SYNTASK_WORKER_QUERY_SECONDS, default 10)')
    .action(async (opts: { pool: string; queue?: string[]; name?: string; limit?: string; pollSeconds?: string }) => {
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit must be a positive integer, got "${opts.limit}"`);
      const pollSeconds = opts.pollSeconds === undefined ? undefined : Number(opts.pollSeconds);
      if (pollSeconds !== undefined && !(pollSeconds > 0)) throw new Error(`--poll-seconds must be a positive number, got "${opts.pollSeconds}"`);
      const w = new ProcessWorker({ pool: opts.pool, queues: opts.queue, name: opts.name, limit, pollSeconds });
      await w.start();
      const stop = async () => {
        console.log('Stopping the worker...');
        await w.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
