/**
 * Vitest globalSetup (server projects): one PostgreSQL server for the whole run, shared
 * by every project that lists this file, stopped when the last of them is done. Tests
 * reach it through test/support/postgres.ts (freshDatabaseUrl), which reads what this
 * file provides.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { dropDatabases, findPostgresBinaries, startPostgres } from './postgres-server.js';
import pg from 'pg';

export interface PostgresContext {
  /** The maintenance database's URL on the test server; null when there is none. */
  serverUrl: string | null;
  /** Why there is no server (or null). */
  reason: string | null;
  /** Whether a missing server fails the PostgreSQL tests instead of skipping them (KEYPLANE_REQUIRE_POSTGRES=1, or CI). */
  required: boolean;
  /** Every database this run creates starts with it (keyplane_test_<run>_). */
  prefix: string;
  version: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresContext;
  }
}

interface Shared {
  users: number;
  ready: Promise<{ context: PostgresContext; stop: () => Promise<void> }>;
}

const SHARED = Symbol.for('keyplane.test.postgres');
const registry = globalThis as unknown as Record<symbol, Shared | undefined>;

async function reachable(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '';
  } finally {
    await client.end();
  }
}

async function start(): Promise<{ context: PostgresContext; stop: () => Promise<void> }> {
  const required = process.env.KEYPLANE_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';
  const prefix = `keyplane_test_${randomBytes(4).toString('hex')}_`;
  const none = (reason: string) => {
    console.warn(`PostgreSQL tests ${required ? 'will FAIL' : 'skipped'}: ${reason}`);
    return { context: { serverUrl: null, reason, required, prefix, version: null }, stop: async () => undefined };
  };

  const existing = process.env.KEYPLANE_TEST_DATABASE_URL;
  if (existing) {
    try {
      const version = await reachable(existing);
      return {
        context: { serverUrl: existing, reason: null, required, prefix, version },
        stop: () => dropDatabases(existing, prefix),
      };
    } catch (error) {
      return none(`KEYPLANE_TEST_DATABASE_URL does not answer: ${(error as Error).message}`);
    }
  }

  const binaries = findPostgresBinaries();
  if (!binaries) {
    return none(
      'no PostgreSQL server found (initdb and postgres in pg_config --bindir, /usr/lib/postgresql/*/bin or PATH); install postgresql or set KEYPLANE_TEST_DATABASE_URL',
    );
  }
  try {
    const server = await startPostgres(binaries);
    if (process.env.KEYPLANE_TEST_POSTGRES_TIMINGS === '1') {
      console.warn(
        `PostgreSQL ${server.version} for the tests: initdb ${Math.round(server.timings.initdbMs)} ms, start ${Math.round(server.timings.startMs)} ms (${server.dir})`,
      );
    }
    return { context: { serverUrl: server.url, reason: null, required, prefix, version: server.version }, stop: () => server.stop() };
  } catch (error) {
    return none(`could not start ${binaries.bindir}/postgres: ${(error as Error).message}`);
  }
}

export default async function setup(project: TestProject) {
  const shared = (registry[SHARED] ??= { users: 0, ready: start() });
  shared.users++;
  const { context, stop } = await shared.ready;
  project.provide('postgres', context);
  return async () => {
    if (--shared.users > 0) return;
    registry[SHARED] = undefined;
    await stop();
  };
}
