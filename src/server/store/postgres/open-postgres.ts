import { DatabaseChecks } from '../../ops/database-checks.js';
import { SqlStore } from '../sql/sql-store.js';
import { PostgresChangeFeed, type PostgresChangeFeedSettings } from './change-feed.js';
import { PostgresDriver, withoutPassword, type PostgresSettings } from './driver.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION, postgresSchemaVersion } from './migrations.js';

export interface OpenPostgresOptions {
  /** Pool settings (config.ts: poolSettings); unset ones keep the driver's defaults. */
  pool?: Omit<PostgresSettings, 'connectionString'>;
  /** The change feed's lease and heartbeat (tests shorten them), and its logger. */
  changeFeed?: Omit<PostgresChangeFeedSettings, 'connectionString'>;
}

/**
 * The parts of an open PostgreSQL database (store/open-store.ts assembles them): the
 * driver's pool, migrated before anything reads (several instances starting together
 * migrate once), the change feed that instances share, the store, and the checks, which
 * ask through the pool (PostgreSQL's readers never block its writers).
 */
export async function openPostgresParts(url: string, options: OpenPostgresOptions = {}) {
  const driver = new PostgresDriver({ ...options.pool, connectionString: url });
  try {
    await migratePostgres(driver);
    const changes = await PostgresChangeFeed.open({ ...options.changeFeed, connectionString: url });
    const store = new SqlStore(driver, changes);
    const checks = new DatabaseChecks(() => ({
      queries: driver,
      schemaVersion: async () => ({ applied: await postgresSchemaVersion(driver), known: POSTGRES_SCHEMA_VERSION }),
      // The pool is the store's: closing the store closes it.
      close: () => Promise.resolve(),
    }));
    return { store, changes, checks, driver, location: withoutPassword(url) };
  } catch (error) {
    await driver.close();
    throw error;
  }
}
