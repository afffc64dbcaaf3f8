import { describe, expect, it } from 'vitest';
import { nodeRunTimeSeconds, runAttempts, runTimeSeconds, withStateChange, type HistoryState } from './attempts.ts';

const T0 = Date.parse('2024-05-03T06:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const st = (seconds: number, type: string, name: string, message: string | null = null): HistoryState => ({ type, name, timestamp: at(seconds), message });

describe('runAttempts', () => {
  it('a task that failed once and passed on retry: two attempts with their own times, states and messages', () => {
    const history = [
      st(0, 'PENDING', 'Pending'),
      st(1, 'RUNNING', 'Running'),
      st(2.5, 'SCHEDULED', 'AwaitingRetry', 'ConnectionError: warehouse refused the connection'),
      st(280, 'PENDING', 'Pending'),
      st(281, 'RUNNING', 'Retrying'),
      st(281.106, 'COMPLETED', 'Completed', 'All states completed.'),
    ];
    const attempts = runAttempts(history, 'task', T0 + 400_000);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ number: 1, start: at(1), end: at(2.5), state: { type: 'SCHEDULED', name: 'AwaitingRetry' }, message: 'ConnectionError: warehouse refused the connection', running: false });
    expect(attempts[0].duration).toBeCloseTo(1.5, 6);
    expect(attempts[1]).toMatchObject({ number: 2, start: at(281), end: at(281.106), state: { type: 'COMPLETED', name: 'Completed' }, message: 'All states completed.', running: false });
    expect(attempts[1].duration).toBeCloseTo(0.106, 6);
  });

  it('reads the history in timestamp order whatever order it arrives in', () => {
    const history = [st(281.106, 'COMPLETED', 'Completed'), st(1, 'RUNNING', 'Running'), st(281, 'RUNNING', 'Retrying'), st(2, 'FAILED', 'Failed', 'boom')];
    expect(runAttempts(history, 'task', T0).map((a) => a.state.name)).toEqual(['Failed', 'Completed']);
  });

  it('a flow run retried from the page: the failure ends the first attempt, the retry request does not', () => {
    const history = [
      st(0, 'RUNNING', 'Running'),
      st(10, 'FAILED', 'Failed', 'Flow run encountered an exception'),
      st(600, 'SCHEDULED', 'AwaitingRetry', 'Retry from the UI'),
      st(601, 'PENDING', 'Pending'),
      st(602, 'RUNNING', 'Running'),
      st(605, 'COMPLETED', 'Completed'),
    ];
    const attempts = runAttempts(history, 'flow', T0 + 700_000);
    expect(attempts.map((a) => [a.state.name, a.message, a.duration])).toEqual([
      ['Failed', 'Flow run encountered an exception', 10],
      ['Completed', null, 3],
    ]);
  });

  it('a paused and resumed flow run is one attempt whose duration leaves out the pause', () => {
    const history = [
      st(0, 'RUNNING', 'Running'),
      st(5, 'PAUSED', 'Paused', 'Paused from the UI'),
      st(100, 'RUNNING', 'Running'),
      st(103, 'COMPLETED', 'Completed'),
    ];
    const [only, ...rest] = runAttempts(history, 'flow', T0 + 200_000);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ number: 1, start: at(0), end: at(103), state: { name: 'Completed' }, running: false });
    expect(only.duration).toBe(8);
  });

  it('a suspended flow run that comes back through Resuming and Pending stays one attempt', () => {
    const history = [st(0, 'RUNNING', 'Running'), st(2, 'PAUSED', 'Suspended'), st(50, 'SCHEDULED', 'Resuming'), st(51, 'PENDING', 'Pending'), st(52, 'RUNNING', 'Running'), st(53, 'FAILED', 'Failed', 'x')];
    const attempts = runAttempts(history, 'flow', T0);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ end: at(53), state: { name: 'Failed' }, message: 'x', duration: 3 });
  });

  it('a flow run still paused: the attempt is open, not running, and its time stops at the pause', () => {
    const [a] = runAttempts([st(0, 'RUNNING', 'Running'), st(4, 'PAUSED', 'Paused')], 'flow', T0 + 60_000);
    expect(a).toMatchObject({ end: null, state: { type: 'PAUSED' }, running: false, duration: 4 });
  });

  it('a task run counts every RUNNING entry as an attempt, as its run_count does', () => {
    const history = [st(0, 'RUNNING', 'Running'), st(2, 'PAUSED', 'Paused'), st(5, 'RUNNING', 'Running'), st(6, 'COMPLETED', 'Completed')];
    expect(runAttempts(history, 'task', T0).map((a) => [a.state.name, a.duration])).toEqual([
      ['Paused', 2],
      ['Completed', 1],
    ]);
  });

  it('still running: the last attempt has no end and counts up to now', () => {
    const history = [st(0, 'RUNNING', 'Running'), st(3, 'SCHEDULED', 'AwaitingRetry', 'timeout'), st(10, 'RUNNING', 'Retrying')];
    const attempts = runAttempts(history, 'task', T0 + 12_500);
    expect(attempts[1]).toMatchObject({ number: 2, end: null, state: { type: 'RUNNING', name: 'Retrying' }, running: true });
    expect(attempts[1].duration).toBeCloseTo(2.5, 6);
    expect(runAttempts(history, 'task', T0 + 20_000)[1].duration).toBeCloseTo(10, 6);
  });

  it('a run that never ran has no attempts', () => {
    expect(runAttempts([], 'flow', T0)).toEqual([]);
    expect(runAttempts([st(0, 'SCHEDULED', 'Scheduled'), st(1, 'PENDING', 'Pending'), st(2, 'COMPLETED', 'Cached')], 'task', T0)).toEqual([]);
    expect(runAttempts([st(0, 'SCHEDULED', 'Scheduled'), st(5, 'CANCELLED', 'Cancelled')], 'flow', T0)).toEqual([]);
  });

  it('a cancellation ends the attempt at Cancelling and reports it Cancelled', () => {
    const [a] = runAttempts([st(0, 'RUNNING', 'Running'), st(4, 'CANCELLING', 'Cancelling'), st(9, 'CANCELLED', 'Cancelled', 'Cancelled from the UI')], 'flow', T0);
    expect(a).toMatchObject({ end: at(4), duration: 4, state: { type: 'CANCELLED' }, message: 'Cancelled from the UI' });
  });

  it('RUNNING straight after RUNNING starts a new attempt and ends the previous one there', () => {
    const attempts = runAttempts([st(0, 'RUNNING', 'Running'), st(2, 'RUNNING', 'Rerunning'), st(3, 'COMPLETED', 'Completed')], 'task', T0);
    expect(attempts.map((a) => [a.end, a.duration])).toEqual([
      [at(2), 2],
      [at(3), 1],
    ]);
  });
});

