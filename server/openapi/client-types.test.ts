import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_PATH, generateClientTypes } from './client-types.ts';

describe('dashboard client types (src/api/schema.gen.ts)', () => {
  it('match the OpenAPI document of the current server: run `npm run gen:api` when this fails', async () => {
    const committed = readFileSync(CLIENT_TYPES_PATH, 'utf8');
    const fresh = await generateClientTypes();
    expect(committed === fresh, 'src/api/schema.gen.ts is stale: run `npm run gen:api` and commit the result').toBe(true);
  });
});
