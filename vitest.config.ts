import { defineConfig } from 'vitest/config';

// API tests run against SQLite, and again against PostgreSQL when SYNTASK_TEST_POSTGRES_URL is set.
const postgres = process.env.SYNTASK_TEST_POSTGRES_URL;

export default defineConfig({
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
