import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../app.ts';

/**
 * The real-world schemas in `../shared/fixtures` (read-only, not ours). A clone may sit
 * anywhere, so the directory is `SYNTASK_FIXTURES_DIR` or the nearest `shared/fixtures`
 * found walking up from the repository.
 */
export function fixturesDir(): string {
  const fromEnv = process.env.SYNTASK_FIXTURES_DIR;
  if (fromEnv) return fromEnv;
  for (let dir = PACKAGE_ROOT; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'fixtures');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error('Shared fixtures not found: set SYNTASK_FIXTURES_DIR to the directory holding block-schemas.ndjson');
}

export function readFixtureLines<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(join(fixturesDir(), file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function readFixtureJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(join(fixturesDir(), file), 'utf8')) as T;
}
