import { workerStartCommand } from '../../lib/work-pool-search.ts';
import { CopyButton } from '../ui/misc.tsx';

/** The command that starts a worker on a pool, with a copy button. */
export function WorkerCommand({ pool }: { pool: string }) {
  const command = workerStartCommand(pool);
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <code className="min-w-0 rounded-md border border-border bg-surface px-2 py-1 font-mono text-xs break-all" aria-label="Command to start a worker">
        {command}
      </code>
      <CopyButton value={command} label="Copy command" />
    </div>
  );
}
