import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PostgresDriver, type PostgresSettings } from '../store/postgres/driver.js';
import { migratePostgres } from '../store/postgres/migrations.js';
import type { Queryable, SqlValue } from '../store/sql/driver.js';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { DatabaseFileError } from './backup.js';

// keyplane copy-data: an installation's SQLite database copied into an empty PostgreSQL
// database, every row of every table, in one PostgreSQL transaction (all of it or
// nothing). Keys keep working: the database holds their SHA-256 hashes, which move as
// they are; so do password, session and device-cookie hashes.
//
// The SQLite file is read in one read transaction, a consistent snapshot even while a
// server uses it; whatever that server writes afterwards is not copied, so stop it first
// (or point it at PostgreSQL right after the copy).

export interface CopiedTable {
  table: string;
  rows: number;
}

export interface CopySummary {
  from: string;
  schemaVersion: number;
  tables: CopiedTable[];
}

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 500;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * SQLite's tables, each after the tables it references (foreign keys), so that every
 * row goes in after the rows it points at. api_key_count is derived (kept by triggers on
 * api_key) and copied last, over what those triggers made.
 */
export function tablesInDependencyOrder(db: Database.Database): string[] {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );
  const references = new Map(
    tables.map((table) => [
      table,
      (db.prepare(`PRAGMA foreign_key_list(${quoted(table)})`).all() as { table: string }[]).map((key) => key.table).filter((other) => other !== table),
    ]),
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table)) throw new DatabaseFileError(`The foreign keys of ${table} form a cycle: copy-data cannot order the tables.`);
    visiting.add(table);
    for (const other of references.get(table) ?? []) visit(other);
    visiting.delete(table);
    ordered.push(table);
  };
  for (const table of tables) if (table !== 'api_key_count') visit(table);
  if (tables.includes('api_key_count')) ordered.push('api_key_count');
  return ordered;
}

/** The text after sqlite: (a file path), or an explanation of what --from takes. */
export function sqlitePathOf(source: string): string {
  const match = /^sqlite:(?:\/\/)?(.+)$/.exec(source);
  if (!match) throw new DatabaseFileError(`--from takes sqlite:<path to keyplane.db> (for example sqlite:./data/keyplane.db), not ${source.slice(0, 80)}.`);
  return match[1];
}

async function insertRows(tx: Queryable, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  if (rows.length === 0) return;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  await tx.run(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}

/**
 * Copies every table of the SQLite database at sqlitePath into the PostgreSQL database
 * at settings.connectionString, which is migrated first and must hold no rows.
 */
export async function copySqliteToPostgres(sqlitePath: string, settings: PostgresSettings): Promise<CopySummary> {
  if (!existsSync(sqlitePath)) throw new DatabaseFileError(`There is no SQLite database at ${sqlitePath}.`);
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const target = new PostgresDriver({ ...settings, maxConnections: 1 });
  try {
    source.pragma('busy_timeout = 5000');
    const schemaVersion = source.pragma('user_version', { simple: true }) as number;
    if (schemaVersion !== MIGRATIONS.length) {
      throw new DatabaseFileError(
        schemaVersion < MIGRATIONS.length
          ? `${sqlitePath} is at schema version ${schemaVersion}: run keyplane migrate on it first (this Keyplane's SQLite schema is version ${MIGRATIONS.length}).`
          : `${sqlitePath} was migrated by a newer Keyplane (schema ${schemaVersion}, this one knows ${MIGRATIONS.length}): copy it with that version.`,
      );
    }
    const tables = tablesInDependencyOrder(source);
    await migratePostgres(target);

    const copied = await target.transaction(async (tx) => {
      for (const table of tables) {
        if (await tx.get(`SELECT 1 AS present FROM ${quoted(table)} LIMIT 1`)) {
          throw new DatabaseFileError(
            `The PostgreSQL database already holds data (table ${table} has rows): copy-data only fills an empty database. Create a new one (createdb) and copy into it.`,
          );
        }
      }
      // One snapshot of the SQLite file for every table.
      source.exec('BEGIN');
      try {
        const counts: CopiedTable[] = [];
        for (const table of tables) {
          const columns = (source.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((column) => column.name);
          // The triggers on api_key have counted the keys just copied; SQLite's counts replace theirs.
          if (table === 'api_key_count') await tx.run('DELETE FROM api_key_count');
          const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
          const select = source.prepare(`SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)} ORDER BY rowid`).raw(true);
          let batch: SqlValue[][] = [];
          let rows = 0;
          for (const row of select.iterate() as IterableIterator<SqlValue[]>) {
            batch.push(row);
            rows++;
            if (batch.length === perInsert) {
              await insertRows(tx, table, columns, batch);
              batch = [];
            }
          }
          await insertRows(tx, table, columns, batch);
          const landed = (await tx.get<{ n: number }>(`SELECT count(*) AS n FROM ${quoted(table)}`))?.n ?? 0;
          if (landed !== rows) throw new Error(`copy-data: ${table} has ${landed} rows in PostgreSQL after copying ${rows}; nothing was copied.`);
          counts.push({ table, rows });
        }
        return counts;
      } finally {
        source.exec('COMMIT');
      }
    });
    // The planner's statistics of tables that were empty a moment ago say they are empty
    // still, until autovacuum gets to them; a members page planned on them scans every key.
    await target.run(`ANALYZE ${tables.map(quoted).join(', ')}`);
    return { from: sqlitePath, schemaVersion, tables: copied };
  } finally {
    source.close();
    await target.close();
  }
}
