import { describe, expect, it } from 'vitest';
import { lineRef, parseFlowRunSearch, parseLineRef, parseTaskRunSearch } from './run-page-search.ts';

const ID = '8d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a';

describe('run page search params', () => {
  it('keeps valid tab, task, level, search and line; drops defaults and junk', () => {
    const line = lineRef(ID, '2026-01-01T00:00:01.500000+00:00');
    expect(parseFlowRunSearch({ tab: 'logs', task: ID, level: 40, q: 'timeout', line })).toEqual({ tab: 'logs', task: ID, level: 40, q: 'timeout', line });
    expect(parseFlowRunSearch({ tab: 'graph', level: 0, q: '  ', task: 'x', line: 'nope', page: 1 })).toEqual({});
    expect(parseFlowRunSearch({ tab: 'hack', level: 35 })).toEqual({});
    // The graph's layout: only the non-default one is kept.
    expect(parseFlowRunSearch({ graph: 'time' })).toEqual({ graph: 'time' });
    expect(parseFlowRunSearch({ graph: 'layered' })).toEqual({});
    expect(parseFlowRunSearch({ graph: 'force' })).toEqual({});
    expect(parseTaskRunSearch({ tab: 'inputs', level: '20' })).toEqual({ tab: 'inputs', level: 20 });
  });

  it('keeps the log filters by writer and attempt; the task run page has no writer filter', () => {
    expect(parseFlowRunSearch({ tab: 'logs', source: ID, attempt: 2 })).toEqual({ tab: 'logs', source: ID, attempt: 2 });
    expect(parseFlowRunSearch({ source: 'flow', attempt: '3' })).toEqual({ source: 'flow', attempt: 3 });
    expect(parseFlowRunSearch({ source: 'task', attempt: 0 })).toEqual({});
    expect(parseFlowRunSearch({ source: 'FLOW', attempt: 1.5 })).toEqual({});
    expect(parseFlowRunSearch({ attempt: '' })).toEqual({});
    expect(parseTaskRunSearch({ source: ID, attempt: 2 })).toEqual({ attempt: 2 });
    // The graph's selected task and the logs' writer are separate.
    expect(parseFlowRunSearch({ task: ID, source: 'flow' })).toEqual({ task: ID, source: 'flow' });
  });

  it('links a single log line by id and timestamp', () => {
    expect(parseLineRef(lineRef(ID, '2026-01-01T00:00:01+00:00'))).toEqual({ id: ID, timestamp: '2026-01-01T00:00:01+00:00' });
    expect(parseLineRef(`${ID}@yesterday`)).toBeNull();
  });
});
