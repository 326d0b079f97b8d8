import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { migratePostgres } from '../../src/server/store/postgres/migrations.js';
import { patternMatch } from '../../src/server/store/sql/dialect.js';
import { migrate as migrateSqlite } from '../../src/server/store/sqlite/migrations.js';
import { describePostgres, freshDatabaseUrl, postgres as postgresContext } from '../support/postgres.js';
import { databaseUrl } from '../support/postgres-server.js';

// The Hasura filters' pattern operators, on the same rows in both databases: the same
// rows match, on plain text columns and on the emails, which are case-insensitive in both.

const at = '2026-01-01T00:00:00.000Z';
const PEOPLE = [
  ['u1', 'Alice Admin', 'Alice@Example.test'],
  ['u2', 'bob builder', 'bob@example.test'],
  ['u3', 'ÀNGEL', 'angel@ÉXAMPLE.test'],
  ['u4', '100%_sure', 'per_cent%@example.test'],
  ['u5', 'back\\slash', 'back\\slash@example.test'],
];
const PATTERNS = ['%a%', 'A%', '%example.test', 'alice@%', 'B_b%', '%\\%', '%\\_%', '%À%', '%à%', '%_sure', '%@É%', '%'];
const OPERATORS = [
  { op: '_like', caseSensitive: true, negated: false },
  { op: '_nlike', caseSensitive: true, negated: true },
  { op: '_ilike', caseSensitive: false, negated: false },
  { op: '_nilike', caseSensitive: false, negated: true },
];

describePostgres('pattern operators on PostgreSQL', () => {
  let postgres: PostgresDriver;
  let sqlite: Database.Database;

  beforeAll(async () => {
    // A database whose own collation is ICU's English one, where lower() folds À and É: the operators must not use it.
    const admin = new PostgresDriver({ connectionString: await freshDatabaseUrl(), maxConnections: 1 });
    const name = `${postgresContext.prefix}icu_${Date.now().toString(36)}`;
    try {
      await admin.run(`CREATE DATABASE ${name} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C' TEMPLATE template0`);
    } finally {
      await admin.close();
    }
    postgres = new PostgresDriver({ connectionString: databaseUrl(postgresContext.serverUrl!, name), maxConnections: 2 });
    await migratePostgres(postgres);
    sqlite = new Database(':memory:');
    migrateSqlite(sqlite);
    const insert = `INSERT INTO "user" (id, username, email, account_type, created) VALUES (?, ?, ?, 'NORMAL', ?)`;
    for (const person of PEOPLE) {
      sqlite.prepare(insert).run(...person, at);
      await postgres.run(insert, [...person, at]);
    }
  });
  afterAll(async () => {
    sqlite?.close();
    await postgres?.close();
  });

  it('match the same rows as on SQLite, on names and on emails', async () => {
    let compared = 0;
    for (const column of ['u.username', 'u.email']) {
      for (const { op, ...options } of OPERATORS) {
        for (const pattern of PATTERNS) {
          const query = (dialect: 'sqlite' | 'postgres') => {
            const match = patternMatch(dialect, column, pattern, options);
            return { sql: `SELECT u.id FROM "user" u WHERE ${match.sql} ORDER BY u.id`, bind: match.bind };
          };
          const lite = query('sqlite');
          const expected = (sqlite.prepare(lite.sql).all(lite.bind) as { id: string }[]).map((row) => row.id);
          const pg = query('postgres');
          const actual = (await postgres.all<{ id: string }>(pg.sql, [pg.bind])).map((row) => row.id);
          expect(actual, `${column} ${op} ${pattern}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBe(2 * OPERATORS.length * PATTERNS.length);
  });
});
