import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildFlowRunDetailQuery } from '../../api/flow-runs.ts';
import { isActiveState, useFlowRunLive } from '../../api/live.ts';
import { buildTaskRunDetailQuery, buildTaskRunStatesQuery, buildTaskRunsQuery, useSetTaskRunState, type TaskRun } from '../../api/task-runs.ts';
import type { TaskRunSearch, TaskRunTab } from '../../lib/run-page-search.ts';
import { RequireRole } from '../auth/require-role.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { CopyButton, KeyValue, TagList } from '../ui/misc.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { Tabs } from '../ui/tabs.tsx';
import { DateTime, Duration, RunDuration } from '../ui/time.tsx';
import { toast } from '../ui/toast.tsx';
import { LogView } from '../logs/log-view.tsx';
import { StateDialog } from '../flow-runs/state-dialog.tsx';
import { RunAttempts } from '../runs/run-attempts.tsx';

export function TaskRunPage({ id, search, onSearch }: { id: string; search: TaskRunSearch; onSearch: (next: TaskRunSearch) => void }) {
  const task = useQuery(buildTaskRunDetailQuery(id));
  const flowRun = useQuery({ ...buildFlowRunDetailQuery(task.data?.flow_run_id ?? ''), enabled: !!task.data?.flow_run_id });
  const active = isActiveState(task.data?.state_type) || isActiveState(flowRun.data?.state_type);
  useFlowRunLive(task.data?.flow_run_id ?? '', !!task.data?.flow_run_id && active);
  const onLogSearch = useCallback((patch: TaskRunSearch) => onSearch({ ...search, ...patch }), [onSearch, search]);

  if (task.isError) {
    return (task.error as { status?: number }).status === 404 ? (
      <EmptyState title="Task run not found">
        No task run has the id {id}. <Link to="/runs" search={{ tab: 'task-runs' }} className="text-accent hover:underline">Back to task runs</Link>
      </EmptyState>
    ) : (
      <ErrorState error={task.error} onRetry={() => void task.refetch()} title="Could not load the task run" />
    );
  }
  if (!task.data) return <Skeleton className="h-6 w-80" />;
  const t = task.data;
  const tab: TaskRunTab = search.tab ?? 'logs';
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { label: 'Runs', to: '/runs' },
          ...(t.flow_run_id ? [{ label: flowRun.data?.name ?? 'Flow run', to: '/runs/flow-run/$id', params: { id: t.flow_run_id } }] : []),
          { label: t.name },
        ]}
        title={t.name}
        badge={<StateBadge type={t.state_type} name={t.state_name} />}
        actions={<TaskRunActions task={t} />}
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-5 gap-y-2" aria-label="Task run summary">
        <span>
          <span className="text-fg-muted">Duration</span> <RunDuration run={t} />
        </span>
        <span>
          <span className="text-fg-muted">Started</span> <DateTime value={t.start_time ?? t.expected_start_time} style="seconds" />
        </span>
        {t.end_time && (
          <span>
            <span className="text-fg-muted">Ended</span> <DateTime value={t.end_time} style="seconds" />
          </span>
        )}
        <span>
          <span className="text-fg-muted">Runs</span> <span className="tabular-nums">{t.run_count}</span>
        </span>
        <TagList tags={t.tags} />
      </div>
      {t.state?.message && (
        <p className="mb-4 rounded-md border border-border bg-surface-raised px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap" aria-label="State message">
          {t.state.message}
        </p>
      )}
      <RunAttempts kind="task-run" run={t} className="mb-4" />
      <Card>
        <Tabs
          label="Task run views"
          value={tab}
          onSelect={(next) => onSearch({ ...search, tab: next === 'logs' ? undefined : next })}
          items={[
            { id: 'logs', label: 'Logs' },
            { id: 'states', label: 'State history' },
            { id: 'inputs', label: 'Task inputs' },
            { id: 'details', label: 'Details' },
          ]}
        />
        {tab === 'logs' && <LogView taskRunId={t.id} liveRunId={t.flow_run_id ?? undefined} active={active} search={search} onSearch={onLogSearch} downloadName={`${t.name}-logs`} />}
        {tab === 'states' && <StateHistory id={t.id} />}
        {tab === 'inputs' && <TaskInputs task={t} />}
        {tab === 'details' && <TaskDetails task={t} />}
      </Card>
    </>
  );
}

function TaskRunActions({ task }: { task: TaskRun }) {
  const [open, setOpen] = useState(false);
  const setState = useSetTaskRunState();
  return (
    <>
      <RequireRole role="operator">
        <Button onClick={() => setOpen(true)}>Change state</Button>
      </RequireRole>
      <CopyButton value={task.id} />
      <StateDialog
        open={open}
        onClose={() => setOpen(false)}
        busy={setState.isPending}
        onSubmit={(state) => setState.mutate({ id: task.id, state }, { onSuccess: () => (toast('State changed.'), setOpen(false)) })}
      />
    </>
  );
}

