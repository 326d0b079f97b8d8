/**
 * PostgreSQL for tests: the server the globalSetup started (or KEYPLANE_TEST_DATABASE_URL's),
 * a fresh database per caller, and describePostgres, which skips its tests when there is
 * no server, or fails them when one is required (KEYPLANE_REQUIRE_POSTGRES=1, CI).
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { PostgresContext } from './postgres-global-setup.js';
import { createDatabase } from './postgres-server.js';

const NOT_SET_UP: PostgresContext = {
  serverUrl: null,
  reason: 'this Vitest project does not list test/support/postgres-global-setup.ts in its globalSetup',
  required: process.env.KEYPLANE_REQUIRE_POSTGRES === '1',
  prefix: 'keyplane_test_',
  version: null,
};

export const postgres: PostgresContext = inject('postgres') ?? NOT_SET_UP;
export const postgresAvailable = postgres.serverUrl !== null;

/** A describe block for tests that need PostgreSQL: skipped without a server, failing without one when it is required. */
export function describePostgres(name: string, body: () => void): void {
  if (postgresAvailable) describe(name, body);
  else if (postgres.required) {
    describe(name, () => {
      it('has a PostgreSQL server (KEYPLANE_REQUIRE_POSTGRES=1)', () => {
        expect.fail(`no PostgreSQL server for the tests: ${postgres.reason}`);
      });
    });
  } else describe.skip(name, body);
}

/** The URL of a new, empty database on the test server (keyplane_test_<run>_<random>). */
export async function freshDatabaseUrl(): Promise<string> {
  if (!postgres.serverUrl) throw new Error(`no PostgreSQL server for the tests: ${postgres.reason}`);
  return createDatabase(postgres.serverUrl, `${postgres.prefix}${randomBytes(6).toString('hex')}`);
}
