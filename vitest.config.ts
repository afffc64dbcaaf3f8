import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// API tests run against SQLite, and again against PostgreSQL when SYNTASK_TEST_POSTGRES_URL is set.
const postgres = process.env.SYNTASK_TEST_POSTGRES_URL;

const ROOT = dirname(fileURLToPath(import.meta.url));

/** The real-world schemas in `fixtures/` (or `SYNTASK_FIXTURES_DIR`), for dashboard tests that import them as `@fixtures/<file>?raw`. */
const FIXTURES = process.env.SYNTASK_FIXTURES_DIR || join(ROOT, 'fixtures');

export default defineConfig({
  resolve: { alias: { '@fixtures': FIXTURES } },
  // DOM-environment tests load the fixtures through Vite, which serves only allowed dirs (matters for an outside override).
  server: { fs: { allow: [ROOT, FIXTURES] } },
  test: {
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // Server tests share one module graph per worker (isolate: false): each builds its own app and
      // database, and importing the server afresh for every file was half of their time. SDK and
      // dashboard tests set process-wide state (env, DOM), so they keep a fresh module graph each
      // (the postgres project's one SDK file, heartbeats, only spawns processes).
      { extends: true as const, test: { name: 'sqlite', include: ['server/**/*.test.ts'], isolate: false, env: { SYNTASK_TEST_DB: 'sqlite' } } },
      { extends: true as const, test: { name: 'sdk-ui', include: ['sdk/**/*.test.ts', 'src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'], env: { SYNTASK_TEST_DB: 'sqlite' } } },
      ...(postgres
        ? [{ extends: true as const, test: { name: 'postgres', include: ['server/api/**/*.test.ts', 'server/events/**/*.test.ts', 'server/automations/**/*.test.ts', 'server/orchestration/**/*.test.ts', 'server/services/**/*.test.ts', 'server/db/migrate.test.ts', 'sdk/worker/heartbeats.test.ts'], isolate: false, env: { SYNTASK_TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
