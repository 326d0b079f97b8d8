import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PostgresDriver, withoutPassword, type PostgresSettings } from '../store/postgres/driver.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION, postgresSchemaVersion } from '../store/postgres/migrations.js';
import { migrate as migrateSqlite, MIGRATIONS } from '../store/sqlite/migrations.js';
import { DatabaseFileError } from './backup.js';

// keyplane migrate: the migrations `keyplane serve` applies at start, alone, for an
// upgrade done as its own step (before the new version's instances start, or from a
// deploy job). Both stores' migrations are idempotent: a second run applies nothing.

export interface MigrateSummary {
  /** The SQLite file, or the PostgreSQL server and database (without the password). */
  location: string;
  /** The schema version before and after. */
  from: number;
  to: number;
}

const newer = (location: string, version: number, known: number) =>
  new DatabaseFileError(`${location} was migrated by a newer Keyplane (schema ${version}, this one knows ${known}): use that version.`);

/** Migrates the SQLite database at file, creating it if there is none. */
export function migrateSqliteFile(file: string): MigrateSummary {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from > MIGRATIONS.length) throw newer(file, from, MIGRATIONS.length);
    return { location: file, from, to: migrateSqlite(db) };
  } finally {
    db.close();
  }
}

/** Migrates the PostgreSQL database; several instances running this at once migrate it once. */
export async function migratePostgresDatabase(settings: PostgresSettings): Promise<MigrateSummary> {
  const location = withoutPassword(settings.connectionString);
  const driver = new PostgresDriver({ ...settings, maxConnections: 1 });
  try {
    const from = await postgresSchemaVersion(driver);
    if (from > POSTGRES_SCHEMA_VERSION) throw newer(location, from, POSTGRES_SCHEMA_VERSION);
    const { version } = await migratePostgres(driver);
    return { location, from, to: version };
  } finally {
    await driver.close();
  }
}
