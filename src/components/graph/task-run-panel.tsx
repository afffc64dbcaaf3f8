import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ExternalLink, X } from 'lucide-react';
import { buildFlowRunDetailQuery } from '../../api/flow-runs.ts';
import { isActiveState } from '../../api/live.ts';
import { buildTaskRunDetailQuery } from '../../api/task-runs.ts';
import type { LogSearch } from '../../lib/run-page-search.ts';
import { LogView } from '../logs/log-view.tsx';
import { RunAttempts } from '../runs/run-attempts.tsx';
import { useShortcut } from '../shell/use-shortcut.ts';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { ErrorState } from '../ui/states.tsx';
import { DateTime, RunDuration } from '../ui/time.tsx';

/** The side panel of a graph node: the task run (or subflow run) and its logs. */
export function TaskRunPanel({ id, kind, onClose }: { id: string; kind: 'task-run' | 'flow-run'; onClose: () => void }) {
  useShortcut('close', onClose);
  return (
    <aside aria-label="Selected run" className="flex w-[28rem] max-w-[50%] shrink-0 flex-col border-l border-border bg-surface-raised">
      <div className="flex h-9 items-center justify-between border-b border-border px-3">
        <span className="text-xs font-medium text-fg-muted">{kind === 'flow-run' ? 'Subflow run' : 'Task run'}</span>
        <button type="button" aria-label="Close the panel" onClick={onClose} className="text-fg-muted hover:text-fg">
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      {kind === 'flow-run' ? <SubflowSummary id={id} /> : <TaskSummary id={id} />}
    </aside>
  );
}

function TaskSummary({ id }: { id: string }) {
  const task = useQuery(buildTaskRunDetailQuery(id));
  const [search, setSearch] = useState<LogSearch>({});
  if (task.isError) return <ErrorState error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Skeleton className="m-3 w-48" />;
  const t = task.data;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="grid gap-2 border-b border-border px-3 py-3">
        <div className="flex items-center gap-2">
          <StateBadge type={t.state_type} name={t.state_name} />
          <Link to="/runs/task-run/$id" params={{ id: t.id }} className="inline-flex min-w-0 items-center gap-1 font-semibold text-accent hover:underline">
            <span className="truncate">{t.name}</span>
            <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
          </Link>
        </div>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-muted">
          <span>
            Duration <RunDuration run={t} />
          </span>
          <span>
            Started <DateTime value={t.start_time} style="seconds" />
          </span>
          <span>Runs {t.run_count}</span>
        </div>
        {t.state?.message && <p className="rounded border border-border bg-surface px-2 py-1 font-mono text-xs break-words whitespace-pre-wrap">{t.state.message}</p>}
        <RunAttempts kind="task-run" run={t} variant="list" className="max-h-48 overflow-y-auto" />
      </div>
      <div className="min-h-0 flex-1 overflow-hidden [&_[role=log]]:h-[calc(100dvh-34rem)]">
        <LogView taskRunId={t.id} liveRunId={t.flow_run_id ?? undefined} active={isActiveState(t.state_type)} search={search} onSearch={setSearch} downloadName={`${t.name}-logs`} />
      </div>
    </div>
  );
}

function SubflowSummary({ id }: { id: string }) {
  const run = useQuery(buildFlowRunDetailQuery(id));
  if (run.isError) return <ErrorState error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <Skeleton className="m-3 w-48" />;
  return (
    <div className="grid gap-2 px-3 py-3">
      <div className="flex items-center gap-2">
        <StateBadge type={run.data.state_type} name={run.data.state_name} />
        <Link to="/runs/flow-run/$id" params={{ id }} className="font-semibold text-accent hover:underline">
          {run.data.name}
        </Link>
      </div>
      <p className="text-xs text-fg-muted">
        Duration <RunDuration run={run.data} /> · started <DateTime value={run.data.start_time} />
      </p>
      <RunAttempts kind="flow-run" run={run.data} variant="list" className="max-h-48 overflow-y-auto" />
      <p className="text-fg-muted">Expand the node (+) to draw this subflow's task runs in place, or open the run for its logs.</p>
    </div>
  );
}
