import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Mercurius require()s graphql's CommonJS build; without this alias, server code run by
// Vitest would get its ESM build, a second copy whose classes graphql-js refuses
// ("another module or realm"). Under plain Node there is one copy already.
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] };
const testFile = (name: string) => `test/server/${name}.test.ts`;

export default defineConfig({
  test: {
    globals: true,
    projects: [
      {
        resolve: oneGraphql,
        test: {
          name: 'server',
          globals: true,
          environment: 'node',
          include: ['test/server/**/*.test.ts', 'test/cli/**/*.test.ts'],
          // One PostgreSQL server for the run (test/support/postgres.ts gives each file a database of its own).
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The server suite again on PostgreSQL: every file whose tests go through a store,
        // on a fresh database each (test/server/harness.ts, KEYPLANE_TEST_STORE).
        resolve: oneGraphql,
        test: {
          name: 'server-postgres',
          globals: true,
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          exclude: [
            // No store beneath them: the same on both.
            ...['audit-actions', 'bundle-budget', 'codegen', 'compression', 'graphql-api-docs', 'graphql-over-http', 'introspection'].map(testFile),
            ...['logging', 'persisted-queries', 'request-id', 'schema-descriptions', 'security-headers', 'shared-rules'].map(testFile),
            // SQLite itself: its file after a crash, its checkpoints, group commit on its driver.
            testFile('crash-safety'),
            testFile('sqlite-checkpoints'),
            testFile('group-commit'),
            // On PostgreSQL whichever store the suite runs on (the server project runs them).
            ...['postgres-*', 'instances', 'database-loss', 'shared-failure-limiter'].map(testFile),
          ],
          globalSetup: ['test/support/postgres-global-setup.ts'],
          env: { KEYPLANE_TEST_STORE: 'postgres' },
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'ui',
          globals: true,
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/ui/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        // The server runs in-process here too.
        resolve: oneGraphql,
        test: {
          name: 'e2e',
          globals: true,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
