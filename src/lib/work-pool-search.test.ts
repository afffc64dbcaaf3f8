import { describe, expect, it } from 'vitest';
import { parseWorkPoolSearch, workerStartCommand } from './work-pool-search.ts';

describe('work pool page search params', () => {
  it('keeps known tabs and pages, drops the default tab and anything else', () => {
    expect(parseWorkPoolSearch({ tab: 'workers', page: 3 })).toEqual({ tab: 'workers', page: 3 });
    expect(parseWorkPoolSearch({ tab: 'details' })).toEqual({});
    expect(parseWorkPoolSearch({ tab: 'nope', page: 1 })).toEqual({});
    expect(parseWorkPoolSearch({ tab: 'runs', page: 2.5 })).toEqual({ tab: 'runs' });
  });
});

describe('worker start command', () => {
  it('quotes pool names a shell would split or expand', () => {
    expect(workerStartCommand('local')).toBe('syntask worker start --pool local');
    expect(workerStartCommand('my pool')).toBe("syntask worker start --pool 'my pool'");
    expect(workerStartCommand("it's $HOME")).toBe("syntask worker start --pool 'it'\\''s $HOME'");
  });
});
