import { describe, expect, it } from 'vitest';
import { runAttempts } from './attempts.ts';
import { attemptAt, attemptTimeRange, withAttemptSeparators } from './log-attempts.ts';

const at = (second: number) => `2026-03-01T10:00:${String(second).padStart(2, '0')}.000000+00:00`;
const state = (type: string, name: string, second: number) => ({ type, name, timestamp: at(second) });
const NOW = Date.parse('2026-03-01T11:00:00Z');

describe('log lines by attempt', () => {
  it('a task that failed once and passed on retry: its lines split where the retry started', () => {
    // Pending → Running → AwaitingRetry → Retrying → Completed, in whatever order the history arrives.
    const history = [state('COMPLETED', 'Completed', 40), state('PENDING', 'Pending', 1), state('RUNNING', 'Running', 2), state('SCHEDULED', 'AwaitingRetry', 20), state('RUNNING', 'Retrying', 30)];
    const attempts = runAttempts(history, 'task', NOW);
    expect(attempts.map((a) => [a.number, a.start])).toEqual([
      [1, at(2)],
      [2, at(30)],
    ]);
    // Set-up lines before the first start and the "retrying in 10 s" line after the failure belong to attempt 1.
    expect(attemptAt(attempts, at(0))).toBe(1);
    expect(attemptAt(attempts, at(25))).toBe(1);
    expect(attemptAt(attempts, at(30))).toBe(2);
    expect(attemptAt(attempts, '2026-03-01T11:00:45+01:00')).toBe(2);
    expect(attemptTimeRange(attempts, 1)).toEqual({ before_: '2026-03-01T10:00:29.999999Z' });
    expect(attemptTimeRange(attempts, 2)).toEqual({ after_: at(30) });
  });

  it('gives each attempt of three the time range of its lines, both bounds inclusive, at microsecond precision', () => {
    const attempts = [
      { number: 1, start: at(2) },
      { number: 2, start: '2026-03-01T10:00:20.000001+00:00' },
      { number: 3, start: at(40) },
    ];
    expect(attemptTimeRange(attempts, 2)).toEqual({ after_: '2026-03-01T10:00:20.000001+00:00', before_: '2026-03-01T10:00:39.999999Z' });
    expect(attemptTimeRange(attempts, 3)).toEqual({ after_: at(40) });
    expect(attemptTimeRange(attempts, 4)).toBeUndefined();
    expect(attemptAt(attempts, '2026-03-01T10:00:20.000000+00:00')).toBe(1);
    expect(attemptAt(attempts, '2026-03-01T10:00:20.000001Z')).toBe(2);
  });
});

describe('attempt separators in a log view', () => {
  const attempts = [
    { number: 1, start: at(2) },
    { number: 2, start: at(20) },
  ];
  const line = (id: string, second: number) => ({ id, timestamp: at(second) });
  const shape = (rows: ReturnType<typeof withAttemptSeparators<{ id: string; timestamp: string }, (typeof attempts)[number]>>) => rows.map((r) => (r.kind === 'line' ? r.line.id : `attempt ${r.attempt.number}`));

  it('puts one above the first line and one where the attempt changes', () => {
    expect(shape(withAttemptSeparators([line('a', 1), line('b', 5), line('c', 12), line('d', 20), line('e', 21)], attempts))).toEqual(['attempt 1', 'a', 'b', 'c', 'attempt 2', 'd', 'e']);
    // A window that opens inside the second attempt (a filter, or scrolled far) says so at the top.
    expect(shape(withAttemptSeparators([line('d', 20)], attempts))).toEqual(['attempt 2', 'd']);
  });

  it('shows none for a run that ran once', () => {
    expect(shape(withAttemptSeparators([line('a', 1), line('b', 30)], attempts.slice(0, 1)))).toEqual(['a', 'b']);
    expect(withAttemptSeparators([], attempts)).toEqual([]);
  });
});
