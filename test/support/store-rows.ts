import { POSTGRES_ONLY_TABLES } from '../../src/server/store/postgres/migrations.js';
import type { Driver } from '../../src/server/store/sql/driver.js';

// Reading a store's tables in tests, through its driver, on SQLite or PostgreSQL alike:
// "bad input changes nothing" compares every row before and after.

/** The scheduler's leases, taken every period whatever a test does. */
const MOVES_ON_ITS_OWN = ['job_lease'];

/** The application's tables with their primary-key columns (not the migration bookkeeping). */
async function tables(driver: Driver): Promise<{ name: string; key: string[] }[]> {
  if (driver.dialect === 'sqlite') {
    const names = (await driver.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).filter(
      ({ name }) => !MOVES_ON_ITS_OWN.includes(name),
    );
    return Promise.all(
      names.map(async ({ name }) => {
        const columns = await driver.all<{ name: string; pk: number }>('SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk', [name]);
        return { name, key: columns.map((column) => column.name) };
      }),
    );
  }
  const rows = await driver.all<{ name: string; key: string | null }>(
    `SELECT t.table_name AS name,
            (SELECT string_agg(k.column_name, ',' ORDER BY k.ordinal_position)
               FROM information_schema.table_constraints c
               JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema
              WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY') AS key
       FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name <> 'schema_migrations'
      ORDER BY t.table_name`,
  );
  // The instances' coordination (the change feed's heartbeats, the shared failure counts) moves on its own.
  return rows
    .filter((row) => !POSTGRES_ONLY_TABLES.includes(row.name) && !MOVES_ON_ITS_OWN.includes(row.name))
    .map((row) => ({ name: row.name, key: row.key ? row.key.split(',') : [] }));
}

/**
 * The tables of each driver's database, read once: the schema does not change under a
 * test, and PostgreSQL's information_schema takes tens of milliseconds to answer, which
 * made a snapshot per request (the authorization matrix) several times slower there.
 */
const tablesOf = new WeakMap<Driver, Promise<{ name: string; key: string[] }[]>>();

/** Every row of every table, each table's rows in primary-key order. */
export async function snapshotTables(driver: Driver): Promise<Record<string, Record<string, unknown>[]>> {
  const snapshot: Record<string, Record<string, unknown>[]> = {};
  let known = tablesOf.get(driver);
  if (!known) {
    known = tables(driver);
    tablesOf.set(driver, known);
  }
  for (const table of await known) {
    const order = table.key.length > 0 ? ` ORDER BY ${table.key.map((column) => `"${column}"`).join(', ')}` : '';
    snapshot[table.name] = await driver.all<Record<string, unknown>>(`SELECT * FROM "${table.name}"${order}`);
  }
  return snapshot;
}
