import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDriver } from '../../src/server/store/sqlite/driver.js';

// The server's connection leaves WAL checkpoints to a thread of its own
// (store/sqlite/checkpointer.ts): what it must still do is checkpoint at all, and leave
// no WAL behind when it closes.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyplane-checkpoints-'));
  dirs.push(dir);
  return join(dir, 'keyplane.db');
}

async function writeRows(driver: SqliteDriver, count: number): Promise<void> {
  await driver.run('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  for (let i = 0; i < count; i++) {
    await driver.transaction((tx) => tx.run('INSERT INTO filler (body) VALUES (?)', ['x'.repeat(2000)]));
  }
}

async function until<T>(read: () => T | null | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('WAL checkpoints off the event loop', () => {
  it('are made by the thread while the connection is open, all pages of the WAL in the end', async () => {
    const driver = new SqliteDriver(tempFile(), { backgroundCheckpoints: true });
    try {
      await writeRows(driver, 300);
      expect(driver.checkpointer!.running).toBe(true);
      const report = await until(() => {
        const last = driver.checkpointer!.last;
        return last && last.log > 0 && last.checkpointed === last.log ? last : null;
      });
      expect(report.busy).toBe(0);
    } finally {
      await driver.close();
    }
  });

  it('leave no WAL once the connection has closed, and every committed row in the file', async () => {
    const file = tempFile();
    const driver = new SqliteDriver(file, { backgroundCheckpoints: true });
    await writeRows(driver, 300);
    await driver.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 300 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('let a process whose last await is the close finish it: the thread is held while it ends', () => {
    // A script (the bench, a one-off command) with nothing else left to do than close:
    // with the thread unref'd as it ended, Node found nothing keeping the process alive
    // and exited with code 13 before the close, leaving the WAL.
    const file = tempFile();
    const driverModule = new URL('../../src/server/store/sqlite/driver.ts', import.meta.url).href;
    const script = `
      const { SqliteDriver } = await import(${JSON.stringify(driverModule)});
      const driver = new SqliteDriver(${JSON.stringify(file)}, { backgroundCheckpoints: true });
      await driver.run('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      for (let i = 0; i < 50; i++) await driver.transaction((tx) => tx.run('INSERT INTO filler (body) VALUES (?)', ['x'.repeat(2000)]));
      await driver.close();
      console.log('closed');`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(output.trim()).toBe('closed');
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('start with the first write: a connection that only reads has no thread', async () => {
    const driver = new SqliteDriver(tempFile(), { backgroundCheckpoints: true });
    await driver.get('SELECT 1');
    expect(driver.checkpointer!.running).toBe(false);
    await driver.close();
    const inCommit = new SqliteDriver(tempFile());
    expect(inCommit.checkpointer).toBeNull();
    await inCommit.close();
  });
});
