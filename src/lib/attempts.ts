/**
 * A run's attempts, read from its state history, and the time a run actually ran. Pure: no
 * React, no API. Start to end of a run spans the waits between its attempts (AwaitingRetry,
 * a flow retried from the page hours later); durations here count RUNNING time only, as the
 * server's `total_run_time` does.
 */

export interface HistoryState {
  type: string;
  name: string;
  timestamp: string;
  message?: string | null;
}

export interface Attempt {
  /** 1-based, in order. */
  number: number;
  /** When its first RUNNING state began. */
  start: string;
  /** When the state that ended it began; null while it runs or is paused. */
  end: string | null;
  /** Seconds spent RUNNING (pauses and waits excluded); a running attempt counts up to `now`. */
  duration: number;
  /** The state that ended it (AwaitingRetry, Failed, Completed…), else its current state. */
  state: { type: string; name: string };
  message: string | null;
  /** Still RUNNING now. */
  running: boolean;
}

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED']);

interface Open extends Attempt {
  /** Epoch ms of the RUNNING state in progress, if any. */
  runningSince: number | null;
  /** A flow paused inside this attempt: its next RUNNING resumes it (contract §5.4: no new run_count). */
  paused: boolean;
  /** The attempt has ended; later non-RUNNING states only refine how (Cancelling → Cancelled). */
  ended: boolean;
}

/**
 * Attempts of a run: one per RUNNING entry, as the server counts `run_count`. For a flow run,
 * RUNNING after a pause resumes the same attempt (resuming does not count as a run); a task
 * run counts every RUNNING entry. An attempt ends at the first state that leaves RUNNING (for a
 * paused flow: at the first terminal state); a run that never ran has no attempts.
 */
export function runAttempts(states: readonly HistoryState[], kind: 'flow' | 'task', now: number): Attempt[] {
  const sorted = states
    .map((s, i) => ({ s, i, t: Date.parse(s.timestamp) }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const out: Open[] = [];
  let current: Open | null = null;
  const stopRunning = (a: Open, at: number) => {
    if (a.runningSince !== null) a.duration += Math.max(0, at - a.runningSince) / 1000;
    a.runningSince = null;
  };

  for (const { s, t } of sorted) {
    if (s.type === 'RUNNING') {
      if (current && !current.ended && current.paused && kind === 'flow') {
        current.paused = false;
        current.runningSince = t;
        current.state = { type: s.type, name: s.name };
        current.message = s.message ?? null;
        continue;
      }
      if (current && !current.ended) {
        // RUNNING straight after RUNNING (a forced restart): the earlier attempt ends here.
        stopRunning(current, t);
        current.end = s.timestamp;
        current.ended = true;
      }
      current = { number: out.length + 1, start: s.timestamp, end: null, duration: 0, state: { type: s.type, name: s.name }, message: s.message ?? null, running: false, runningSince: t, paused: false, ended: false };
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (current.ended) {
      // A cancellation completes: the attempt ended Cancelled, not Cancelling.
      if (current.state.type === 'CANCELLING' && TERMINAL.has(s.type)) {
        current.state = { type: s.type, name: s.name };
        current.message = s.message ?? current.message;
      }
      continue;
    }
    stopRunning(current, t);
    if (kind === 'flow' && !TERMINAL.has(s.type) && (s.type === 'PAUSED' || current.paused)) {
      // Paused (or on its way back from a pause: Resuming, Pending): the attempt goes on.
      current.state = { type: s.type, name: s.name };
      current.message = s.message ?? current.message;
      current.paused = true;
      continue;
    }
    current.end = s.timestamp;
    current.ended = true;
    current.paused = false;
    current.state = { type: s.type, name: s.name };
    current.message = s.message ?? null;
  }

  return out.map(({ runningSince, paused: _paused, ended: _ended, ...a }) => ({
    ...a,
    duration: a.duration + (runningSince !== null ? Math.max(0, now - runningSince) / 1000 : 0),
    running: runningSince !== null,
  }));
}

export interface RunTimeFields {
  state_type: string | null;
  /** Seconds RUNNING before the current state. */
  total_run_time: number;
  /** When the current state began (ISO); null if unknown. */
  state_timestamp?: string | null;
}

/** Seconds a run (or graph node) has actually run: its total plus, while RUNNING, the current spell up to `now`. */
export function runTimeSeconds(run: RunTimeFields, now: number): number {
  const since = run.state_type === 'RUNNING' && run.state_timestamp ? Date.parse(run.state_timestamp) : NaN;
  return run.total_run_time + (Number.isFinite(since) ? Math.max(0, now - since) / 1000 : 0);
}

/**
 * A graph-v2 node's run time. `total_run_time` on a node is this server's extra field: from a
 * server without it, the node's start-to-end span is the best there is.
 */
export function nodeRunTimeSeconds(node: Omit<RunTimeFields, 'total_run_time'> & { total_run_time?: number; start_time: string; end_time: string | null }, now: number): number {
  if (typeof node.total_run_time !== 'number') return Math.max(0, (node.end_time ? Date.parse(node.end_time) : now) - Date.parse(node.start_time)) / 1000;
  return runTimeSeconds({ ...node, total_run_time: node.total_run_time }, now);
}

/**
 * The run-time fields after a state change seen live (a stream event), as the server's
 * bookkeeping would write them: leaving RUNNING adds the spell to `total_run_time`.
 */
export function withStateChange<T extends RunTimeFields>(run: T, state: { type: string; timestamp: string }): T {
  const since = run.state_type === 'RUNNING' && run.state_timestamp ? Date.parse(run.state_timestamp) : NaN;
  const spell = Number.isFinite(since) ? Math.max(0, Date.parse(state.timestamp) - since) / 1000 : 0;
  return { ...run, state_type: state.type, state_timestamp: state.timestamp, total_run_time: run.total_run_time + spell };
}
