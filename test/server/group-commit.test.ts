import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Driver, Queryable } from '../../src/server/store/sql/driver.js';
import { GroupCommit, MAX_GROUPED_WRITES } from '../../src/server/store/sql/group-commit.js';
import { SqliteDriver } from '../../src/server/store/sqlite/driver.js';

// Writes that arrive together share one transaction (store/sql/group-commit.ts); each
// keeps its own outcome, and none is answered before its transaction has committed.

let dir: string;
let sqlite: SqliteDriver;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keyplane-group-commit-'));
  sqlite = new SqliteDriver(join(dir, 'keyplane.db'));
  await sqlite.run('CREATE TABLE item (name TEXT PRIMARY KEY)');
});

afterEach(async () => {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The SQLite driver, counting its transactions; `commit` runs between the function's end and COMMIT (a slow commit). */
function watched(options: { commit?: () => Promise<void> } = {}) {
  const stats = { transactions: 0 };
  const driver: Driver = {
    dialect: 'sqlite',
    all: (sql, params) => sqlite.all(sql, params),
    get: (sql, params) => sqlite.get(sql, params),
    rows: (sql, params) => sqlite.rows(sql, params),
    run: (sql, params) => sqlite.run(sql, params),
    ping: () => sqlite.ping(),
    close: () => Promise.resolve(),
    transaction: (fn) => {
      stats.transactions++;
      return sqlite.transaction(async (tx) => {
        const result = await fn(tx);
        await options.commit?.();
        return result;
      });
    },
  };
  return { driver, stats };
}

const insert = (name: string) => async (tx: Queryable) => {
  await tx.run('INSERT INTO item (name) VALUES (?)', [name]);
  return name;
};
const names = async () => (await sqlite.all<{ name: string }>('SELECT name FROM item ORDER BY name')).map((row) => row.name);

describe('group commit', () => {
  it('runs writes that arrive together in one transaction, announced once, each answered with its own result', async () => {
    const { driver, stats } = watched();
    let announced = 0;
    const group = new GroupCommit(driver, async () => void announced++);
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => group.run(insert(name))));
    expect(results).toEqual(['a', 'b', 'c', 'd']);
    expect(stats.transactions).toBe(1);
    expect(announced).toBe(1);
    expect(await names()).toEqual(['a', 'b', 'c', 'd']);
  });

  it(`takes at most ${MAX_GROUPED_WRITES} writes in a transaction, and the rest in the next`, async () => {
    const { driver, stats } = watched();
    const group = new GroupCommit(driver, async () => undefined);
    await Promise.all(Array.from({ length: MAX_GROUPED_WRITES + 1 }, (_, i) => group.run(insert(`n${i}`))));
    expect(stats.transactions).toBe(2);
    expect(await names()).toHaveLength(MAX_GROUPED_WRITES + 1);
  });

  it('fails only the write that failed, with its own error, and undoes only its changes', async () => {
    const { driver } = watched();
    const group = new GroupCommit(driver, async () => undefined);
    const refused = new Error('over the limit');
    const outcomes = await Promise.allSettled([
      group.run(insert('a')),
      // Writes, then fails: its row must not stay.
      group.run(async (tx) => {
        await tx.run('INSERT INTO item (name) VALUES (?)', ['half']);
        throw refused;
      }),
      // A constraint: 'a' exists.
      group.run(insert('a')),
      group.run(insert('b')),
    ]);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'a' });
    expect(outcomes[1]).toEqual({ status: 'rejected', reason: refused });
    expect(outcomes[2]).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } });
    expect(outcomes[3]).toEqual({ status: 'fulfilled', value: 'b' });
    expect(await names()).toEqual(['a', 'b']);
  });

  it('answers no write before its commit has returned, and none whose commit failed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answered: string[] = [];
    const slow = new GroupCommit(watched({ commit: () => gate }).driver, async () => undefined);
    const pending = ['a', 'b'].map((name) => slow.run(insert(name)).then((value) => answered.push(value)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toEqual([]);
    release();
    await Promise.all(pending);
    expect(answered).toEqual(['a', 'b']);

    const lost = new Error('disk I/O error');
    const failing = new GroupCommit(watched({ commit: () => Promise.reject(lost) }).driver, async () => undefined);
    const outcomes = await Promise.allSettled(['c', 'd'].map((name) => failing.run(insert(name))));
    expect(outcomes).toEqual([
      { status: 'rejected', reason: lost },
      { status: 'rejected', reason: lost },
    ]);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('runs the others again when one failure ends the whole transaction', async () => {
    const { driver, stats } = watched();
    const group = new GroupCommit(driver, async () => undefined);
    const fatal = new Error('the transaction is gone');
    const outcomes = await Promise.allSettled([
      group.run(insert('a')),
      group.run(async (tx) => {
        // What SQLite does on some errors (a full disk, an I/O error): it rolls the whole transaction back.
        await tx.run('ROLLBACK');
        throw fatal;
      }),
      group.run(insert('b')),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'a' },
      { status: 'rejected', reason: fatal },
      { status: 'fulfilled', value: 'b' },
    ]);
    expect(stats.transactions).toBe(2);
    expect(await names()).toEqual(['a', 'b']);
  });

  it('fails the writes it could not announce, as a write outside a group would', async () => {
    const unheard = new Error('the change feed is closed');
    const group = new GroupCommit(watched().driver, () => Promise.reject(unheard));
    await expect(group.run(insert('a'))).rejects.toBe(unheard);
  });
});
