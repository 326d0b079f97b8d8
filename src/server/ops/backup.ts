import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../store/sqlite/migrations.js';
import { runningServers } from './server-lock.js';

// Backups of the SQLite database with SQLite's online backup API (better-sqlite3's
// db.backup), which copies a consistent snapshot while the server goes on reading and
// writing; and restores, which put a verified backup in place of a stopped server's
// database. A backup holds what the database holds: key and session hashes, scrypt
// password hashes, emails and the audit log; never a key itself.

export class DatabaseFileError extends Error {}

export interface DatabaseSummary {
  file: string;
  bytes: number;
  schemaVersion: number;
  integrity: string;
  users: number;
  serviceAccounts: number;
  tenants: number;
  /** Keys not revoked (expired ones included). */
  apiKeys: number;
}

/** PRAGMA integrity_check's verdict ("ok") and what the file holds; read-only. */
export function describeDatabase(file: string): DatabaseSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
    return {
      file,
      bytes: statSync(file).size,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      integrity,
      users: count("SELECT count(*) AS n FROM user WHERE account_type = 'NORMAL'"),
      serviceAccounts: count("SELECT count(*) AS n FROM user WHERE account_type = 'SERVICE'"),
      tenants: count('SELECT count(*) AS n FROM tenant'),
      apiKeys: count('SELECT count(*) AS n FROM api_key WHERE revoked_at IS NULL'),
    };
  } finally {
    db.close();
  }
}

/**
 * Copies the database at dbPath to destination while it is in use. The copy is made
 * beside the destination and renamed into place once it passes integrity_check, so a
 * failed or interrupted backup never leaves a partial file under the destination's
 * name; it is one self-contained file (rollback journal, not WAL), readable only by
 * its owner.
 */
export async function backupDatabase(dbPath: string, destination: string): Promise<DatabaseSummary> {
  if (!existsSync(dbPath)) throw new DatabaseFileError(`There is no database at ${dbPath}: give the server's --data-dir (or its --config).`);
  const partial = `${destination}.partial-${process.pid}`;
  const source = new Database(dbPath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // All pages in one step: a step reads one consistent snapshot, and in WAL mode the
    // server's writes go on meanwhile. (In smaller steps, each write by the server
    // would make SQLite start the copy again.)
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new DatabaseFileError(`The backup failed: ${(error as Error).message}`);
  } finally {
    source.close();
  }
  try {
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    chmodSync(partial, 0o600);
    const summary = describeDatabase(partial);
    if (summary.integrity !== 'ok') throw new DatabaseFileError(`The copy failed PRAGMA integrity_check: ${summary.integrity}`);
    renameSync(partial, destination);
    return { ...summary, file: destination };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreResult {
  restored: DatabaseSummary;
  /** Where the database that was replaced went, if there was one. */
  previous: string | null;
}

/**
 * Puts a backup in place of dbPath. Refused while a server has dbPath open (see
 * server-lock.ts): replacing a file under a running SQLite connection corrupts what it
 * writes next. The backup is checked first; the database it replaces is kept beside
 * it, copied with the backup API (so what its WAL held is in the copy), and its WAL
 * and shared-memory files are removed: left behind, SQLite would replay them into the
 * restored file. An older backup is migrated when the server next starts.
 */
export async function restoreDatabase(backupFile: string, dbPath: string, now = new Date()): Promise<RestoreResult> {
  const running = runningServers(dbPath);
  if (running.length > 0) {
    const which = running.map((note) => `pid ${note.pid}${note.url ? ` at ${note.url}` : ''}`).join(', ');
    throw new DatabaseFileError(`A Keyplane server is using ${dbPath} (${which}): stop it first (SIGTERM or Ctrl-C), then restore.`);
  }
  if (!existsSync(backupFile)) throw new DatabaseFileError(`There is no backup at ${backupFile}.`);
  let restored: DatabaseSummary;
  try {
    restored = describeDatabase(backupFile);
  } catch (error) {
    throw new DatabaseFileError(`${backupFile} is not a Keyplane database: ${(error as Error).message}`);
  }
  if (restored.integrity !== 'ok') throw new DatabaseFileError(`${backupFile} failed PRAGMA integrity_check: ${restored.integrity}`);
  if (restored.schemaVersion > MIGRATIONS.length) {
    throw new DatabaseFileError(
      `${backupFile} was made by a newer Keyplane (schema ${restored.schemaVersion}, this one knows ${MIGRATIONS.length}): restore it with that version.`,
    );
  }

  let previous: string | null = null;
  if (existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const current = new Database(dbPath, { fileMustExist: true });
    try {
      await current.backup(previous, { progress: () => 0x7fffffff });
    } finally {
      current.close();
    }
    chmodSync(previous, 0o600);
  }
  mkdirSync(dirname(dbPath), { recursive: true });
  const incoming = `${dbPath}.restoring-${process.pid}`;
  copyFileSync(backupFile, incoming);
  chmodSync(incoming, 0o600);
  for (const sidecar of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(sidecar, { force: true });
  renameSync(incoming, dbPath);
  return { restored: { ...restored, file: dbPath }, previous };
}
