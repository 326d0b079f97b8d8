import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { buildApp } from '../../src/server/app.js';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { openSqlite, openStore } from '../../src/server/store/open-store.js';
import { MIGRATIONS } from '../../src/server/store/sqlite/migrations.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';
import { runKeyplane, temporaryHome } from './helpers.js';

// keyplane migrate, on SQLite and PostgreSQL; keyplane copy-data from a SQLite
// installation to PostgreSQL, after which the same keys, passwords and sessions work
// against a server on PostgreSQL.

let home: ReturnType<typeof temporaryHome>;
let work: string;
beforeAll(() => {
  home = temporaryHome();
  work = mkdtempSync(join(tmpdir(), 'keyplane-database-commands-'));
});
afterAll(() => {
  home.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const keyplane = (...argv: string[]) => runKeyplane(argv, { home: home.dir, env: { KEYPLANE_LOG_LEVEL: 'silent' } });

async function call(app: FastifyInstance, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query, variables },
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { body: response.json<{ data?: any; errors?: { extensions: { code: string } }[] }>(), cookies: response.cookies };
}

const AUTH_INFO = '{ auth_info { user_id tenant_id role api_key_id } }';
const CREATE_KEY = 'mutation ($input: create_api_key_input!) { create_api_key(input: $input) { id key } }';

describe('keyplane migrate on SQLite', () => {
  it('creates and migrates a database, then finds nothing to do', async () => {
    const dataDir = join(work, 'fresh');
    const first = await keyplane('migrate', '--data-dir', dataDir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(ExitCode.OK);
    expect(first.stdout).toBe(`Migrated ${join(dataDir, 'keyplane.db')} from schema version 0 to ${MIGRATIONS.length}.\n`);
    const again = await keyplane('migrate', '--data-dir', dataDir);
    expect(again.stdout).toBe(`${join(dataDir, 'keyplane.db')} is at schema version ${MIGRATIONS.length}: nothing to migrate.\n`);
  });

  it('refuses a database a newer Keyplane migrated', async () => {
    const dataDir = join(work, 'newer');
    await keyplane('migrate', '--data-dir', dataDir);
    const db = new Database(join(dataDir, 'keyplane.db'));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const refused = await keyplane('migrate', '--data-dir', dataDir);
    expect(refused.code).toBe(ExitCode.ERROR);
    expect(refused.stderr).toMatch(/migrated by a newer Keyplane/);
  });
});

describePostgres('keyplane migrate and copy-data on PostgreSQL', () => {
  const sqliteDir = () => join(work, 'sqlite');
  let keys: { admin: string; service: string; revoked: string };
  let ids: { admin: string; tenant: string; service: string };
  let cookie: string;

  beforeAll(async () => {
    // An installation on SQLite: an administrator, a service account, their keys, one of them revoked.
    const app = await buildApp({ database: await openSqlite(join(sqliteDir(), 'keyplane.db')), dataDir: sqliteDir(), uiDir: null });
    try {
      const boot = await call(app, 'mutation ($input: bootstrap_input!) { bootstrap(input: $input) { user_id tenant_id } }', {
        input: { email: 'ops@copy.test', username: 'Ops', password: 'correct horse battery', tenant_name: 'Copy' },
      });
      ids = { admin: boot.body.data.bootstrap.user_id, tenant: boot.body.data.bootstrap.tenant_id, service: '' };
      const signIn = await call(app, 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }', {
        input: { email: 'ops@copy.test', password: 'correct horse battery' },
      });
      cookie = signIn.cookies.find((c) => c.name === 'keyplane_session')!.value;
      const asAdmin = { cookie: `keyplane_session=${cookie}`, 'x-keyplane-csrf': '1' };
      const sa = await call(
        app,
        'mutation ($input: create_service_account_input!) { create_service_account(input: $input) { id } }',
        { input: { tenant_id: ids.tenant, name: 'ci' } },
        asAdmin,
      );
      ids.service = sa.body.data.create_service_account.id;
      const create = async (userId: string, name: string) =>
        (await call(app, CREATE_KEY, { input: { user_id: userId, name } }, asAdmin)).body.data.create_api_key;
      const revoked = await create(ids.admin, 'old');
      keys = { admin: (await create(ids.admin, 'laptop')).key, service: (await create(ids.service, 'deploy')).key, revoked: revoked.key };
      await call(app, 'mutation ($input: delete_api_key_input!) { delete_api_key(input: $input) { success } }', { input: { key_id: revoked.id } }, asAdmin);
    } finally {
      await app.close();
    }
  });

  it('migrates an empty database, then finds nothing to do', async () => {
    const url = await freshDatabaseUrl();
    const first = await keyplane('migrate', '--database-url', url);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^Migrated postgres:\/\/\S+ from schema version 0 to \d+\.\n$/);
    expect((await keyplane('migrate', '--database-url', url)).stdout).toMatch(/is at schema version \d+: nothing to migrate\.\n$/);
  });

  it('copies a SQLite installation, whose keys, password and session then work on PostgreSQL', async () => {
    const url = await freshDatabaseUrl();
    const copy = await keyplane('copy-data', '--from', `sqlite:${join(sqliteDir(), 'keyplane.db')}`, '--to', url);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(ExitCode.OK);
    expect(copy.stdout).toMatch(/^Copied \d+ rows from /);
    expect(copy.stdout).toMatch(/\n {2}api_key +3\n/);

    // Every row as it was, table by table.
    const sqlite = new Database(join(sqliteDir(), 'keyplane.db'), { readonly: true });
    const postgres = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    try {
      const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
        (t) => t.name,
      );
      for (const table of tables) {
        const columns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        const order = `ORDER BY ${columns}`;
        expect(await postgres.all(`SELECT ${columns} FROM "${table}" ${order}`), table).toEqual(
          sqlite.prepare(`SELECT ${columns} FROM "${table}" ${order}`).all(),
        );
      }
    } finally {
      sqlite.close();
      await postgres.close();
    }

    const app = await buildApp({ database: await openStore({ databaseUrl: url, dataDir: join(work, 'unused') }), uiDir: null });
    try {
      const asKey = (key: string) => call(app, AUTH_INFO, {}, { authorization: `Bearer ${key}` });
      expect((await asKey(keys.admin)).body.data.auth_info).toMatchObject({ user_id: ids.admin, tenant_id: ids.tenant, role: 'TENANT_ADMIN' });
      expect((await asKey(keys.service)).body.data.auth_info).toMatchObject({ user_id: ids.service, tenant_id: ids.tenant });
      expect((await asKey(keys.revoked)).body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      // The browser signed in on SQLite is still signed in.
      const session = await call(app, AUTH_INFO, {}, { cookie: `keyplane_session=${cookie}`, 'x-keyplane-csrf': '1' });
      expect(session.body.data.auth_info.user_id).toBe(ids.admin);
      const signIn = await call(app, 'mutation ($input: log_in_input!) { log_in(input: $input) { user_id } }', {
        input: { email: 'OPS@copy.test', password: 'correct horse battery' },
      });
      expect(signIn.body.data.log_in.user_id).toBe(ids.admin);
    } finally {
      await app.close();
    }

    // A second copy into the same database is refused, and changes nothing.
    const again = await keyplane('copy-data', '--from', `sqlite:${join(sqliteDir(), 'keyplane.db')}`, '--to', url);
    expect(again.code).toBe(ExitCode.ERROR);
    expect(again.stderr).toMatch(/already holds data/);
  });

  it('says what --from and --to take', async () => {
    expect((await keyplane('copy-data', '--from', join(sqliteDir(), 'keyplane.db'), '--to', 'postgres://x@127.0.0.1:1/x')).stderr).toMatch(
      /--from takes sqlite:<path/,
    );
    const wrongTo = await keyplane('copy-data', '--from', `sqlite:${join(sqliteDir(), 'keyplane.db')}`, '--to', 'mysql://x');
    expect(wrongTo.code).toBe(ExitCode.USAGE);
  });
});
