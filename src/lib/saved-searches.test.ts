import { describe, expect, it } from 'vitest';
import { parseRunsSearch } from './run-filters.ts';
import { fromSavedFilters, matchesSavedFilters, toSavedFilters } from './saved-searches.ts';

const FLOW = '5a1f9b0e-7c3d-4e2a-8b6f-1d2c3e4f5a6b';

describe('saved searches ↔ runs filters', () => {
  it('keeps the filters, not the tab, sort or page, and round-trips them', () => {
    const search = parseRunsSearch({ tab: 'task-runs', range: '24h', state: ['FAILED', 'Late'], flow: [FLOW], pool: ['gpu'], tag: ['nightly'], q: 'etl', subflows: 'hide', sort: 'NAME_ASC', page: 3 });
    const filters = toSavedFilters(search);
    expect(filters).toContainEqual({ object: 'flow_run', property: 'state', type: 'array', operation: 'any', value: ['FAILED', 'Late'] });
    expect(filters).toContainEqual({ object: 'flow_run', property: 'range', type: 'string', operation: 'equals', value: '24h' });
    expect(filters.map((f) => f.property)).not.toContain('page');
    expect(filters.map((f) => f.property)).not.toContain('sort');
    const back = fromSavedFilters(filters);
    expect(back).toMatchObject({ range: '24h', state: ['FAILED', 'Late'], flow: [FLOW], pool: ['gpu'], tag: ['nightly'], q: 'etl', subflows: 'hide', page: 1 });
    expect(matchesSavedFilters({ ...search, page: 1 }, filters)).toBe(true);
    expect(matchesSavedFilters(parseRunsSearch({}), filters)).toBe(false);
  });

  it('the default view saves no criteria; foreign or malformed criteria are ignored', () => {
    expect(toSavedFilters(parseRunsSearch({}))).toEqual([]);
    const back = fromSavedFilters([
      { object: 'flow', property: 'name', type: 'string', operation: 'equals', value: 'x' },
      { object: 'flow_run', property: 'flow', type: 'array', operation: 'any', value: ['not-a-uuid'] },
      { object: 'flow_run', property: 'range', type: 'string', operation: 'equals', value: 'forever' },
    ]);
    expect(back).toEqual(parseRunsSearch({}));
  });
});
