import { defineConfig } from 'vitest/config';

/**
 * Three projects, so that `npm test` answers in minutes on two cores (issue 12):
 * - `unit`: the pure domain, the web components, the PDF and seal adapters, the docs: no database,
 *   worker threads, isolated files;
 * - `integration`: the store, API and CLI suites on a real database. Each worker opens one
 *   database and keeps it for all its files (`isolate: false`): every test works in a firm of its
 *   own, and a suite that needs an empty database or runs the job queue asks for a fresh one, loaded
 *   from the migrated template the global setup makes once (test/support/test-database.ts);
 * - `slow`: what needs minutes: a 2 000-client campaign killed and resumed, and the fuzz sweep
 *   whole (`npm test` sends a fixed-seed sample of it). `npm run test:slow` runs it; `.ci/run` does,
 *   on both databases.
 */
const SLOW = ['test/api/campaign-resume.test.ts'];
const FUZZ = 'test/api/robustness/fuzz-sweep.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/domain/**', 'src/application/**'],
      reporter: ['text-summary', ['json-summary', { file: 'coverage-summary.json' }]],
      thresholds: { 'src/domain/**': { lines: 100 } },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'test/domain/**/*.test.ts',
            'test/adapters/**/*.test.ts',
            'test/docs/**/*.test.ts',
            'test/web/**/*.test.ts',
            'test/store/database.test.ts',
            'test/config.test.ts',
            'src/**/*.test.ts',
            'web/src/**/*.test.{ts,tsx}',
          ],
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/api/**/*.test.ts', 'test/store/**/*.test.ts', 'test/cli/**/*.test.ts'],
          exclude: [...SLOW, 'test/store/database.test.ts'],
          pool: 'forks',
          isolate: false,
          globalSetup: ['test/support/database-template.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: [...SLOW, FUZZ],
          pool: 'forks',
          env: { LETTRINE_FUZZ: 'all' },
          globalSetup: ['test/support/database-template.ts'],
        },
      },
    ],
  },
});
