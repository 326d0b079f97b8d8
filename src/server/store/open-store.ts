import { join } from 'node:path';
import type { ChangeFeed } from '../cache/change-feed.js';
import { DatabaseChecks } from '../ops/database-checks.js';
import type { Driver } from './sql/driver.js';
import { SqlStore } from './sql/sql-store.js';
import { SqliteChangeFeed } from './sqlite/change-feed.js';
import { SqliteDriver } from './sqlite/driver.js';
import type { Store } from './types.js';

/**
 * An open database, as the app uses it (buildApp's `database` option): the store, the
 * feed of its changes that the caches follow, the readiness and gauge checks, and the
 * driver beneath (for operations and tests). close() closes all of them, once.
 */
export interface OpenedStore {
  readonly store: Store;
  readonly changes: ChangeFeed;
  readonly checks: DatabaseChecks;
  readonly driver: Driver;
  /** Where the data is, for people: the SQLite file, or the PostgreSQL server (without its password). */
  readonly location: string;
  close(): Promise<void>;
}

export interface StoreSettings {
  /** postgres://…: PostgreSQL; null: SQLite. */
  databaseUrl: string | null;
  /** SQLite's folder: the file is <dataDir>/keyplane.db unless dbPath names another. */
  dataDir: string;
  dbPath?: string;
  /** PostgreSQL's pool (config.ts: database_pool_max and the two timeouts); unset ones come from the environment, then the defaults. */
  pool?: { maxConnections?: number; statementTimeoutMs?: number; connectionTimeoutMs?: number };
}

/** Opens (creating and migrating if needed) the database the settings name. */
export async function openStore(settings: StoreSettings): Promise<OpenedStore> {
  if (settings.databaseUrl !== null) {
    // Loaded only for PostgreSQL: a SQLite server never loads pg.
    const { openPostgresParts } = await import('./postgres/open-postgres.js');
    return assembled(await openPostgresParts(settings.databaseUrl, { ...(settings.pool && { pool: settings.pool }) }));
  }
  return openSqlite(settings.dbPath ?? join(settings.dataDir, 'keyplane.db'));
}

export function openSqlite(file: string): Promise<OpenedStore> {
  // The WAL is checkpointed off the event loop (sqlite/checkpointer.ts).
  const driver = new SqliteDriver(file, { backgroundCheckpoints: true });
  const changes = new SqliteChangeFeed(driver);
  const store = new SqlStore(driver, changes);
  // A read-only connection of its own, opened on first use (ops/database-checks.ts).
  const checks = new DatabaseChecks(() => {
    const readonly = new SqliteDriver(file, { readonly: true });
    return { queries: readonly, schemaVersion: () => Promise.resolve(readonly.schemaVersion()), close: () => readonly.close() };
  });
  return Promise.resolve(assembled({ store, changes, checks, driver, location: file }));
}

/** Closes the checks, the feed and the store (which closes the driver), each once, whatever fails first. */
export function assembled(parts: Omit<OpenedStore, 'close'>): OpenedStore {
  let closing: Promise<void> | null = null;
  return {
    ...parts,
    close: () =>
      (closing ??= (async () => {
        const results = await Promise.allSettled([parts.checks.close(), parts.changes.close()]);
        await parts.store.close();
        const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        if (failed) throw failed.reason;
      })()),
  };
}
