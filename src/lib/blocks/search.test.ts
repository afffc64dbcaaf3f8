import { describe, expect, it } from 'vitest';
import { blockFilterBody, catalogFilterBody, parseBlocksSearch, parseCatalogSearch } from './search.ts';

describe('block list search params', () => {
  it('keeps valid values and drops the rest', () => {
    expect(parseBlocksSearch({ q: 'prod', type: ['secret', 'Not A Slug', 'secret'], capability: 'notify', page: 3 })).toEqual({ q: 'prod', type: ['secret'], capability: 'notify', page: 3 });
    expect(parseBlocksSearch({ q: '  ', type: 'json', page: 1 })).toEqual({ type: ['json'] });
  });

  it('filters by name, type slug and capability', () => {
    expect(blockFilterBody({ q: 'prod', type: ['secret'], capability: 'notify' })).toEqual({
      block_documents: { name: { like_: 'prod' } },
      block_types: { slug: { any_: ['secret'] } },
      block_schemas: { block_capabilities: { all_: ['notify'] } },
    });
    expect(blockFilterBody({})).toEqual({});
  });
});

describe('catalog search params', () => {
  it('filters block types by name and capability', () => {
    expect(catalogFilterBody(parseCatalogSearch({ q: 'web', capability: 'notify', other: 1 }))).toEqual({ block_types: { name: { like_: 'web' } }, block_schemas: { block_capabilities: { all_: ['notify'] } } });
  });
});
