import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// API tests run against SQLite, and again against PostgreSQL when SYNTASK_TEST_POSTGRES_URL is set.
const postgres = process.env.SYNTASK_TEST_POSTGRES_URL;

/** The shared real-world schemas (`shared/fixtures`), for dashboard tests that import them as `@fixtures/<file>?raw`. */
function fixturesDir(): string {
  if (process.env.SYNTASK_FIXTURES_DIR) return process.env.SYNTASK_FIXTURES_DIR;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'fixtures', 'README.md'))) return join(dir, 'shared', 'fixtures');
  }
  return join(dirname(fileURLToPath(import.meta.url)), 'shared-fixtures-not-found');
}

const ROOT = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: { alias: { '@fixtures': fixturesDir() } },
  // The fixtures live outside the repository; DOM-environment tests load them through Vite.
  server: { fs: { allow: [ROOT, fixturesDir()] } },
  test: {
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: { name: 'sqlite', include: ['server/**/*.test.ts', 'sdk/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'], env: { SYNTASK_TEST_DB: 'sqlite' } },
      },
      ...(postgres
        ? [{ extends: true as const, test: { name: 'postgres', include: ['server/api/**/*.test.ts', 'server/orchestration/**/*.test.ts', 'server/services/**/*.test.ts'], env: { SYNTASK_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
