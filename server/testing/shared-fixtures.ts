import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../app.ts';

/** The real-world schemas copied into `fixtures/` (read-only, not ours), or `SYNTASK_FIXTURES_DIR` if set. */
export function fixturesDir(): string {
  return process.env.SYNTASK_FIXTURES_DIR || join(PACKAGE_ROOT, 'fixtures');
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
