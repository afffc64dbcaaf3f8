import { describe, expect, it } from 'vitest';
import bundledText from '../../server/data/work-pool-types.json?raw';
import { poolTypesFromCatalog } from './work-pools.ts';

describe('pool types from the worker catalog', () => {
  it('lists every type of the bundled catalog, process first, each with its template', () => {
    const catalog = JSON.parse(bundledText) as Record<string, Record<string, object>>;
    const types = poolTypesFromCatalog(catalog);
    expect(types).toHaveLength(Object.values(catalog).reduce((n, c) => n + Object.keys(c).length, 0));
    expect(types[0]).toMatchObject({ type: 'process', displayName: 'Process', collection: 'syntask' });
    expect(types.find((t) => t.type === 'kubernetes')?.baseJobTemplate).toHaveProperty('variables');
    expect(types.find((t) => t.type === 'syntask-agent')?.baseJobTemplate).toEqual({});
  });

  it('reads what it can of odd entries and skips the rest', () => {
    const types = poolTypesFromCatalog({ a: { x: { display_name: 7, default_base_job_configuration: [] }, y: null }, b: 'nope' });
    expect(types).toEqual([{ type: 'x', displayName: 'x', description: '', collection: 'a', isBeta: false, documentationUrl: null, baseJobTemplate: {} }]);
  });
});
