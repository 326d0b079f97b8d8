import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, openStore, type OpenedStore } from '../../src/server/store/open-store.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';
import { describeStore, type StoreUnderTest } from './store-contract.js';

// The Store contract on each store: SQLite on a temporary file, PostgreSQL on a fresh
// database of the test server (skipped without one, failed when one is required).

const underTest = (opened: OpenedStore, cleanUp: () => void = () => undefined): StoreUnderTest => ({
  store: opened.store,
  driver: opened.driver,
  close: async () => {
    await opened.close();
    cleanUp();
  },
});

describeStore('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-contract-'));
  return underTest(await openSqlite(join(dir, 'keyplane.db')), () => rmSync(dir, { recursive: true, force: true }));
});

describePostgres('PostgreSQL', () => {
  describeStore('PostgreSQL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyplane-contract-'));
    return underTest(await openStore({ databaseUrl: await freshDatabaseUrl(), dataDir }), () => rmSync(dataDir, { recursive: true, force: true }));
  });
});
