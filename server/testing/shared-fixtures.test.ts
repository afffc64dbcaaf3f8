import { describe, expect, it } from 'vitest';
import { readFixtureJson, readFixtureLines } from './shared-fixtures.ts';

describe('shared fixtures', () => {
  it('are found and hold the documented corpus', () => {
    expect(readFixtureLines('block-schemas.ndjson')).toHaveLength(92);
    expect(readFixtureLines('parameter-schemas.ndjson')).toHaveLength(131);
    expect(readFixtureLines('validation-cases.ndjson')).toHaveLength(12);
    expect(Object.keys(readFixtureJson<Record<string, unknown>>('work-pool-types.json')).length).toBeGreaterThan(0);
  });
});
