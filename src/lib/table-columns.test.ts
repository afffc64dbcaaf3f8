import { describe, expect, it } from 'vitest';
import { chooseColumn, collapseTags, parseColumnChoices, visibleColumns, type TableColumn } from './table-columns.ts';

const COLUMNS: TableColumn[] = [
  { id: 'name', label: 'Run', width: 200, required: true },
  { id: 'flow', label: 'Flow', width: 100, priority: 2 },
  { id: 'start', label: 'Start', width: 150, priority: 1 },
  { id: 'tags', label: 'Tags', width: 200, priority: 3 },
];
const ids = (set: Set<string>) => [...set].sort();

describe('visibleColumns', () => {
  it('shows every column while the width is unknown or wide enough', () => {
    expect(ids(visibleColumns(COLUMNS, {}, undefined))).toEqual(['flow', 'name', 'start', 'tags']);
    expect(ids(visibleColumns(COLUMNS, {}, 650))).toEqual(['flow', 'name', 'start', 'tags']);
  });

  it('keeps the most important columns that fit and skips the rest', () => {
    expect(ids(visibleColumns(COLUMNS, {}, 360))).toEqual(['name', 'start']);
    expect(ids(visibleColumns(COLUMNS, {}, 460))).toEqual(['flow', 'name', 'start']);
    // A less important but narrow column still fits where a wider, more important one does not.
    expect(ids(visibleColumns(COLUMNS, {}, 310))).toEqual(['flow', 'name']);
  });

  it('always shows required columns, even without room', () => {
    expect(ids(visibleColumns(COLUMNS, {}, 50))).toEqual(['name']);
  });

  it('follows the user: a hidden column stays hidden, a chosen one shows and takes its room first', () => {
    expect(ids(visibleColumns(COLUMNS, { start: false }, 1000))).toEqual(['flow', 'name', 'tags']);
    expect(ids(visibleColumns(COLUMNS, { tags: true }, 460))).toEqual(['name', 'tags']);
    expect(ids(visibleColumns(COLUMNS, { tags: true }, 500))).toEqual(['flow', 'name', 'tags']);
    expect(ids(visibleColumns(COLUMNS, { tags: true, flow: true }, 100))).toEqual(['flow', 'name', 'tags']);
  });
});

describe('chooseColumn', () => {
  it('keeps the columns that show now, so adding one does not push another out', () => {
    const before = visibleColumns(COLUMNS, {}, 460);
    const choices = chooseColumn(COLUMNS, before, 'tags', true);
    expect(choices).toEqual({ flow: true, start: true, tags: true });
    expect(ids(visibleColumns(COLUMNS, choices, 460))).toEqual(['flow', 'name', 'start', 'tags']);
  });

  it('hides a column for good, whatever the width', () => {
    const choices = chooseColumn(COLUMNS, visibleColumns(COLUMNS, {}, 1000), 'start', false);
    expect(ids(visibleColumns(COLUMNS, choices, 2000))).toEqual(['flow', 'name', 'tags']);
  });
});

describe('parseColumnChoices', () => {
  it('keeps booleans for known optional columns', () => {
    expect(parseColumnChoices('{"flow":false,"tags":true,"name":false,"gone":true,"start":"yes"}', COLUMNS)).toEqual({ flow: false, tags: true });
  });

  it('reads nothing from missing or broken storage', () => {
    expect(parseColumnChoices(null, COLUMNS)).toEqual({});
    expect(parseColumnChoices('not json', COLUMNS)).toEqual({});
    expect(parseColumnChoices('[true]', COLUMNS)).toEqual({});
    expect(parseColumnChoices('null', COLUMNS)).toEqual({});
  });
});

describe('collapseTags', () => {
  it('shows short tags up to the maximum and counts the rest', () => {
    expect(collapseTags(['a', 'b', 'c', 'd', 'e'], 2)).toEqual({ shown: ['a', 'b'], hidden: ['c', 'd', 'e'] });
    expect(collapseTags(['a', 'b'], 2)).toEqual({ shown: ['a', 'b'], hidden: [] });
    expect(collapseTags([], 2)).toEqual({ shown: [], hidden: [] });
  });

  it('collapses long tags to one chip and "+N"', () => {
    const long = ['customer-segment-enterprise-emea', 'warehouse-nightly-refresh', 'priority-high', 'x'];
    expect(collapseTags(long, 3)).toEqual({ shown: ['customer-segment-enterprise-emea'], hidden: long.slice(1) });
  });

  it('always shows the first tag, however long', () => {
    expect(collapseTags(['a'.repeat(80)], 2).shown).toHaveLength(1);
  });
});
