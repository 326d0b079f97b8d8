import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { openSqlite, openStore, type OpenedStore } from '../../src/server/store/open-store.js';
import type { Queryable, SqlValue } from '../../src/server/store/sql/driver.js';
import type { Role } from '../../src/server/store/types.js';
import { freshDatabaseUrl } from '../support/postgres.js';
import { snapshotTables } from '../support/store-rows.js';

export const PASSWORD = 'correct-horse-battery';

export type Auth = { key?: string; cookie?: string; csrf?: boolean; tenant?: string; headers?: Record<string, string> };

export interface GqlResult<T = any> {
  status: number;
  data: T;
  errors?: { message: string; extensions: { code: string; field?: string } }[];
  headers: Record<string, unknown>;
  cookies: { name: string; value: string }[];
  raw: string;
}

/**
 * Which store the server tests run on: KEYPLANE_TEST_STORE=sqlite (the default) or
 * postgres. Read here alone; tests about SQLite itself (its files, WAL, another
 * connection) open its file through dbPath.
 */
export const TEST_STORE = (process.env.KEYPLANE_TEST_STORE ?? 'sqlite') as 'sqlite' | 'postgres';
if (TEST_STORE !== 'sqlite' && TEST_STORE !== 'postgres') throw new Error(`KEYPLANE_TEST_STORE=${String(TEST_STORE)}: expected sqlite or postgres.`);

/** Each test server's PostgreSQL database, by its data directory: a restart opens the same one. */
const postgresDatabases = new Map<string, string>();

/** The database a test server runs on; a restart opens it again on the same data directory. */
async function openTestDatabase(dataDir: string): Promise<OpenedStore> {
  if (TEST_STORE === 'postgres') {
    // A fresh database on the run's PostgreSQL server (test/support/postgres.ts), through openStore as keyplane serve opens it.
    let url = postgresDatabases.get(dataDir);
    if (url === undefined) {
      url = await freshDatabaseUrl();
      postgresDatabases.set(dataDir, url);
    }
    return openStore({ databaseUrl: url, dataDir });
  }
  return openSqlite(join(dataDir, 'keyplane.db'));
}

/** The real server in-process on a fresh database (a temporary SQLite file unless KEYPLANE_TEST_STORE says otherwise). */
export async function startServer(config = {}, appOptions: Pick<AppOptions, 'scheduler' | 'logger'> = {}) {
  // The scheduler's timer stays off: a job running on its own mid-test would change rows
  // under a "changes nothing" comparison. Tests run its jobs with app.scheduler.tick().
  const options = { ...appOptions, scheduler: { start: false, ...appOptions.scheduler } };
  const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-test-'));
  let app: FastifyInstance = await buildApp({ database: await openTestDatabase(dataDir), dataDir, uiDir: null, config, ...options });
  /** The SQLite file, for the tests about SQLite itself. */
  const dbPath = join(dataDir, 'keyplane.db');

  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
    if (auth.key !== undefined) headers.authorization = `Bearer ${auth.key}`;
    if (auth.cookie) headers.cookie = `keyplane_session=${auth.cookie}`;
    if (auth.cookie && auth.csrf !== false) headers['x-keyplane-csrf'] = '1';
    if (auth.tenant) headers['x-tenant-id'] = auth.tenant;
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: JSON.stringify({ query, variables }), headers });
    const body = response.json();
    return { status: response.statusCode, data: body.data, errors: body.errors, headers: response.headers, cookies: response.cookies, raw: response.body };
  }

  /** Every row of every table, read through the store's driver: "changes nothing" means this is equal before and after. */
  function snapshot(): Promise<Record<string, Record<string, unknown>[]>> {
    return snapshotTables(app.database.driver);
  }

  /** Rows read straight from the server's database, through its driver (SQL both dialects read: quote "user"). */
  function rows<T = Record<string, unknown>>(text: string, params: SqlValue[] = []): Promise<T[]> {
    return app.database.driver.all<T>(text, params);
  }

  /**
   * A write straight to the server's database, for what the API cannot do (time passing,
   * rows by the thousand). The caches are told, as they are of the store's own changes.
   */
  async function write(fn: (db: Queryable) => Promise<unknown>): Promise<void> {
    await app.database.driver.transaction(async (tx) => {
      await fn(tx);
    });
    await app.changes.changed();
  }

  /** Stops and starts the server on the same data directory, as a restart would. */
  async function restart() {
    // A test may have closed the store under the app; closing still ends the app.
    await app.close().catch(() => undefined);
    app = await buildApp({ database: await openTestDatabase(dataDir), dataDir, uiDir: null, config, ...options });
  }

  async function close() {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    get app() {
      return app;
    },
    gql,
    dbPath,
    dataDir,
    snapshot,
    rows,
    write,
    restart,
    close,
  };
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/** GraphQL errors less their request ids (each request has its own): for "the same answer" comparisons. */
export function withoutRequestIds<E extends { extensions?: Record<string, unknown> }>(errors: E[] | undefined): E[] | undefined {
  return errors?.map((error) => {
    const { request_id: _requestId, ...extensions } = error.extensions ?? {};
    return { ...error, extensions };
  });
}