function StateHistory({ id }: { id: string }) {
  const states = useQuery(buildTaskRunStatesQuery(id));
  if (states.isError) return <ErrorState error={states.error} onRetry={() => void states.refetch()} />;
  if (!states.data) return <Skeleton className="m-3 w-64" />;
  return (
    <ol className="divide-y divide-border" aria-label="State history">
      {states.data.map((s) => (
        <li key={s.id} className="grid grid-cols-[9rem_14rem_minmax(0,1fr)] items-start gap-3 px-4 py-2">
          <StateBadge type={s.type} name={s.name} size="sm" />
          <DateTime value={s.timestamp} style="seconds" />
          <span className="font-mono text-xs break-words whitespace-pre-wrap text-fg-muted">{s.message ?? ''}</span>
        </li>
      ))}
    </ol>
  );
}

/** Inputs by parameter; task-run inputs link to the upstream task run. */
function TaskInputs({ task }: { task: TaskRun }) {
  const upstreamIds = Object.values(task.task_inputs).flatMap((list) => list.filter((i) => i.input_type === 'task_run').map((i) => (i as { id: string }).id));
  const upstream = useQuery({ ...buildTaskRunsQuery({ task_runs: { id: { any_: upstreamIds } }, limit: Math.min(200, Math.max(1, upstreamIds.length)) }), enabled: upstreamIds.length > 0 });
  const byId = new Map((upstream.data ?? []).map((u) => [u.id, u]));
  const entries = Object.entries(task.task_inputs);
  if (entries.length === 0) return <EmptyState title="No task inputs">This task was called without arguments that Syntask tracks.</EmptyState>;
  return (
    <table className="w-full" aria-label="Task inputs">
      <thead>
        <tr className="border-b border-border text-left text-xs text-fg-muted">
          <th className="px-4 py-1.5 font-medium">Parameter</th>
          <th className="px-4 py-1.5 font-medium">Comes from</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {entries.map(([param, inputs]) => (
          <tr key={param}>
            <td className="px-4 py-2 align-top font-medium">{param}</td>
            <td className="px-4 py-2">
              {inputs.length === 0 && <span className="text-fg-muted">a plain value</span>}
              <ul className="grid gap-1">
                {inputs.map((input, i) => (
                  <li key={i}>
                    {input.input_type === 'task_run' ? (
                      <span className="inline-flex items-center gap-2">
                        <span className="text-fg-muted">task run</span>
                        <Link to="/runs/task-run/$id" params={{ id: input.id }} className="text-accent hover:underline">
                          {byId.get(input.id)?.name ?? input.id.slice(0, 8)}
                        </Link>
                        {byId.get(input.id) && <StateBadge type={byId.get(input.id)!.state_type} name={byId.get(input.id)!.state_name} size="sm" />}
                      </span>
                    ) : input.input_type === 'parameter' ? (
                      <span>
                        <span className="text-fg-muted">flow parameter</span> <span className="font-mono text-xs">{input.name}</span>
                      </span>
                    ) : (
                      <span>
                        <span className="text-fg-muted">constant of type</span> <span className="font-mono text-xs">{input.type}</span>
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TaskDetails({ task: t }: { task: TaskRun }) {
  const p = t.empirical_policy;
  const delay = p.retry_delay;
  return (
    <div className="grid gap-6 p-4 lg:grid-cols-2">
      <KeyValue
        items={[
          ['Task run id', <span className="font-mono text-xs">{t.id}</span>],
          ['Task key', <span className="font-mono text-xs">{t.task_key}</span>],
          ['Dynamic key', t.dynamic_key],
          ['Task version', t.task_version],
          ['Flow run', t.flow_run_id ? <Link to="/runs/flow-run/$id" params={{ id: t.flow_run_id }} className="font-mono text-xs text-accent hover:underline">{t.flow_run_id}</Link> : 'autonomous'],
          ['Expected start', <DateTime value={t.expected_start_time} style="seconds" />],
          ['Start', <DateTime value={t.start_time} style="seconds" />],
          ['End', <DateTime value={t.end_time} style="seconds" />],
          ['Run time', <Duration seconds={t.estimated_run_time} />],
        ]}
      />
      <KeyValue
        items={[
          ['Cache key', t.cache_key && <span className="font-mono text-xs break-all">{t.cache_key}</span>],
          ['Cache expiration', t.cache_expiration ? <DateTime value={t.cache_expiration} style="seconds" /> : t.cache_key ? 'never' : null],
          ['Retries', p.retries ?? p.max_retries],
          ['Retry delay', delay === null || delay === undefined ? null : Array.isArray(delay) ? delay.map((d) => `${d}s`).join(', ') : <Duration seconds={delay} />],
          ['Retry jitter factor', p.retry_jitter_factor],
          ['Run count', t.run_count],
          ['Flow run count at start', t.flow_run_run_count],
          ['Created', <DateTime value={t.created} style="seconds" />],
        ]}
      />
    </div>
  );
}
