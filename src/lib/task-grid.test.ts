import { describe, expect, it } from 'vitest';
import { clampPosition, describeMix, moveInGrid, parseGridRuns, stateMix, visibleRows } from './task-grid.ts';
import { parseDeploymentSearch } from './deployment-search.ts';

describe('task grid keyboard model', () => {
  const size = { rows: 30, cols: 25 };

  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid({ row: 3, col: 4 }, 'ArrowUp', size)).toEqual({ row: 2, col: 4 });
    expect(moveInGrid({ row: 3, col: 4 }, 'ArrowDown', size)).toEqual({ row: 4, col: 4 });
    expect(moveInGrid({ row: 3, col: 4 }, 'ArrowLeft', size)).toEqual({ row: 3, col: 3 });
    expect(moveInGrid({ row: 3, col: 4 }, 'ArrowRight', size)).toEqual({ row: 3, col: 5 });
    // Row 0 is the run headers, column 0 the task names: both reachable, nothing beyond.
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 0, col: 0 }, 'ArrowLeft', size)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 30, col: 25 }, 'ArrowDown', size)).toEqual({ row: 30, col: 25 });
    expect(moveInGrid({ row: 30, col: 25 }, 'ArrowRight', size)).toEqual({ row: 30, col: 25 });
  });

  it('Home / End go to the row’s ends, with Ctrl to the grid’s corners; Page Up / Down move ten rows', () => {
    expect(moveInGrid({ row: 5, col: 7 }, 'Home', size)).toEqual({ row: 5, col: 0 });
    expect(moveInGrid({ row: 5, col: 7 }, 'End', size)).toEqual({ row: 5, col: 25 });
    expect(moveInGrid({ row: 5, col: 7 }, 'Home', size, true)).toEqual({ row: 0, col: 0 });
    expect(moveInGrid({ row: 5, col: 7 }, 'End', size, true)).toEqual({ row: 30, col: 25 });
    expect(moveInGrid({ row: 5, col: 7 }, 'PageDown', size)).toEqual({ row: 15, col: 7 });
    expect(moveInGrid({ row: 25, col: 7 }, 'PageDown', size)).toEqual({ row: 30, col: 7 });
    expect(moveInGrid({ row: 5, col: 7 }, 'PageUp', size)).toEqual({ row: 0, col: 7 });
  });

  it('leaves other keys to the page', () => {
    for (const key of ['Enter', ' ', 'a', 'Tab', 'Escape']) expect(moveInGrid({ row: 1, col: 1 }, key, size)).toBeNull();
  });

  it('keeps the focus inside a grid that shrank', () => {
    expect(clampPosition({ row: 12, col: 40 }, { rows: 5, cols: 10 })).toEqual({ row: 5, col: 10 });
    expect(clampPosition({ row: 2, col: 3 }, { rows: 5, cols: 10 })).toEqual({ row: 2, col: 3 });
  });
});

describe('task grid rows', () => {
  // 0 extract, 1 sub (subflow), 2 sub/inner, 3 sub/deeper (subflow), 4 sub/deeper/leaf, 5 load
  const rows = [{ parent: null }, { parent: null }, { parent: 1 }, { parent: 1 }, { parent: 3 }, { parent: null }];

  it('shows a subflow’s rows only while it and every subflow above it are expanded', () => {
    expect(visibleRows(rows, new Set())).toEqual([0, 1, 5]);
    expect(visibleRows(rows, new Set([1]))).toEqual([0, 1, 2, 3, 5]);
    expect(visibleRows(rows, new Set([1, 3]))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(visibleRows(rows, new Set([3]))).toEqual([0, 1, 5]);
  });
});

describe('task grid cells and URL', () => {
  it('orders a mix worst first and says it in words', () => {
    expect(stateMix({ COMPLETED: 2, FAILED: 1, RUNNING: 0, CRASHED: 1 })).toEqual([
      ['FAILED', 1],
      ['CRASHED', 1],
      ['COMPLETED', 2],
    ]);
    expect(describeMix(4, { COMPLETED: 2, FAILED: 1, CRASHED: 1 })).toBe('4 runs: 1 Failed, 1 Crashed, 2 Completed');
    expect(describeMix(1, { FAILED: 1 }, 'Failed', 'FAILED')).toBe('Failed');
    expect(describeMix(1, { SCHEDULED: 1 }, null, 'SCHEDULED')).toBe('Scheduled');
  });

  it('reads ?grid= as one of the chooser’s sizes, leaving the default out', () => {
    expect(parseGridRuns(50)).toBe(50);
    expect(parseGridRuns('100')).toBe(100);
    expect(parseGridRuns(25)).toBeUndefined();
    expect(parseGridRuns(7)).toBeUndefined();
    expect(parseGridRuns('x')).toBeUndefined();
    expect(parseDeploymentSearch({ tab: 'upcoming', grid: 10 })).toEqual({ tab: 'upcoming', grid: 10 });
    expect(parseDeploymentSearch({ grid: 1000 })).toEqual({});
  });
});
