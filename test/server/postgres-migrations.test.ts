import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import {
  migratePostgres,
  POSTGRES_MIGRATIONS,
  POSTGRES_ONLY_TABLES,
  POSTGRES_SCHEMA_VERSION,
  postgresSchemaVersion,
} from '../../src/server/store/postgres/migrations.js';
import { migrate as migrateSqlite } from '../../src/server/store/sqlite/migrations.js';
import { describePostgres, freshDatabaseUrl, postgres } from '../support/postgres.js';
import { databaseUrl } from '../support/postgres-server.js';

const drivers: PostgresDriver[] = [];
const open = (url: string) => {
  const driver = new PostgresDriver({ connectionString: url, maxConnections: 2 });
  drivers.push(driver);
  return driver;
};

interface Column {
  type: string;
  notNull: boolean;
  primaryKey: boolean;
}
interface ForeignKey {
  column: string;
  references: string;
  onDelete: string;
}
interface Schema {
  tables: Record<string, Record<string, Column>>;
  foreignKeys: Record<string, ForeignKey[]>;
  indexes: string[];
  triggers: string[];
}

/** A fresh SQLite database's schema after every migration, as PRAGMA table_info and foreign_key_list tell it. */
function sqliteSchema(): Schema {
  const db = new Database(':memory:');
  try {
    db.pragma('foreign_keys = ON');
    migrateSqlite(db);
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
    ).map((row) => row.name);
    const tables: Schema['tables'] = {};
    const foreignKeys: Schema['foreignKeys'] = {};
    for (const name of names) {
      const columns = db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
      // SQLite lets a primary key column hold null unless it says NOT NULL; PostgreSQL's never can, and the store never writes one.
      tables[name] = Object.fromEntries(
        columns.map((c) => [c.name, { type: c.type.toUpperCase(), notNull: c.notnull === 1 || c.pk > 0, primaryKey: c.pk > 0 }]),
      );
      const keys = db.prepare(`PRAGMA foreign_key_list("${name}")`).all() as { table: string; from: string; to: string; on_delete: string }[];
      foreignKeys[name] = keys.map((k) => ({ column: k.from, references: `${k.table}.${k.to}`, onDelete: k.on_delete })).sort(byColumn);
    }
    const named = (type: string) =>
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name`).all(type) as { name: string }[]).map((row) => row.name);
    return { tables, foreignKeys, indexes: named('index'), triggers: named('trigger') };
  } finally {
    db.close();
  }
}

const byColumn = (a: ForeignKey, b: ForeignKey) => a.column.localeCompare(b.column);
/** PostgreSQL's types for SQLite's declared ones, as the store reads and writes them. */
const SQLITE_TYPE_OF: Record<string, string> = { text: 'TEXT', integer: 'INTEGER' };

async function postgresSchema(driver: PostgresDriver): Promise<Schema> {
  const columns = await driver.all<{ table_name: string; column_name: string; data_type: string; is_nullable: string; primary_key: number }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,
            EXISTS (SELECT 1 FROM information_schema.key_column_usage k JOIN information_schema.table_constraints t
                      ON t.constraint_name = k.constraint_name AND t.table_schema = k.table_schema AND t.table_name = k.table_name
                    WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name) AS primary_key
       FROM information_schema.columns c
      WHERE c.table_schema = current_schema() AND c.table_name <> 'schema_migrations'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables: Schema['tables'] = {};
  for (const c of columns) {
    (tables[c.table_name] ??= {})[c.column_name] = {
      type: SQLITE_TYPE_OF[c.data_type] ?? c.data_type,
      notNull: c.is_nullable === 'NO',
      primaryKey: c.primary_key === 1,
    };
  }
  const keys = await driver.all<{ table_name: string; column_name: string; references: string; on_delete: string }>(
    `SELECT con.conrelid::regclass::text AS table_name, a.attname AS column_name,
            trim(both '"' from con.confrelid::regclass::text) || '.' || fa.attname AS references,
            CASE con.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END AS on_delete
       FROM pg_constraint con
       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
       JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = con.confkey[1]
      WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace`,
  );
  const foreignKeys: Schema['foreignKeys'] = Object.fromEntries(Object.keys(tables).map((name) => [name, []]));
  for (const k of keys) foreignKeys[k.table_name.replace(/"/g, '')].push({ column: k.column_name, references: k.references, onDelete: k.on_delete });
  for (const list of Object.values(foreignKeys)) list.sort(byColumn);
  // Indexes of their own (not those behind a primary key or UNIQUE constraint, which SQLite names sqlite_autoindex_*).
  const indexes = await driver.all<{ name: string }>(
    `SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE i.relnamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY name`,
  );
  const triggers = await driver.all<{ name: string }>(
    `SELECT DISTINCT tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY name`,
  );
  return { tables, foreignKeys, indexes: indexes.map((row) => row.name), triggers: triggers.map((row) => row.name) };
}

describePostgres('PostgreSQL migrations', () => {
  let url: string;
  let driver: PostgresDriver;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    driver = open(url);
  });
  afterAll(() => Promise.all(drivers.map((d) => d.close())));

  it('migrate an empty database to the latest version, then find nothing to do', async () => {
    expect(await postgresSchemaVersion(driver)).toBe(0);
    expect(await migratePostgres(driver)).toEqual({ version: POSTGRES_SCHEMA_VERSION, applied: POSTGRES_MIGRATIONS.map((m) => m.version) });
    expect(await migratePostgres(driver)).toEqual({ version: POSTGRES_SCHEMA_VERSION, applied: [] });
    expect(await postgresSchemaVersion(driver)).toBe(POSTGRES_SCHEMA_VERSION);
    const recorded = await driver.all<{ version: number; description: string }>('SELECT version, description FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(POSTGRES_MIGRATIONS.map(({ version, description }) => ({ version, description })));
  });

  it('migrate once when four instances start at once on an empty database', async () => {
    const empty = await freshDatabaseUrl();
    const instances = Array.from({ length: 4 }, () => open(empty));
    const results = await Promise.all(instances.map((instance) => migratePostgres(instance)));
    expect(results.map((r) => r.version)).toEqual([1, 1, 1, 1].map(() => POSTGRES_SCHEMA_VERSION));
    expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
    expect(await instances[0].all('SELECT version, count(*) AS times FROM schema_migrations GROUP BY version ORDER BY version')).toEqual(
      POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, times: 1 })),
    );
  });

  it('leave the schema as it was when a migration fails', async () => {
    const failing = [
      ...POSTGRES_MIGRATIONS,
      { version: POSTGRES_SCHEMA_VERSION + 1, description: 'broken', sql: 'CREATE TABLE half_done (id TEXT); SELECT no_such_column FROM tenant;' },
    ];
    await expect(migratePostgres(driver, failing)).rejects.toMatchObject({ code: '42703' });
    expect(await postgresSchemaVersion(driver)).toBe(POSTGRES_SCHEMA_VERSION);
    expect(await driver.get("SELECT to_regclass('half_done') AS present")).toEqual({ present: null });
  });

  it("have every table, column, foreign key, index and trigger of SQLite's schema, with the same types", async () => {
    const sqlite = sqliteSchema();
    const postgres = await postgresSchema(driver);
    // Instances' coordination, which one SQLite process keeps in memory.
    for (const table of POSTGRES_ONLY_TABLES) {
      expect(postgres.tables[table]).toBeDefined();
      delete postgres.tables[table];
      delete postgres.foreignKeys[table];
    }
    expect(Object.keys(sqlite.tables).length).toBeGreaterThan(5);
    expect(postgres.tables).toEqual(sqlite.tables);
    expect(postgres.foreignKeys).toEqual(sqlite.foreignKeys);
    expect(postgres.indexes).toEqual(sqlite.indexes);
    expect(postgres.triggers).toEqual(sqlite.triggers);
  });

  it('compare emails without case, and order and fold other text as SQLite does, whatever the database locale', async () => {
    // A database whose own collation is ICU's English one, where 'alice' sorts before 'Bob' and lower() folds À.
    const name = `${postgres.prefix}icu_${Date.now().toString(36)}`;
    await driver.run(`CREATE DATABASE ${name} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C' TEMPLATE template0`);
    const english = open(databaseUrl(postgres.serverUrl!, name));
    await migratePostgres(english);
    const at = new Date().toISOString();
    const insert = `INSERT INTO "user" (id, username, email, account_type, created) VALUES (?, ?, ?, 'NORMAL', ?)`;
    await english.run(insert, ['u1', 'alice', 'Ann@Example.TEST', at]);
    await english.run(insert, ['u2', 'Bob', 'zed@example.test', at]);
    await english.run(insert, ['u3', 'ÀB', null, at]);
    expect(await english.get('SELECT id FROM "user" WHERE email = ?', ['ann@example.test'])).toEqual({ id: 'u1' });
    await expect(english.run(insert, ['u4', 'x', 'ANN@example.test', at])).rejects.toMatchObject({ code: '23505' });
    // Byte order, as SQLite's BINARY: upper case before lower case.
    expect(await english.all('SELECT username FROM "user" ORDER BY username')).toEqual([{ username: 'Bob' }, { username: 'alice' }, { username: 'ÀB' }]);
    // lower() folds ASCII alone, as SQLite's.
    expect(await english.get('SELECT lower(username) AS folded FROM "user" WHERE id = \'u3\'')).toEqual({ folded: 'Àb' });
  });
});
