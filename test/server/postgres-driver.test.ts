import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../src/server/store/database-unavailable.js';
import { PostgresDriver } from '../../src/server/store/postgres/driver.js';
import { numberPlaceholders, StatementCache } from '../../src/server/store/postgres/placeholders.js';
import { describePostgres, freshDatabaseUrl } from '../support/postgres.js';

describe('? placeholders numbered for PostgreSQL', () => {
  it.each([
    ['SELECT * FROM t WHERE a = ? AND b IN (?, ?)', 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)'],
    ["SELECT '?', 'it''s ?', ? FROM t", "SELECT '?', 'it''s ?', $1 FROM t"],
    ['SELECT "odd?name", "a""?" FROM t WHERE x = ?', 'SELECT "odd?name", "a""?" FROM t WHERE x = $1'],
    ['SELECT ? -- a comment? yes\n, ?', 'SELECT $1 -- a comment? yes\n, $2'],
    ['SELECT /* why? /* nested? */ still? */ ?', 'SELECT /* why? /* nested? */ still? */ $1'],
    ["SELECT E'\\'?', ?", "SELECT E'\\'?', $1"],
    // Outside an E'' string a backslash is an ordinary character (standard_conforming_strings).
    ["SELECT '\\', ?", "SELECT '\\', $1"],
    ['DO $$ BEGIN PERFORM 1 WHERE ? IS NULL; END $$; SELECT ?', 'DO $$ BEGIN PERFORM 1 WHERE ? IS NULL; END $$; SELECT $1'],
    ['SELECT $tag$ ? $tag$, a$b, ?', 'SELECT $tag$ ? $tag$, a$b, $1'],
    ['SELECT 10-?, 10/?', 'SELECT 10-$1, 10/$2'],
    ['SELECT 1', 'SELECT 1'],
  ])('%s', (sql, expected) => {
    expect(numberPlaceholders(sql)).toBe(expected);
  });
});

describe('statement names', () => {
  it('names the first texts, each under a name of its own for good, and leaves the rest unnamed', () => {
    const cache = new StatementCache(2, 3);
    const first = cache.get('SELECT ? AS a');
    expect(first).toEqual({ text: 'SELECT $1 AS a', name: 'keyplane_1' });
    expect(cache.get('SELECT ? AS a')).toBe(first);
    expect(cache.get('SELECT ? AS b').name).toBe('keyplane_2');
    expect(cache.get('SELECT ? AS c').name).toBeUndefined();
    // Past maxEntries the unnamed are dropped; a named text keeps its name.
    expect(cache.get('SELECT ? AS d').name).toBeUndefined();
    expect(cache.get('SELECT ? AS a').name).toBe('keyplane_1');
    expect(cache.get('SELECT ? AS c').name).toBeUndefined();
  });
});

