import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { migratePostgres } from '../../src/server/store/postgres/migrations.js';
import type { SqlValue } from '../../src/server/store/sql/driver.js';
import { migrate as migrateSqlite } from '../../src/server/store/sqlite/migrations.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';

const at = '2026-01-01T00:00:00.000Z';
const COUNTS = 'SELECT user_id, tenant_id, owner_kind, active FROM api_key_count ORDER BY user_id, tenant_id';

/** One SQL text for both databases: what the triggers keep must come out the same. */
interface Both {
  run(sql: string, params?: SqlValue[]): Promise<void>;
  counts(): Promise<{ sqlite: unknown[]; postgres: unknown[] }>;
}

const WORLD: [string, SqlValue[]][] = [
  ["INSERT INTO tenant (id, name, slug, created) VALUES ('t1', 'One', 'one', ?), ('t2', 'Two', 'two', ?)", [at, at]],
  [
    `INSERT INTO "user" (id, username, email, account_type, created) VALUES ('alice', 'Alice', 'a@x.test', 'NORMAL', ?), ('bot', 'bot', NULL, 'SERVICE', ?)`,
    [at, at],
  ],
];

const key = (id: string, user: string, tenant: string, kind: string, revokedAt: string | null = null): [string, SqlValue[]] => [
  `INSERT INTO api_key (id, name, key_hash, key_hint, user_id, tenant_id, owner_kind, created, updated, revoked_at) VALUES (?, ?, ?, 'kpu_abcd', ?, ?, ?, ?, ?, ?)`,
  [id, id, `hash-${id}`, user, tenant, kind, at, at, revokedAt],
];

describePostgres('api_key_count on PostgreSQL', () => {
  let driver: PostgresDriver;
  let sqlite: Database.Database;
  let both: Both;

  beforeAll(async () => {
    driver = new PostgresDriver({ connectionString: await freshDatabaseUrl(), maxConnections: 8 });
    await migratePostgres(driver);
    sqlite = new Database(':memory:');
    sqlite.pragma('foreign_keys = ON');
    migrateSqlite(sqlite);
    both = {
      async run(sql, params = []) {
        sqlite.prepare(sql).run(...params);
        await driver.run(sql, params);
      },
      async counts() {
        return { sqlite: sqlite.prepare(COUNTS).all(), postgres: await driver.all(COUNTS) };
      },
    };
    for (const [sql, params] of WORLD) await both.run(sql, params);
  });
  afterAll(async () => {
    sqlite?.close();
    await driver?.close();
  });

  it('counts keys as they are created, revoked, restored and deleted, as SQLite does', async () => {
    const steps: [string, SqlValue[]][] = [
      key('k1', 'alice', 't1', 'NORMAL'),
      key('k2', 'alice', 't1', 'NORMAL'),
      key('k3', 'alice', 't2', 'NORMAL'),
      key('k4', 'bot', 't1', 'SERVICE'),
      key('k5', 'bot', 't1', 'SERVICE', at),
      ["UPDATE api_key SET revoked_at = ? WHERE id = 'k1'", [at]],
      // Revoked twice: counted once.
      ["UPDATE api_key SET revoked_at = ? WHERE id = 'k1'", [at]],
      ["UPDATE api_key SET revoked_at = NULL WHERE id = 'k5'", []],
      ["DELETE FROM api_key WHERE id = 'k2'", []],
      ["DELETE FROM api_key WHERE id = 'k1'", []],
      ["UPDATE api_key SET name = 'renamed', updated = ? WHERE id = 'k3'", [at]],
    ];
    for (const [sql, params] of steps) await both.run(sql, params);
    const { sqlite: expected, postgres: actual } = await both.counts();
    expect(actual).toEqual([
      { user_id: 'alice', tenant_id: 't1', owner_kind: 'NORMAL', active: 0 },
      { user_id: 'alice', tenant_id: 't2', owner_kind: 'NORMAL', active: 1 },
      { user_id: 'bot', tenant_id: 't1', owner_kind: 'SERVICE', active: 2 },
    ]);
    expect(actual).toEqual(expected);
  });

  it('adds up keys created by concurrent transactions', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        driver.transaction(async (tx) => {
          const [sql, params] = key(`c${i}`, 'bot', 't2', 'SERVICE');
          await tx.run(sql, params);
        }),
      ),
    );
    expect(await driver.get("SELECT active FROM api_key_count WHERE user_id = 'bot' AND tenant_id = 't2'")).toEqual({ active: 24 });
  });

  it("refuses to change a key's owner, tenant or kind", async () => {
    for (const change of ["user_id = 'bot'", "tenant_id = 't1'", "owner_kind = 'SERVICE'"]) {
      await expect(driver.run(`UPDATE api_key SET ${change} WHERE id = 'k3'`)).rejects.toMatchObject({
        code: '23000',
        message: 'an API key keeps its owner, tenant and kind',
      });
    }
    // Naming a column with its own value changes nothing, and is allowed.
    expect(await driver.run("UPDATE api_key SET user_id = 'alice' WHERE id = 'k3'")).toEqual({ changes: 1 });
    expect(await driver.get("SELECT user_id, tenant_id, owner_kind FROM api_key WHERE id = 'k3'")).toEqual({
      user_id: 'alice',
      tenant_id: 't2',
      owner_kind: 'NORMAL',
    });
  });

  it("deletes a user's device cookies with the user, and refuses to delete a user who still has keys", async () => {
    await both.run(`INSERT INTO "user" (id, username, email, account_type, created) VALUES ('carol', 'Carol', 'c@x.test', 'NORMAL', ?)`, [at]);
    await both.run("INSERT INTO device_cookie (id, token_hash, user_id, created, expires_at) VALUES ('d1', 'h1', 'carol', ?, ?)", [at, at]);
    await both.run(`DELETE FROM "user" WHERE id = 'carol'`);
    expect(await driver.all('SELECT id FROM device_cookie')).toEqual([]);
    await expect(driver.run(`DELETE FROM "user" WHERE id = 'alice'`)).rejects.toMatchObject({ code: '23503' });
  });
});