describe('run time', () => {
  it('a finished run ran its total; a running one adds the current spell up to now', () => {
    expect(runTimeSeconds({ state_type: 'FAILED', total_run_time: 0.106, state_timestamp: at(278) }, T0 + 500_000)).toBe(0.106);
    expect(runTimeSeconds({ state_type: 'RUNNING', total_run_time: 1.5, state_timestamp: at(10) }, T0 + 12_000)).toBeCloseTo(3.5, 6);
    expect(runTimeSeconds({ state_type: 'RUNNING', total_run_time: 1.5, state_timestamp: null }, T0 + 12_000)).toBe(1.5);
  });

  it('a graph node uses its run time, or its span from a server without the extra field', () => {
    const node = { state_type: 'COMPLETED', start_time: at(0), end_time: at(278), state_timestamp: at(278) };
    expect(nodeRunTimeSeconds({ ...node, total_run_time: 0.106 }, T0 + 500_000)).toBe(0.106);
    expect(nodeRunTimeSeconds(node, T0 + 500_000)).toBe(278);
    expect(nodeRunTimeSeconds({ ...node, state_type: 'RUNNING', end_time: null }, T0 + 300_000)).toBe(300);
  });

  it('follows live state changes as the server bookkeeping does', () => {
    let node = { id: 'n', state_type: 'FAILED' as string | null, total_run_time: 1, state_timestamp: at(2) as string | null };
    node = withStateChange(node, { type: 'SCHEDULED', timestamp: at(100) });
    expect(node.total_run_time).toBe(1);
    node = withStateChange(node, { type: 'RUNNING', timestamp: at(101) });
    expect(runTimeSeconds(node, T0 + 102_000)).toBeCloseTo(2, 6);
    node = withStateChange(node, { type: 'COMPLETED', timestamp: at(101.5) });
    expect(node).toMatchObject({ id: 'n', state_type: 'COMPLETED', state_timestamp: at(101.5), total_run_time: 1.5 });
  });
});