describePostgres('PostgresDriver', () => {
  let url: string;
  let driver: PostgresDriver;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    driver = new PostgresDriver({ connectionString: url, maxConnections: 4 });
    await driver.run('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER)');
  });
  afterAll(() => driver?.close());

  it('binds ? parameters and leaves a ? inside quotes alone', async () => {
    const row = await driver.get<{ mark: string; quoted: string; value: string }>(`SELECT '?' AS mark, "?" AS quoted, ? AS value FROM (SELECT 1 AS "?") q`, [
      'bound',
    ]);
    expect(row).toEqual({ mark: '?', quoted: 1, value: 'bound' });
  });

  it('answers counts, sums and integers as numbers, booleans as 1 and 0', async () => {
    await driver.run('INSERT INTO item (id, name, size) VALUES (?, ?, ?), (?, ?, ?)', [1, 'one', 10, 2, 'two', null]);
    const row = await driver.get(
      'SELECT count(*) AS rows, sum(size) AS total, max(id) AS top, avg(size) AS mean, count(*) > 1 AS many, count(*) > 5 AS lots FROM item',
    );
    expect(row).toEqual({ rows: 2, total: 10, top: 2, mean: 10, many: 1, lots: 0 });
    // The parsers are this pool's: pg's global ones still give int8 as text.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*) AS rows FROM item')).rows[0]).toEqual({ rows: '2' });
    } finally {
      await client.end();
    }
  });

  it('gives rows as arrays in select order, get null for no row, run the rows changed', async () => {
    expect(await driver.rows('SELECT name, id, size FROM item ORDER BY id')).toEqual([
      ['one', 1, 10],
      ['two', 2, null],
    ]);
    expect(await driver.get('SELECT * FROM item WHERE id = ?', [99])).toBeNull();
    expect(await driver.all('SELECT id FROM item WHERE id > ?', [5])).toEqual([]);
    expect(await driver.run('UPDATE item SET size = ? WHERE id IN (?, ?)', [5, 1, 2])).toEqual({ changes: 2 });
    expect(await driver.run('DELETE FROM item WHERE id = ?', [99])).toEqual({ changes: 0 });
  });

  it('binds a NUL character, which PostgreSQL text cannot hold, as U+FFFD', async () => {
    await driver.run('INSERT INTO item (id, name) VALUES (?, ?)', [7, 'nul\u0000byte']);
    expect(await driver.get('SELECT name FROM item WHERE id = 7')).toEqual({ name: 'nul\uFFFDbyte' });
    expect(await driver.get('SELECT id FROM item WHERE name = ?', ['nul\u0000byte'])).toEqual({ id: 7 });
    expect(await driver.get('SELECT id FROM item WHERE name = ?', ['nul'])).toBeNull();
  });

  it('prepares a statement with parameters once per connection, and sends one without as it is', async () => {
    const single = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    try {
      for (let i = 0; i < 3; i++) await single.get('SELECT id FROM item WHERE id = ?', [i]);
      await single.run('SELECT 1; SELECT 2');
      expect(await single.all('SELECT statement FROM pg_prepared_statements ORDER BY name')).toEqual([{ statement: 'SELECT id FROM item WHERE id = $1' }]);
    } finally {
      await single.close();
    }
  });

  it('names itself keyplane to the server', async () => {
    expect(await driver.get('SHOW application_name')).toEqual({ application_name: 'keyplane' });
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const answer = await driver.transaction(async (tx) => {
      await tx.run('INSERT INTO item (id, name) VALUES (?, ?)', [10, 'kept']);
      return 'done';
    });
    expect(answer).toBe('done');
    const failure = new Error('changed my mind');
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('INSERT INTO item (id, name) VALUES (?, ?)', [11, 'dropped']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await driver.all('SELECT id FROM item WHERE id >= 10 ORDER BY id')).toEqual([{ id: 10 }]);
  });

  it('rolls back a transaction whose statement fails, and the connection goes on working', async () => {
    await expect(
      driver.transaction(async (tx) => {
        await tx.run('INSERT INTO item (id, name) VALUES (?, ?)', [12, 'first']);
        await tx.run('INSERT INTO item (id, name) VALUES (?, ?)', [12, 'again']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await driver.get('SELECT id FROM item WHERE id = 12')).toBeNull();
    for (let i = 0; i < 8; i++) expect(await driver.transaction((tx) => tx.get('SELECT 1 AS one'))).toEqual({ one: 1 });
  });

  it('runs each transaction on a connection of its own: concurrent ones do not see or join each other', async () => {
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstInserted!: () => void;
    const inserted = new Promise<void>((resolve) => (firstInserted = resolve));
    const first = driver.transaction(async (tx) => {
      await tx.run('INSERT INTO item (id, name) VALUES (?, ?)', [20, 'first']);
      firstInserted();
      await firstMayCommit;
      return (await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
    });
    await inserted;
    const second = await driver.transaction(async (tx) => ({
      pid: (await tx.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid,
      seen: await tx.get('SELECT id FROM item WHERE id = 20'),
    }));
    expect(second.seen).toBeNull();
    expect(await driver.get('SELECT id FROM item WHERE id = 20')).toBeNull();
    releaseFirst();
    expect(await first).not.toBe(second.pid);
    expect(await driver.get('SELECT id FROM item WHERE id = 20')).toEqual({ id: 20 });
  });

  it('queues transactions when every connection is taken, one after another, never interleaved', async () => {
    const single = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    try {
      const events: string[] = [];
      await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          single.transaction(async (tx) => {
            events.push(`${name} begin`);
            await tx.get('SELECT pg_sleep(0.02)');
            events.push(`${name} end`);
          }),
        ),
      );
      expect(events).toEqual(['a begin', 'a end', 'b begin', 'b end', 'c begin', 'c end']);
    } finally {
      await single.close();
    }
  });

  it('refuses a query through a transaction that has ended', async () => {
    let escaped: { get: (sql: string) => Promise<unknown> } | undefined;
    await driver.transaction(async (tx) => {
      escaped = tx;
    });
    await expect(escaped!.get('SELECT 1')).rejects.toThrow(/transaction has ended/);
  });

  it('runs a transaction again when PostgreSQL picks it as a deadlock victim', async () => {
    await driver.run('INSERT INTO item (id, name) VALUES (30, ?), (31, ?)', ['x', 'y']);
    const attempts: string[] = [];
    let bothLocked!: () => void;
    let locked = 0;
    const barrier = new Promise<void>((resolve) => (bothLocked = resolve));
    // Each locks one row, waits for the other to have locked its own, then wants the other's.
    const crossing = (name: string, mine: number, theirs: number) =>
      driver.transaction(async (tx) => {
        attempts.push(name);
        await tx.run('UPDATE item SET name = ? WHERE id = ?', [name, mine]);
        if (++locked === 2) bothLocked();
        await barrier;
        await tx.run('UPDATE item SET name = ? WHERE id = ?', [name, theirs]);
      });
    await Promise.all([crossing('p', 30, 31), crossing('q', 31, 30)]);
    // Both committed; one of them ran twice.
    expect(attempts.sort()).toHaveLength(3);
    const names = await driver.all<{ name: string }>('SELECT name FROM item WHERE id IN (30, 31) ORDER BY id');
    expect(new Set(names.map((row) => row.name)).size).toBe(1);
  });

  it('leaves a statement timeout as the error it is (not unavailability)', async () => {
    const impatient = new PostgresDriver({ connectionString: url, statementTimeoutMs: 50 });
    try {
      const error: unknown = await impatient.get('SELECT pg_sleep(1)').catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
      expect(error).toMatchObject({ code: '57014' });
    } finally {
      await impatient.close();
    }
  });

  it('throws DatabaseUnavailableError when there is no server to connect to', async () => {
    const nowhere = new URL(url);
    nowhere.port = '1';
    const lost = new PostgresDriver({ connectionString: nowhere.toString(), connectionTimeoutMs: 2_000 });
    try {
      await expect(lost.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(lost.transaction((tx) => tx.get('SELECT 1'))).rejects.toMatchObject({ name: 'DatabaseUnavailableError', code: 'ECONNREFUSED' });
    } finally {
      await lost.close();
    }
  });

  it('throws DatabaseUnavailableError when the server drops the connection, and reconnects afterwards', async () => {
    const victim = new PostgresDriver({ connectionString: url, maxConnections: 1 });
    try {
      const pid = (await victim.get<{ pid: number }>('SELECT pg_backend_pid() AS pid'))!.pid;
      // Caught at once: it fails while the test awaits the termination below.
      const failed = victim
        .transaction(async (tx) => {
          await tx.get('SELECT pg_sleep(5)');
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      // The server ends that backend, as it does its clients' at shutdown.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await driver.get('SELECT pg_terminate_backend(?)', [pid]);
      expect(await failed).toBeInstanceOf(DatabaseUnavailableError);
      await expect(victim.get('SELECT 1 AS one')).resolves.toEqual({ one: 1 });
    } finally {
      await victim.close();
    }
  });

  it('opens at most maxConnections connections', async () => {
    const small = new PostgresDriver({ connectionString: url, maxConnections: 2 });
    try {
      const pids = await Promise.all(Array.from({ length: 6 }, () => small.get<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')));
      expect(new Set(pids.map((row) => row!.pid)).size).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('closes once however often it is asked to', async () => {
    const closing = new PostgresDriver({ connectionString: url });
    await closing.ping();
    await Promise.all([closing.close(), closing.close()]);
    await closing.close();
  });
});
