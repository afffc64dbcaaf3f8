import { useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { RefreshCw } from 'lucide-react';
import { buildFlowRunStatesQuery } from '../../api/flow-runs.ts';
import { buildTaskRunStatesQuery } from '../../api/task-runs.ts';
import { runAttempts, type Attempt } from '../../lib/attempts.ts';
import { Button } from '../ui/button.tsx';
import { StateBadge } from '../ui/state-badge.tsx';
import { Table, td, th } from '../ui/table.tsx';
import { DateTime, Duration } from '../ui/time.tsx';
import { useNow } from '../ui/use-time-zone.ts';

interface RunLike {
  id: string;
  state_id?: string | null;
  state_type: string | null;
  state_name?: string | null;
}

/**
 * The attempts of a run that ran more than once, from its state history: each attempt's
 * final state, start, end, time actually run and message. Nothing for a run that ran once.
 */
export function RunAttempts({ kind, run, variant = 'table', className }: { kind: 'flow-run' | 'task-run'; run: RunLike; variant?: 'table' | 'list'; className?: string }) {
  const flowStates = useQuery({ ...buildFlowRunStatesQuery(run.id), enabled: kind === 'flow-run' });
  const taskStates = useQuery({ ...buildTaskRunStatesQuery(run.id), enabled: kind === 'task-run' });
  const states = kind === 'flow-run' ? flowStates : taskStates;
  // Live pages update the run's state in place; its history follows once per change.
  const signature = `${run.state_id ?? ''}|${run.state_type ?? ''}|${run.state_name ?? ''}`;
  const seen = useRef(signature);
  const { refetch } = states;
  useEffect(() => {
    if (seen.current === signature) return;
    seen.current = signature;
    void refetch();
  }, [signature, refetch]);

  const running = run.state_type === 'RUNNING';
  const now = useNow(running ? 1000 : 60_000);
  const attempts = useMemo(() => (states.data ? runAttempts(states.data, kind === 'flow-run' ? 'flow' : 'task', now) : []), [states.data, kind, now]);

  if (states.isError) {
    return (
      <p role="alert" className={clsx('flex items-center gap-2 text-xs text-fg-muted', className)}>
        Could not load the attempts: {states.error.message}
        <Button onClick={() => void states.refetch()}>
          <RefreshCw aria-hidden="true" />
          Retry
        </Button>
      </p>
    );
  }
  if (attempts.length < 2) return null;
  return variant === 'table' ? <AttemptsTable attempts={attempts} className={className} /> : <AttemptsList attempts={attempts} className={className} />;
}

const Heading = ({ count }: { count: number }) => (
  <h2 className="text-xs font-medium text-fg-muted">
    Attempts <span className="tabular-nums">({count})</span>
  </h2>
);

function AttemptsTable({ attempts, className }: { attempts: Attempt[]; className?: string }) {
  return (
    <section aria-label="Attempts" className={clsx('rounded-lg border border-border bg-surface-raised', className)}>
      <div className="border-b border-border px-3 py-1.5">
        <Heading count={attempts.length} />
      </div>
      <Table
        label="Attempts"
        head={
          <>
            <th className={th + ' w-10'}>#</th>
            <th className={th}>State</th>
            <th className={th}>Started</th>
            <th className={th}>Ended</th>
            <th className={th}>Ran for</th>
            <th className={th + ' w-full'}>Message</th>
          </>
        }
      >
        {attempts.map((a) => (
          <tr key={a.number}>
            <td className={td + ' tabular-nums text-fg-muted'}>{a.number}</td>
            <td className={td}>
              <StateBadge type={a.state.type} name={a.state.name} size="sm" />
            </td>
            <td className={td}>
              <DateTime value={a.start} style="seconds" />
            </td>
            <td className={td}>{a.end ? <DateTime value={a.end} style="seconds" /> : <span className="text-fg-muted">{a.running ? 'running' : '—'}</span>}</td>
            <td className={td}>
              <Duration seconds={a.duration} />
            </td>
            <td className={td + ' max-w-0'}>
              {a.message ? (
                <span className="block truncate font-mono text-xs" title={a.message}>
                  {a.message}
                </span>
              ) : (
                <span className="text-fg-muted">—</span>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** Narrow variant for the graph's side panel. */
function AttemptsList({ attempts, className }: { attempts: Attempt[]; className?: string }) {
  return (
    <section aria-label="Attempts" className={clsx('grid gap-1', className)}>
      <Heading count={attempts.length} />
      <ol className="grid gap-1">
        {attempts.map((a) => (
          <li key={a.number} className="grid gap-0.5 rounded border border-border bg-surface px-2 py-1 text-xs">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <span className="text-fg-muted tabular-nums">#{a.number}</span>
              <StateBadge type={a.state.type} name={a.state.name} size="sm" />
              <Duration seconds={a.duration} />
              <span className="text-fg-muted">
                <DateTime value={a.start} style="time" />
                {' – '}
                {a.end ? <DateTime value={a.end} style="time" /> : a.running ? 'running' : '—'}
              </span>
            </div>
            {a.message && <p className="font-mono break-words whitespace-pre-wrap">{a.message}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
