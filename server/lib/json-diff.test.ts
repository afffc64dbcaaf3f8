import { describe, expect, it } from 'vitest';
import { jsonDiff } from './json-diff.ts';

describe('parameter differences', () => {
  it('names each differing leaf by its path, nested objects and arrays too; equal values are left out', () => {
    const left = { report_date: '2026-01-05', regions: ['eu-west', 'us-east'], thresholds: { warn: 0.5, fail: 0.9 }, note: 'a', same: { x: 1 } };
    const right = { report_date: '2026-01-06', regions: ['eu-west', 'us-east', 'ap-south'], thresholds: { warn: 0.5, fail: 0.95 }, limit: 250, same: { x: 1 } };
    expect(jsonDiff(left, right)).toEqual([
      { path: 'limit', status: 'only_right', right: 250 },
      { path: 'note', status: 'only_left', left: 'a' },
      { path: 'regions[2]', status: 'only_right', right: 'ap-south' },
      { path: 'report_date', status: 'changed', left: '2026-01-05', right: '2026-01-06' },
      { path: 'thresholds.fail', status: 'changed', left: 0.9, right: 0.95 },
    ]);
  });

  it('a type change is one change, not a walk', () => {
    expect(jsonDiff({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: 'a', status: 'changed', left: { b: 1 }, right: [1] }]);
    expect(jsonDiff({}, {})).toEqual([]);
  });
});
