import { describe, expect, it } from 'vitest';
import { artifactTable, cellText } from './artifact-table.ts';

describe('table artifacts', () => {
  it('reads the SDK form: a JSON string of row objects, columns in first-seen order', () => {
    expect(artifactTable(JSON.stringify([{ region: 'eu', rows: 10 }, { region: 'us', errors: 2 }]))).toEqual({
      columns: ['region', 'rows', 'errors'],
      rows: [
        ['eu', 10, undefined],
        ['us', undefined, 2],
      ],
    });
  });

  it('reads columns as lists and rows as arrays', () => {
    expect(artifactTable({ a: [1, 2], b: ['x'] })).toEqual({ columns: ['a', 'b'], rows: [[1, 'x'], [2, undefined]] });
    expect(artifactTable([[1, 2], [3]])).toEqual({ columns: ['1', '2'], rows: [[1, 2], [3, undefined]] });
  });

  it('is not a table otherwise', () => {
    expect(artifactTable('not json')).toBeNull();
    expect(artifactTable(42)).toBeNull();
    expect(artifactTable([1, 'two'])).toBeNull();
    expect(artifactTable({ a: 1 })).toBeNull();
  });

  it('shows cells as text', () => {
    expect([cellText('a'), cellText(null), cellText(undefined), cellText(1.5), cellText({ k: [1] })]).toEqual(['a', '', '', '1.5', '{"k":[1]}']);
  });
});
