import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { buildCompareQuery, type RunComparison } from '../../api/flow-runs.ts';
import { Card, CardHeader } from '../ui/card.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { EmptyState, ErrorState } from '../ui/states.tsx';
import { DateTime, Duration } from '../ui/time.tsx';

type Side = RunComparison['left'];
type TaskRow = RunComparison['tasks'][number];

const json = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));
const worst = (states: Record<string, number> | undefined) => (states ? (['CRASHED', 'FAILED', 'CANCELLED', 'RUNNING', 'PENDING', 'COMPLETED'].find((t) => states[t]) ?? Object.keys(states)[0]) : undefined);

/** Two flow runs side by side; the URL names both, so a link can go in a ticket. */
export function ComparePage({ left, right }: { left: string; right: string }) {
  const compare = useQuery(buildCompareQuery(left, right));
  return (
    <>
      <PageHeader title="Compare runs" breadcrumbs={[{ label: 'Runs', to: '/runs' }, { label: 'Compare' }]} description="Parameters, tasks, infrastructure and logs of two flow runs, side by side." />
      {!left || !right ? (
        <EmptyState title="Pick two runs">Select two flow runs on the runs page and press Compare, or use “Compare with…” in a run’s menu.</EmptyState>
      ) : compare.isError ? (
        <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />
      ) : !compare.data ? (
        <Skeleton className="w-1/2" />
      ) : (
        <Comparison data={compare.data} />
      )}
    </>
  );
}

function Comparison({ data }: { data: RunComparison }) {
  const { left, right } = data;
  return (
    <div className="grid gap-4">
      <Card aria-label="Runs">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-fg-muted">
              <th className="px-4 py-2 font-medium" scope="col">
                <span className="sr-only">Field</span>
              </th>
              <th className="px-4 py-2 font-medium" scope="col">Left</th>
              <th className="px-4 py-2 font-medium" scope="col">Right</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            <SideRow label="Run" render={(s) => <Link to="/runs/flow-run/$id" params={{ id: s.id }} className="text-accent hover:underline">{s.name}</Link>} left={left} right={right} />
            <SideRow label="State" render={(s) => <StateBadge type={s.state_type as never} name={s.state_name} size="sm" />} left={left} right={right} />
            <SideRow label="Started" render={(s) => <DateTime value={s.start_time} style="seconds" />} left={left} right={right} />
            <SideRow label="Duration" render={(s) => <Duration seconds={s.duration} />} left={left} right={right} />
            <SideRow label="First failing task" render={(s) => (s.first_failure ? <span><Link to="/runs/task-run/$id" params={{ id: s.first_failure.task_run_id }} className="text-accent underline">{s.first_failure.name}</Link> <span className="text-fg-muted">{s.first_failure.message}</span></span> : '—')} left={left} right={right} />
            <SideRow label="Work pool" render={(s) => s.work_pool_name ?? '—'} left={left} right={right} />
            <SideRow label="Work queue" render={(s) => s.work_queue_name ?? '—'} left={left} right={right} />
            <SideRow label="Worker process" render={(s) => s.infrastructure_pid ?? '—'} left={left} right={right} />
            <SideRow label="Job variables" render={(s) => <code className="font-mono text-xs">{s.job_variables ? JSON.stringify(s.job_variables) : '—'}</code>} left={left} right={right} />
          </tbody>
        </table>
      </Card>
      <Card aria-label="Parameters that differ">
        <CardHeader title={`Parameters that differ (${data.parameters.length})`} />
        {data.parameters.length === 0 ? (
          <p className="px-4 py-3 text-fg-muted">Both runs had the same parameters.</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-fg-muted"><th className="px-4 py-2 font-medium" scope="col">Parameter</th><th className="px-4 py-2 font-medium" scope="col">Left</th><th className="px-4 py-2 font-medium" scope="col">Right</th></tr>
            </thead>
            <tbody className="divide-y divide-border font-mono text-xs">
              {data.parameters.map((p) => (
                <tr key={p.path}>
                  <th scope="row" className="px-4 py-1.5 text-left font-normal">{p.path}</th>
                  <td className="px-4 py-1.5">{p.status === 'only_right' ? <span className="text-fg-muted">not set</span> : json(p.left)}</td>
                  <td className="px-4 py-1.5">{p.status === 'only_left' ? <span className="text-fg-muted">not set</span> : json(p.right)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card aria-label="Tasks">
        <CardHeader title={`Tasks (${data.tasks.length})`} />
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-fg-muted"><th className="px-4 py-2 font-medium" scope="col">Task</th><th className="px-4 py-2 font-medium" scope="col">Left</th><th className="px-4 py-2 font-medium" scope="col">Right</th><th className="px-4 py-2 font-medium" scope="col">Change</th></tr>
          </thead>
          <tbody className="divide-y divide-border">
            {data.tasks.map((t) => (
              <TaskLine key={t.task_key} task={t} />
            ))}
          </tbody>
        </table>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <LogLines title="Log lines only in the left run" lines={data.logs.only_left} />
        <LogLines title="Log lines only in the right run" lines={data.logs.only_right} />
      </div>
    </div>
  );
}

function SideRow({ label, left, right, render }: { label: string; left: Side; right: Side; render: (s: Side) => React.ReactNode }) {
  return (
    <tr>
      <th scope="row" className="px-4 py-1.5 text-left font-normal whitespace-nowrap text-fg-muted">{label}</th>
      <td className="px-4 py-1.5">{render(left)}</td>
      <td className="px-4 py-1.5">{render(right)}</td>
    </tr>
  );
}

function TaskCell({ side }: { side: TaskRow['left'] }) {
  if (!side) return <span className="text-fg-muted">did not run</span>;
  return (
    <span className="flex items-center gap-2">
      <StateBadge type={worst(side.states) as never} size="sm" />
      <Duration seconds={side.duration} />
      {side.count > 1 && <span className="text-xs text-fg-muted">×{side.count}</span>}
    </span>
  );
}

function TaskLine({ task }: { task: TaskRow }) {
  const change = task.change_seconds;
  return (
    <tr>
      <th scope="row" className="px-4 py-1.5 text-left font-mono text-xs font-normal">{task.task_key}</th>
      <td className="px-4 py-1.5"><TaskCell side={task.left} /></td>
      <td className="px-4 py-1.5"><TaskCell side={task.right} /></td>
      <td className="px-4 py-1.5 tabular-nums">{change === null ? <span className="text-fg-muted">{task.left ? 'left only' : 'right only'}</span> : <span className={change > 0 ? 'text-danger' : 'text-fg-muted'}>{change > 0 ? '+' : ''}{change.toFixed(2)} s</span>}</td>
    </tr>
  );
}

function LogLines({ title, lines }: { title: string; lines: string[] }) {
  return (
    <Card aria-label={title}>
      <CardHeader title={`${title} (${lines.length})`} />
      {lines.length === 0 ? <p className="px-4 py-3 text-fg-muted">None.</p> : (
        // Scrolls on its own: focusable, so keyboard users can scroll it too.
        <ul tabIndex={0} aria-label={title} className="max-h-80 divide-y divide-border overflow-auto font-mono text-xs focus-visible:outline-2 focus-visible:outline-accent">
          {lines.map((l) => <li key={l} className="px-4 py-1 break-words">{l}</li>)}
        </ul>
      )}
    </Card>
  );
}
