import { useQuery } from '@tanstack/react-query';
import { buildWorkPoolTypesQuery, type WorkPool } from '../../api/work-pools.ts';
import { workerStartCommand } from '../../lib/work-pool-search.ts';
import { hasLocalWorker } from '../../lib/work-pool-types.ts';
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

/** The catalog's name of a pool's type (`Docker`), or the type itself. */
function useTypeName(type: string): string {
  const types = useQuery(buildWorkPoolTypesQuery());
  return types.data?.find((t) => t.type === type)?.displayName ?? type;
}

/**
 * What starts this pool's runs: the bundled worker's command for a process pool; for any other
 * type, that it takes a worker this distribution does not include (the bundled one would run
 * the flows as local processes and ignore the pool's settings, so it is not suggested).
 */
export function WorkerHint({ pool }: { pool: WorkPool }) {
  if (hasLocalWorker(pool.type)) {
    return (
      <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <span className="text-fg-muted">Start a worker on this pool:</span>
        <WorkerCommand pool={pool.name} />
      </div>
    );
  }
  return <OtherWorkerNote pool={pool} className="mb-4" />;
}

function OtherWorkerNote({ pool, className = '' }: { pool: WorkPool; className?: string }) {
  const name = useTypeName(pool.type);
  return (
    <p role="note" className={`max-w-3xl rounded-md border border-warning/50 bg-warning/5 px-3 py-2 text-sm ${className}`}>
      <span className="font-medium">Needs a worker that understands {name}</span> <span className="font-mono text-xs text-fg-muted">({pool.type})</span>, which this distribution does not include. Its
      worker runs flow runs as local processes and would ignore this pool's {name} settings, so it is not suggested here: this pool's runs wait until a {name} worker that you run polls it. For runs on
      this machine, use a Process pool.
    </p>
  );
}