export const CREATE_KEY = `mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key token } }`;
export const DELETE_KEY = `mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }`;
export const AUTH_INFO = `{ auth_info { user_id tenant_id role api_key_id permissions user { id username account_type } tenant { id slug name } } }`;

/**
 * A small world: tenant A with an administrator, a user, a read-only user, an
 * admin-role and a user-role service account; tenant B with its own administrator.
 */
export async function buildWorld(server: Server) {
  const { app, gql } = server;
  const store = app.store;
  const boot = await gql(`mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id tenant_slug } }`, {
    input: { email: 'admin@a.test', username: 'Alice Admin', password: PASSWORD, tenant_name: 'Tenant A' },
  });
  const tenantA = boot.data.bootstrap.tenant_id as string;
  const audit = { actorId: null, sourceAddress: null };
  const passwordHash = await hashPassword(PASSWORD);

  async function person(email: string, username: string, tenantId: string, role: Role) {
    const user = await store.createUser({ email, username, passwordHash });
    const invitation = await store.createInvitation(
      { tenantId, email, role, tokenHash: `${email}-token`, invitedById: user.id, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      audit,
    );
    await store.acceptInvitation(invitation.id, user.id, audit);
    return user.id;
  }

  const userB = await store.createUser({ email: 'admin@b.test', username: 'Bob Admin', passwordHash });
  const tenantB = (await store.createTenant({ name: 'Tenant B', slug: 'tenant-b', adminUserId: userB.id }, audit)).id;
  const ids = {
    tenantA,
    tenantB,
    admin: boot.data.bootstrap.user_id as string,
    user: await person('user@a.test', 'Uma User', tenantA, 'USER'),
    reader: await person('reader@a.test', 'Rex Reader', tenantA, 'READ_ONLY_USER'),
    adminB: userB.id,
    adminSa: (await store.createServiceAccount({ tenantId: tenantA, name: 'ci-admin', role: 'TENANT_ADMIN' }, audit)).id,
    userSa: (await store.createServiceAccount({ tenantId: tenantA, name: 'ci-user', role: 'USER' }, audit)).id,
  };

  async function signIn(email: string): Promise<string> {
    const result = await gql(`mutation ($input: log_in_input!) { log_in(input: $input) { user_id expires_at } }`, { input: { email, password: PASSWORD } });
    const cookie = result.cookies.find((c) => c.name === 'keyplane_session');
    if (!cookie) throw new Error(`sign-in failed for ${email}: ${JSON.stringify(result.errors)}`);
    return cookie.value;
  }

  const sessions = {
    admin: await signIn('admin@a.test'),
    user: await signIn('user@a.test'),
    reader: await signIn('reader@a.test'),
    adminB: await signIn('admin@b.test'),
  };

  /** Creates a key through the API, as `as` (a session cookie), for `userId`. */
  async function createKey(as: string, userId: string, name: string, extra: Record<string, unknown> = {}) {
    const result = await gql(CREATE_KEY, { input: { user_id: userId, name, ...extra } }, { cookie: as });
    if (!result.data?.create_api_key) throw new Error(`create_api_key failed: ${JSON.stringify(result.errors)}`);
    return result.data.create_api_key as { id: string; key: string; token: string };
  }

  const keys = {
    admin: await createKey(sessions.admin, ids.admin, 'admin-key'),
    user: await createKey(sessions.user, ids.user, 'user-key'),
    reader: await createKey(sessions.reader, ids.reader, 'reader-key'),
    adminB: await createKey(sessions.adminB, ids.adminB, 'admin-b-key'),
    adminSa: await createKey(sessions.admin, ids.adminSa, 'admin-sa-key'),
    userSa: await createKey(sessions.admin, ids.userSa, 'user-sa-key'),
  };

  return { ids, sessions, keys, signIn, createKey };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export type Snapshot = Record<string, Record<string, unknown>[]>;

/**
 * The rows after, with each key's last_used_at (and the address recorded with it) taken
 * from before wherever it only moved forward: the keys' uses are written in batches, a second after the request, which may
 * land between the two snapshots. A use time cleared or moved back still differs.
 */
export function usesSettled(before: Snapshot, after: Snapshot): Snapshot {
  const earlier = new Map(before.api_key.map((row) => [row.id, row]));
  const api_key = after.api_key.map((row) => {
    const old = earlier.get(row.id);
    const was = old?.last_used_at as string | null | undefined;
    const is = row.last_used_at as string | null;
    return old && is !== null && (was === null || is >= was!) ? { ...row, last_used_at: was, last_used_address: old.last_used_address } : row;
  });
  return { ...after, api_key };
}
