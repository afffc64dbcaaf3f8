import { describe, expect, it } from 'vitest';
import { latestArtifactFilterBody, parseListSearch, variableFilterBody } from './list-search.ts';

describe('list search params', () => {
  it('keeps valid values and drops the rest', () => {
    expect(parseListSearch({ q: ' db ', tag: ['prod', 'prod', ''], type: 'markdown', page: 3 })).toEqual({ q: ' db ', tag: ['prod'], type: 'markdown', page: 3 });
    expect(parseListSearch({ q: '  ', tag: 5, type: 'a b', page: 1 })).toEqual({});
    expect(parseListSearch({ tag: 'one', page: 2.5 })).toEqual({ tag: ['one'] });
  });

  it('filters variables by name and tags on the server', () => {
    expect(variableFilterBody({})).toEqual({});
    expect(variableFilterBody({ q: 'url', tag: ['prod'] })).toEqual({ variables: { name: { like_: 'url' }, tags: { all_: ['prod'] } } });
  });

  it('hides result artifacts unless their type is chosen', () => {
    expect(latestArtifactFilterBody({})).toEqual({ artifacts: { type: { not_any_: ['result'] } } });
    expect(latestArtifactFilterBody({ q: 'rep', type: 'result' })).toEqual({ artifacts: { key: { like_: 'rep' }, type: { any_: ['result'] } } });
  });
});
